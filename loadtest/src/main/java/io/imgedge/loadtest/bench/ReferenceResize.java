package io.imgedge.loadtest.bench;

import java.awt.image.BufferedImage;

/**
 * The reference downscale the benchmark judges outputs against: a separable Lanczos-3 in double
 * precision over the full-size decode, with no intermediate rounding. Geometry as sharp, libvips
 * and imgedge use it: pixel centres at {@code (i + 0.5) * scale}, the kernel stretched by the scale
 * factor when shrinking, weights normalised per output pixel, edge samples not extended (the window
 * is cut at the border and renormalised). Values are resampled as stored (sRGB-encoded), as sharp
 * resamples; the result is rounded to 8 bits once, at the end.
 */
final class ReferenceResize {
  private ReferenceResize() {}

  /** Resizes an sRGB image to {@code width} x {@code height}; returns {@code TYPE_INT_RGB}. */
  static BufferedImage lanczos3(BufferedImage src, int width, int height) {
    return lanczos3(src, 0, 0, src.getWidth(), src.getHeight(), width, height);
  }

  /**
   * Resizes to cover {@code width} x {@code height} and crops the centre (Fastly's {@code
   * fit=crop}, sharp's {@code fit: cover}): the scale is the larger of the two axes' and the region
   * of the source that is kept is centred, fractional edges included (for 2725x2225 to 720x588: a
   * 2724.49 x 2225 region from x = 0.26). Kernel windows reach into the source outside the region,
   * as when the crop is placed on the full image rather than cut out first.
   */
  static BufferedImage cover(BufferedImage src, int width, int height) {
    double scale = Math.max((double) width / src.getWidth(), (double) height / src.getHeight());
    double rw = width / scale;
    double rh = height / scale;
    return lanczos3(
        src, (src.getWidth() - rw) / 2, (src.getHeight() - rh) / 2, rw, rh, width, height);
  }

  /**
   * Resizes the region at ({@code x0}, {@code y0}) of {@code rw} x {@code rh} source pixels to
   * {@code width} x {@code height}.
   */
  private static BufferedImage lanczos3(
      BufferedImage src, double x0, double y0, double rw, double rh, int width, int height) {
    int sw = src.getWidth();
    int sh = src.getHeight();
    double[][] planes = planes(src);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    double[][] horizontal = new double[3][];
    for (int c = 0; c < 3; c++) {
      horizontal[c] = pass(planes[c], sw, sh, width, true, x0, rw);
    }
    int[] rgb = new int[width * height];
    double[][] result = new double[3][];
    for (int c = 0; c < 3; c++) {
      result[c] = pass(horizontal[c], width, sh, height, false, y0, rh);
    }
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = 0xFF000000 | to8(result[0][i]) << 16 | to8(result[1][i]) << 8 | to8(result[2][i]);
    }
    out.setRGB(0, 0, width, height, rgb, 0, width);
    return out;
  }

  private static double[][] planes(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    double[][] planes = new double[3][w * h];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      src.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        planes[0][y * w + x] = row[x] >> 16 & 0xFF;
        planes[1][y * w + x] = row[x] >> 8 & 0xFF;
        planes[2][y * w + x] = row[x] & 0xFF;
      }
    }
    return planes;
  }

  /**
   * One axis: {@code horizontal} resamples rows of {@code w} to {@code out}, else columns of {@code
   * h}; the output spans the {@code length} source pixels from {@code offset}.
   */
  private static double[] pass(
      double[] in, int w, int h, int out, boolean horizontal, double offset, double length) {
    int n = horizontal ? w : h;
    int lines = horizontal ? h : w;
    int outW = horizontal ? out : w;
    double[] dst = new double[horizontal ? out * h : w * out];
    double scale = length / out;
    double fs = Math.max(1, scale);
    double support = 3 * fs;
    for (int i = 0; i < out; i++) {
      double center = offset + (i + 0.5) * scale;
      int lo = Math.max(0, (int) Math.floor(center - support + 0.5));
      int hi = Math.min(n, (int) Math.floor(center + support + 0.5));
      double[] weights = new double[hi - lo];
      double sum = 0;
      for (int k = lo; k < hi; k++) {
        weights[k - lo] = lanczos3((k + 0.5 - center) / fs);
        sum += weights[k - lo];
      }
      for (int line = 0; line < lines; line++) {
        double v = 0;
        for (int k = lo; k < hi; k++) {
          v += weights[k - lo] * (horizontal ? in[line * w + k] : in[k * w + line]);
        }
        dst[horizontal ? line * outW + i : i * w + line] = v / sum;
      }
    }
    return dst;
  }

  private static double lanczos3(double x) {
    if (x == 0) {
      return 1;
    }
    if (Math.abs(x) >= 3) {
      return 0;
    }
    double px = Math.PI * x;
    return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
  }

  private static int to8(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
