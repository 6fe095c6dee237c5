package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * Unsharp mask ({@code sharpen=a,r,t}): each colour channel moves away from its Gaussian-blurred
 * value by {@code amount} times the difference, where the difference exceeds {@code threshold}
 * levels. Alpha is kept.
 */
public final class UnsharpMask {
  private UnsharpMask() {}

  /**
   * A sharpened copy.
   *
   * @param amount strength, e.g. 1 doubles local contrast at edges
   * @param sigma the blur's standard deviation in pixels
   * @param threshold differences of at most this many levels (0-255) are left alone
   */
  public static BufferedImage sharpen(
      BufferedImage image, double amount, double sigma, int threshold) {
    BufferedImage blurred = GaussianBlur.blur(image, sigma);
    int[] src = SrgbImages.pixels(image);
    int[] soft = SrgbImages.pixels(blurred);
    BufferedImage out =
        SrgbImages.blank(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
    int[] dst = SrgbImages.pixels(out);
    for (int i = 0; i < src.length; i++) {
      if ((i & 0xFFFF) == 0) {
        RenderScope.checkpoint(); // every 64K pixels
      }
      int p = src[i];
      int q = soft[i];
      int rgb = 0;
      for (int shift = 16; shift >= 0; shift -= 8) {
        int c = p >> shift & 0xFF;
        int diff = c - (q >> shift & 0xFF);
        int v = Math.abs(diff) > threshold ? clamp(c + amount * diff) : c;
        rgb |= v << shift;
      }
      dst[i] = (p & 0xFF000000) | rgb;
    }
    return out;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
