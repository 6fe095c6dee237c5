package io.imgedge.transform.testing;

import java.awt.image.BufferedImage;

/**
 * A 64-bit difference hash (dHash) of an image: composited over mid-gray, reduced to 9x8 luma cells
 * by box averaging, one bit per horizontally adjacent pair (left brighter than right). Small codec
 * differences flip few bits; a changed composition flips many. Compare with {@link #distance}.
 */
public final class PerceptualHash {
  private PerceptualHash() {}

  /** The hash of an image. */
  public static long dHash(BufferedImage image) {
    double[] cells = new double[9 * 8];
    int w = image.getWidth();
    int h = image.getHeight();
    for (int cy = 0; cy < 8; cy++) {
      for (int cx = 0; cx < 9; cx++) {
        cells[cy * 9 + cx] =
            meanLuma(
                image,
                cx * w / 9,
                cy * h / 8,
                Math.max(cx * w / 9 + 1, (cx + 1) * w / 9),
                Math.max(cy * h / 8 + 1, (cy + 1) * h / 8));
      }
    }
    long hash = 0;
    for (int cy = 0; cy < 8; cy++) {
      for (int cx = 0; cx < 8; cx++) {
        hash = hash << 1 | (cells[cy * 9 + cx] > cells[cy * 9 + cx + 1] ? 1 : 0);
      }
    }
    return hash;
  }

  /** The number of differing bits, 0 (same) to 64. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static double meanLuma(BufferedImage image, int x0, int y0, int x1, int y1) {
    double sum = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int p = image.getRGB(x, y);
        double a = (p >>> 24) / 255.0;
        double luma = 0.2126 * (p >> 16 & 0xFF) + 0.7152 * (p >> 8 & 0xFF) + 0.0722 * (p & 0xFF);
        sum += luma * a + 128 * (1 - a);
      }
    }
    return sum / ((double) (x1 - x0) * (y1 - y0));
  }
}
