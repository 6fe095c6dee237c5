package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * True 1-bit black and white ({@code bw=}): every pixel becomes black or white, by a luminance
 * threshold or by Atkinson error diffusion. Luminance is Rec. 709 luma of the sRGB values, 0-100.
 * Alpha is kept.
 */
public final class BlackAndWhite {
  private static final int BLACK = 0x000000;
  private static final int WHITE = 0xFFFFFF;

  private BlackAndWhite() {}

  /** Pixels whose luminance is below {@code luminance} (0-100) become black, the rest white. */
  public static BufferedImage threshold(BufferedImage image, int luminance) {
    int[] src = SrgbImages.pixels(image);
    BufferedImage out =
        SrgbImages.blank(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
    int[] dst = SrgbImages.pixels(out);
    double cutoff = luminance * 2.55;
    for (int i = 0; i < src.length; i++) {
      dst[i] = (src[i] & 0xFF000000) | (luma(src[i]) < cutoff ? BLACK : WHITE);
    }
    return out;
  }

  /** Atkinson dithering: 6/8 of each pixel's error goes to six neighbours, 1/8 each. */
  public static BufferedImage atkinson(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] src = SrgbImages.pixels(image);
    double[] lum = new double[src.length];
    for (int i = 0; i < src.length; i++) {
      lum[i] = luma(src[i]);
    }
    BufferedImage out = SrgbImages.blank(w, h, image.getColorModel().hasAlpha());
    int[] dst = SrgbImages.pixels(out);
    int[][] spread = {{1, 0}, {2, 0}, {-1, 1}, {0, 1}, {1, 1}, {0, 2}};
    for (int y = 0; y < h; y++) {
      RenderScope.checkpoint();
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        boolean white = lum[i] >= 127.5;
        double error = (lum[i] - (white ? 255 : 0)) / 8;
        dst[i] = (src[i] & 0xFF000000) | (white ? WHITE : BLACK);
        for (int[] d : spread) {
          int nx = x + d[0];
          int ny = y + d[1];
          if (nx >= 0 && nx < w && ny < h) {
            lum[ny * w + nx] += error;
          }
        }
      }
    }
    return out;
  }

  static double luma(int p) {
    return 0.2126 * (p >> 16 & 0xFF) + 0.7152 * (p >> 8 & 0xFF) + 0.0722 * (p & 0xFF);
  }
}
