package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.Point;
import java.awt.image.BufferedImage;

/**
 * Chooses a crop window by content ({@code crop=W:H,smart}), in the spirit of libvips' attention
 * strategy: on a small copy of the image, each pixel scores for edges (the Laplacian of luma),
 * saturation (chroma) and skin tones (closeness to a skin hue of moderate brightness); the window
 * holding the largest total score wins, the one nearest the centre on a tie.
 */
public final class Saliency {
  /** The longer side of the copy the scores are computed on. */
  static final int ANALYSIS_SIZE = 160;

  private static final double[] SKIN = normalise(0.78, 0.57, 0.44);

  private Saliency() {}

  /** The top-left corner of the best {@code cw} x {@code ch} window inside the image. */
  public static Point bestWindow(BufferedImage image, int cw, int ch) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (cw >= w && ch >= h) {
      return new Point(0, 0);
    }
    double scale = Math.min(1, (double) ANALYSIS_SIZE / Math.max(w, h));
    int sw = Math.max(1, (int) Math.round(w * scale));
    int sh = Math.max(1, (int) Math.round(h * scale));
    double[] score = scores(shrink(image, sw, sh), sw, sh);
    int ww = Math.min(sw, Math.max(1, (int) Math.round(cw * scale)));
    int wh = Math.min(sh, Math.max(1, (int) Math.round(ch * scale)));
    Point best = search(integral(score, sw, sh), sw, sh, ww, wh);
    int x = (int) Math.round(best.x / scale);
    int y = (int) Math.round(best.y / scale);
    return new Point(Math.max(0, Math.min(w - cw, x)), Math.max(0, Math.min(h - ch, y)));
  }

  /** Per-pixel saliency: 2 x edge + saturation + skin, each 0..1. */
  static double[] scores(int[] px, int w, int h) {
    double[] luma = new double[px.length];
    for (int i = 0; i < px.length; i++) {
      luma[i] = BlackAndWhite.luma(px[i]) / 255;
    }
    double[] s = new double[px.length];
    for (int y = 0; y < h; y++) {
      RenderScope.checkpoint();
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        double lap =
            4 * luma[i]
                - luma[y * w + Math.max(0, x - 1)]
                - luma[y * w + Math.min(w - 1, x + 1)]
                - luma[Math.max(0, y - 1) * w + x]
                - luma[Math.min(h - 1, y + 1) * w + x];
        s[i] = 2 * Math.min(1, Math.abs(lap)) + chroma(px[i]) + skin(px[i]);
      }
    }
    return s;
  }

  private static double chroma(int p) {
    int r = p >> 16 & 0xFF;
    int g = p >> 8 & 0xFF;
    int b = p & 0xFF;
    return (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b))) / 255.0;
  }

  private static double skin(int p) {
    double r = (p >> 16 & 0xFF) / 255.0;
    double g = (p >> 8 & 0xFF) / 255.0;
    double b = (p & 0xFF) / 255.0;
    double len = Math.sqrt(r * r + g * g + b * b);
    double lum = (r + g + b) / 3;
    if (len == 0 || lum < 0.2 || lum > 0.9) {
      return 0;
    }
    double d = Math.sqrt(sq(r / len - SKIN[0]) + sq(g / len - SKIN[1]) + sq(b / len - SKIN[2]));
    return Math.max(0, 1 - d * 8);
  }

  private static Point search(double[] sat, int w, int h, int ww, int wh) {
    Point best = new Point(0, 0);
    double bestScore = -1;
    double bestDistance = Double.MAX_VALUE;
    for (int y = 0; y + wh <= h; y++) {
      RenderScope.checkpoint();
      for (int x = 0; x + ww <= w; x++) {
        double sum =
            sat[(y + wh) * (w + 1) + x + ww]
                - sat[y * (w + 1) + x + ww]
                - sat[(y + wh) * (w + 1) + x]
                + sat[y * (w + 1) + x];
        double distance = sq(x - (w - ww) / 2.0) + sq(y - (h - wh) / 2.0);
        if (sum > bestScore + 1e-9
            || (Math.abs(sum - bestScore) <= 1e-9 && distance < bestDistance)) {
          bestScore = sum;
          bestDistance = distance;
          best = new Point(x, y);
        }
      }
    }
    return best;
  }

  private static double[] integral(double[] v, int w, int h) {
    double[] sat = new double[(w + 1) * (h + 1)];
    for (int y = 0; y < h; y++) {
      RenderScope.checkpoint();
      double row = 0;
      for (int x = 0; x < w; x++) {
        row += v[y * w + x];
        sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
      }
    }
    return sat;
  }

  /** A box-averaged copy of the image at {@code sw} x {@code sh}, alpha ignored. */
  static int[] shrink(BufferedImage image, int sw, int sh) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] src = SrgbImages.pixels(image);
    int[] out = new int[sw * sh];
    for (int y = 0; y < sh; y++) {
      RenderScope.checkpoint();
      int y0 = y * h / sh;
      int y1 = Math.max(y0 + 1, (y + 1) * h / sh);
      for (int x = 0; x < sw; x++) {
        int x0 = x * w / sw;
        int x1 = Math.max(x0 + 1, (x + 1) * w / sw);
        long r = 0;
        long g = 0;
        long b = 0;
        for (int j = y0; j < y1; j++) {
          for (int i = x0; i < x1; i++) {
            int p = src[j * w + i];
            r += p >> 16 & 0xFF;
            g += p >> 8 & 0xFF;
            b += p & 0xFF;
          }
        }
        long n = (long) (y1 - y0) * (x1 - x0);
        out[y * sw + x] = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
      }
    }
    return out;
  }

  private static double[] normalise(double r, double g, double b) {
    double len = Math.sqrt(r * r + g * g + b * b);
    return new double[] {r / len, g / len, b / len};
  }

  private static double sq(double v) {
    return v * v;
  }
}
