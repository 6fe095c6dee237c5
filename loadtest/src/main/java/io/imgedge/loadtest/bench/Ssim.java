package io.imgedge.loadtest.bench;

import java.awt.image.BufferedImage;

/**
 * The structural similarity index (Wang, Bovik, Sheikh and Simoncelli, "Image quality assessment:
 * from error visibility to structural similarity", IEEE TIP 2004) on luma: an 11x11 Gaussian window
 * with sigma 1.5, {@code K1 = 0.01}, {@code K2 = 0.03}, {@code L = 255}, evaluated at every pixel
 * whose window lies inside the image, and averaged (the paper's mean SSIM). Luma is BT.601 {@code Y
 * = 0.299 R + 0.587 G + 0.114 B} on the stored (sRGB-encoded) values.
 */
final class Ssim {
  private static final int RADIUS = 5;
  private static final double C1 = Math.pow(0.01 * 255, 2);
  private static final double C2 = Math.pow(0.03 * 255, 2);
  private static final double[] WINDOW = gaussian();

  private Ssim() {}

  /** Mean SSIM of two images of the same size; 1 for identical images. */
  static double mean(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new IllegalArgumentException(
          "sizes differ: %dx%d and %dx%d"
              .formatted(a.getWidth(), a.getHeight(), b.getWidth(), b.getHeight()));
    }
    int w = a.getWidth();
    int h = a.getHeight();
    double[] x = luma(a);
    double[] y = luma(b);
    double total = 0;
    long count = 0;
    for (int cy = RADIUS; cy < h - RADIUS; cy++) {
      for (int cx = RADIUS; cx < w - RADIUS; cx++) {
        total += at(x, y, w, cx, cy);
        count++;
      }
    }
    return total / count;
  }

  private static double at(double[] x, double[] y, int w, int cx, int cy) {
    double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
    for (int dy = -RADIUS; dy <= RADIUS; dy++) {
      for (int dx = -RADIUS; dx <= RADIUS; dx++) {
        double g = WINDOW[(dy + RADIUS) * (2 * RADIUS + 1) + dx + RADIUS];
        int i = (cy + dy) * w + cx + dx;
        mx += g * x[i];
        my += g * y[i];
        xx += g * x[i] * x[i];
        yy += g * y[i] * y[i];
        xy += g * x[i] * y[i];
      }
    }
    double vx = xx - mx * mx;
    double vy = yy - my * my;
    double cov = xy - mx * my;
    return ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
  }

  private static double[] luma(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    double[] y = new double[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      y[i] = 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
    }
    return y;
  }

  private static double[] gaussian() {
    int size = 2 * RADIUS + 1;
    double[] g = new double[size * size];
    double sum = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double d2 = Math.pow(x - RADIUS, 2) + Math.pow(y - RADIUS, 2);
        g[y * size + x] = Math.exp(-d2 / (2 * 1.5 * 1.5));
        sum += g[y * size + x];
      }
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= sum;
    }
    return g;
  }
}
