package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * Brightness, contrast and saturation, each -100 to 100 as Fastly defines them, on sRGB-encoded
 * values: brightness adds up to the full range (±100 gives white or black), contrast scales around
 * mid-gray (-100 gives flat gray, +100 a hard threshold), saturation mixes with the pixel's Rec.
 * 709 luma (-100 gives gray, +100 doubles the chroma). Alpha is kept.
 */
public final class Tone {
  private Tone() {}

  /** An adjusted copy; brightness and contrast run first, then saturation. */
  public static BufferedImage adjust(
      BufferedImage image, int brightness, int contrast, int saturation) {
    int[] lut = lut(brightness, contrast);
    double s = 1 + saturation / 100.0;
    int[] src = SrgbImages.pixels(image);
    BufferedImage out =
        SrgbImages.blank(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
    int[] dst = SrgbImages.pixels(out);
    for (int i = 0; i < src.length; i++) {
      if ((i & 0xFFFF) == 0) {
        RenderScope.checkpoint(); // every 64K pixels
      }
      int p = src[i];
      int r = lut[p >> 16 & 0xFF];
      int g = lut[p >> 8 & 0xFF];
      int b = lut[p & 0xFF];
      if (saturation != 0) {
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        r = clamp(y + (r - y) * s);
        g = clamp(y + (g - y) * s);
        b = clamp(y + (b - y) * s);
      }
      dst[i] = (p & 0xFF000000) | r << 16 | g << 8 | b;
    }
    return out;
  }

  /** The per-channel curve of brightness then contrast. */
  static int[] lut(int brightness, int contrast) {
    double factor =
        contrast <= 0 ? (contrast + 100) / 100.0 : contrast == 100 ? 255 : 100.0 / (100 - contrast);
    int[] lut = new int[256];
    for (int v = 0; v < 256; v++) {
      double b = v + brightness / 100.0 * 255;
      lut[v] = clamp((b - 127.5) * factor + 127.5);
    }
    return lut;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
