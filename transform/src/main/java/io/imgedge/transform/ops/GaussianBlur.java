package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * A separable Gaussian blur on premultiplied channels (so transparent pixels do not bleed their
 * colour). Small standard deviations use an exact kernel; large ones three box blurs, whose cost
 * does not grow with the radius (so {@code blur=1000} stays cheap). Edges are clamped.
 */
public final class GaussianBlur {
  /** Above this standard deviation the box approximation is used. */
  static final double EXACT_LIMIT = 6;

  private GaussianBlur() {}

  /** A blurred copy of a pipeline image; {@code sigma} in pixels, at least 0.1. */
  public static BufferedImage blur(BufferedImage image, double sigma) {
    boolean alpha = image.getColorModel().hasAlpha();
    int w = image.getWidth();
    int h = image.getHeight();
    int[][] planes = Planes.split(SrgbImages.pixels(image), alpha);
    for (int[] plane : planes) {
      blurPlane(plane, w, h, sigma);
    }
    BufferedImage out = SrgbImages.blank(w, h, alpha);
    Planes.join(planes, SrgbImages.pixels(out), alpha);
    return out;
  }

  /** Blurs one plane of values in place. */
  static void blurPlane(int[] plane, int w, int h, double sigma) {
    int[] tmp = new int[plane.length];
    if (sigma <= EXACT_LIMIT) {
      int[] kernel = kernel(sigma);
      convolve(plane, tmp, w, h, kernel, true);
      convolve(tmp, plane, w, h, kernel, false);
      return;
    }
    for (int radius : boxRadii(sigma)) {
      box(plane, tmp, w, h, radius, true);
      box(tmp, plane, w, h, radius, false);
    }
  }

  /** A normalised Gaussian kernel in 1/65536ths, radius ceil(3 sigma). */
  static int[] kernel(double sigma) {
    int r = Math.max(1, (int) Math.ceil(3 * sigma));
    double[] k = new double[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
      sum += k[i + r];
    }
    int[] fixed = new int[k.length];
    for (int i = 0; i < k.length; i++) {
      fixed[i] = (int) Math.round(k[i] / sum * 65536);
    }
    return fixed;
  }

  private static void convolve(int[] src, int[] dst, int w, int h, int[] k, boolean horizontal) {
    int r = k.length / 2;
    int lines = horizontal ? h : w;
    int len = horizontal ? w : h;
    int step = horizontal ? 1 : w;
    for (int line = 0; line < lines; line++) {
      RenderScope.checkpoint();
      int base = horizontal ? line * w : line;
      for (int i = 0; i < len; i++) {
        long acc = 0;
        for (int j = -r; j <= r; j++) {
          int at = Math.min(len - 1, Math.max(0, i + j));
          acc += (long) k[j + r] * src[base + at * step];
        }
        dst[base + i * step] = (int) ((acc + 32768) >> 16);
      }
    }
  }

  /** Three box radii whose successive application approximates the Gaussian (Kovesi). */
  static int[] boxRadii(double sigma) {
    double ideal = Math.sqrt(12 * sigma * sigma / 3 + 1);
    int wl = (int) Math.floor(ideal);
    if (wl % 2 == 0) {
      wl--;
    }
    int wu = wl + 2;
    double mIdeal = (12 * sigma * sigma - 3 * wl * wl - 12 * wl - 9) / (-4.0 * wl - 4);
    long m = Math.round(mIdeal);
    int[] radii = new int[3];
    for (int i = 0; i < 3; i++) {
      radii[i] = ((i < m ? wl : wu) - 1) / 2;
    }
    return radii;
  }

  private static void box(int[] src, int[] dst, int w, int h, int r, boolean horizontal) {
    int lines = horizontal ? h : w;
    int len = horizontal ? w : h;
    int step = horizontal ? 1 : w;
    int size = 2 * r + 1;
    for (int line = 0; line < lines; line++) {
      RenderScope.checkpoint();
      int base = horizontal ? line * w : line;
      long sum = 0;
      for (int j = -r; j <= r; j++) {
        sum += src[base + Math.min(len - 1, Math.max(0, j)) * step];
      }
      for (int i = 0; i < len; i++) {
        dst[base + i * step] = (int) ((sum + size / 2) / size);
        int out = Math.max(0, i - r);
        int in = Math.min(len - 1, i + r + 1);
        sum += src[base + in * step] - src[base + out * step];
      }
    }
  }
}
