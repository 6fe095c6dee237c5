package io.imgedge.transform.resize;

import io.imgedge.transform.RenderScope;

/**
 * Resamples a band of output rows: for each, a vertical pass accumulates the source rows under the
 * kernel (whole rows at a time, which the JIT vectorizes), then a horizontal pass filters that one
 * row to the output width and packs it. Nothing image-sized is allocated besides the output.
 *
 * <p>Fixed point: values of {@code light.bits} bits; vertical weights of {@code 30 - bits} bits, so
 * that a sum keeps within an {@code int}; the intermediate row is kept at 14 bits per value (more
 * than the output's 8, so the two passes round once); horizontal weights of 14 bits.
 */
final class RowResampler {
  static final int INTERMEDIATE_SHIFT = 16;
  static final int H_BITS = 14;

  private final SourceRows rows;
  private final Coefficients vertical;
  private final Coefficients horizontal;
  private final int channels;
  private final Light light;
  private final int[][] acc;
  private final long[] pair;
  private final int finalShift;

  RowResampler(
      SourceRows rows,
      int sourceWidth,
      Coefficients vertical,
      Coefficients horizontal,
      int channels,
      Light light) {
    this.rows = rows;
    this.vertical = vertical;
    this.horizontal = horizontal;
    this.channels = channels;
    this.light = light;
    this.acc = new int[channels][sourceWidth];
    this.pair = new long[sourceWidth];
    this.finalShift = H_BITS + 14 - light.bits;
  }

  /**
   * Writes output rows {@code [from, to)} into {@code dst}, {@code width} packed pixels per row.
   */
  void run(int from, int to, int[] dst) {
    int width = horizontal.start.length;
    int[][] out = new int[channels][width];
    for (int y = from; y < to; y++) {
      RenderScope.checkpoint();
      verticalPass(y);
      horizontalPass(out);
      pack(out, dst, y * width);
    }
  }

  private void verticalPass(int y) {
    int round = 1 << (INTERMEDIATE_SHIFT - 1);
    for (int[] a : acc) {
      java.util.Arrays.fill(a, round);
    }
    int offset = y * vertical.stride;
    for (int k = 0, n = vertical.count[y]; k < n; k++) {
      int w = vertical.weights[offset + k];
      int[][] planes = rows.row(vertical.start[y] + k);
      for (int c = 0; c < channels; c++) {
        accumulate(acc[c], planes[c], w);
      }
    }
    for (int[] a : acc) {
      for (int x = 0; x < a.length; x++) {
        a[x] >>= INTERMEDIATE_SHIFT;
      }
    }
  }

  private static void accumulate(int[] a, int[] plane, int w) {
    for (int x = 0; x < a.length; x++) {
      a[x] += plane[x] * w;
    }
  }

  private void horizontalPass(int[][] out) {
    if (channels == 3) {
      int[] b = acc[0];
      int[] r = acc[2];
      for (int x = 0; x < b.length; x++) {
        pair[x] = ((long) r[x] << 32) + b[x];
      }
      horizontalPair(pair, acc[1], out[0], out[1], out[2]);
    } else {
      for (int c = 0; c < channels; c++) {
        horizontal1(acc[c], out[c]);
      }
    }
  }

  /** Two channels per multiply: {@code hi * 2^32 + lo} sums exactly, and each half fits an int. */
  private void horizontalPair(long[] rb, int[] in1, int[] o0, int[] o1, int[] o2) {
    int[] start = horizontal.start;
    int[] count = horizontal.count;
    int[] weights = horizontal.weights;
    int stride = horizontal.stride;
    int shift = finalShift;
    int round = 1 << (shift - 1);
    int max = light.max;
    for (int x = 0; x < o0.length; x++) {
      long s02 = 0;
      int s1 = round;
      int first = start[x];
      int wOffset = x * stride;
      for (int k = 0, n = count[x]; k < n; k++) {
        int w = weights[wOffset + k];
        s02 += rb[first + k] * w;
        s1 += in1[first + k] * w;
      }
      int lo = (int) s02;
      int hi = (int) ((s02 - lo) >> 32);
      o0[x] = clamp((lo + round) >> shift, max);
      o1[x] = clamp(s1 >> shift, max);
      o2[x] = clamp((hi + round) >> shift, max);
    }
  }

  private void horizontal1(int[] in, int[] o) {
    int[] start = horizontal.start;
    int[] count = horizontal.count;
    int[] weights = horizontal.weights;
    int stride = horizontal.stride;
    int shift = finalShift;
    int round = 1 << (shift - 1);
    for (int x = 0; x < o.length; x++) {
      int sum = round;
      int first = start[x];
      int wOffset = x * stride;
      for (int k = 0, n = count[x]; k < n; k++) {
        sum += in[first + k] * weights[wOffset + k];
      }
      o[x] = clamp(sum >> shift, light.max);
    }
  }

  private static int clamp(int v, int max) {
    return v < 0 ? 0 : Math.min(v, max);
  }

  private void pack(int[][] out, int[] dst, int offset) {
    int[] b = out[0];
    int[] g = out[1];
    int[] r = out[2];
    if (channels == 3) {
      for (int x = 0; x < b.length; x++) {
        dst[offset + x] =
            0xFF000000 | light.encode(r[x]) << 16 | light.encode(g[x]) << 8 | light.encode(b[x]);
      }
      return;
    }
    int[] a = out[3];
    for (int x = 0; x < b.length; x++) {
      dst[offset + x] = unpremultiply(a[x], r[x], g[x], b[x]);
    }
  }

  private int unpremultiply(int a, int r, int g, int b) {
    if (a == 0) {
      return 0;
    }
    return light.alpha8(a) << 24 | straight(r, a) << 16 | straight(g, a) << 8 | straight(b, a);
  }

  private int straight(int c, int a) {
    return light.encode(Math.min(light.max, (Math.min(c, a) * light.max + a / 2) / a));
  }
}
