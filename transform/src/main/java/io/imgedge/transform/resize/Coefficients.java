package io.imgedge.transform.resize;

/**
 * Precomputed, normalised filter weights for resampling one axis from {@code in} to {@code out}
 * samples, in fixed point ({@link #PRECISION_BITS} fractional bits). When shrinking, the kernel
 * is stretched by the scale factor so that it low-pass filters (no aliasing).
 */
final class Coefficients {
  static final int PRECISION_BITS = 22;
  static final int ROUNDING = 1 << (PRECISION_BITS - 1);

  /** First source index contributing to output sample {@code i}. */
  final int[] start;
  /** Number of contributing source samples for output sample {@code i}. */
  final int[] count;
  /** Weights, {@link #stride} per output sample. */
  final int[] weights;
  final int stride;

  private Coefficients(int[] start, int[] count, int[] weights, int stride) {
    this.start = start;
    this.count = count;
    this.weights = weights;
    this.stride = stride;
  }

  static Coefficients compute(int in, int out, Kernel kernel) {
    double scale = (double) in / out;
    double filterScale = Math.max(scale, 1.0);
    double support = kernel.support() * filterScale;
    int stride = (int) Math.ceil(support) * 2 + 1;
    int[] start = new int[out];
    int[] count = new int[out];
    int[] weights = new int[out * stride];
    double[] w = new double[stride];
    for (int i = 0; i < out; i++) {
      double center = (i + 0.5) * scale;
      int min = Math.max(0, (int) Math.floor(center - support + 0.5));
      int max = Math.min(in, (int) Math.floor(center + support + 0.5));
      int n = Math.min(max - min, stride);
      double sum = 0;
      for (int k = 0; k < n; k++) {
        w[k] = kernel.weight((k + min - center + 0.5) / filterScale);
        sum += w[k];
      }
      toFixedPoint(w, n, sum, weights, i * stride);
      start[i] = min;
      count[i] = n;
    }
    return new Coefficients(start, count, weights, stride);
  }

  private static void toFixedPoint(double[] w, int n, double sum, int[] dst, int offset) {
    double norm = sum == 0 ? 1 : 1 / sum;
    for (int k = 0; k < n; k++) {
      dst[offset + k] = (int) Math.round(w[k] * norm * (1 << PRECISION_BITS));
    }
  }
}
