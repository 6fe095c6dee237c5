package io.imgedge.transform.ops;

/**
 * Splits packed ARGB pixels into separate channel planes and joins them back. With alpha the colour
 * planes are premultiplied (values 0-255 scaled by alpha, kept with 8 extra bits of precision), so
 * that filters weigh colours by coverage.
 */
final class Planes {
  private Planes() {}

  /** {r, g, b} or, with alpha, {r*a, g*a, b*a, a} scaled to 0..65025. */
  static int[][] split(int[] argb, boolean alpha) {
    int n = argb.length;
    int[][] p = new int[alpha ? 4 : 3][n];
    for (int i = 0; i < n; i++) {
      int px = argb[i];
      int a = alpha ? px >>> 24 : 255;
      p[0][i] = (px >> 16 & 0xFF) * a;
      p[1][i] = (px >> 8 & 0xFF) * a;
      p[2][i] = (px & 0xFF) * a;
      if (alpha) {
        p[3][i] = a * 255;
      }
    }
    return p;
  }

  /** Joins planes made by {@link #split}, un-premultiplying and clamping. */
  static void join(int[][] p, int[] argb, boolean alpha) {
    for (int i = 0; i < argb.length; i++) {
      int a255 = alpha ? clamp(p[3][i], 65025) : 65025;
      int a = (a255 + 127) / 255;
      if (a == 0) {
        argb[i] = 0;
        continue;
      }
      int r = unpremultiply(p[0][i], a255);
      int g = unpremultiply(p[1][i], a255);
      int b = unpremultiply(p[2][i], a255);
      argb[i] = (alpha ? a << 24 : 0xFF000000) | r << 16 | g << 8 | b;
    }
  }

  private static int unpremultiply(int v, int a255) {
    return Math.min(255, Math.max(0, (int) Math.round(v * 255.0 / Math.max(1, a255))));
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
