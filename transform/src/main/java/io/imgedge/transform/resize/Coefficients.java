package io.imgedge.transform.resize;

/**
 * Precomputed, normalised filter weights for resampling one axis from {@code in} to {@code out}
 * samples, in fixed point with {@code precisionBits} fractional bits. When shrinking, the kernel is
 * stretched by the scale factor so that it low-pass filters (no aliasing). Zero weights at either
 * end of a window are dropped, so that a same-size axis is a one-tap copy.
 */
final class Coefficients {
  /** First source index contributing to output sample {@code i}. */
  final int[] start;

  /** Number of contributing source samples for output sample {@code i}. */
  final int[] count;

  /** Weights, {@link #stride} per output sample. */
  final int[] weights;

  final int stride;
  final int precisionBits;

  private Coefficients(int[] start, int[] count, int[] weights, int stride, int precisionBits) {
    this.start = start;
    this.count = count;
    this.weights = weights;
    this.stride = stride;
    this.precisionBits = precisionBits;
  }

  static Coefficients compute(int in, int out, Kernel kernel, int precisionBits) {
    return compute(0, in, in, out, kernel, precisionBits);
  }

  /**
   * Weights for resampling the span {@code [from, from + length)} of an axis of {@code in} samples
   * (a span with fractional ends, e.g. a region mapped onto a reduced-scale decode) to {@code out}
   * samples; windows are cut at the axis' ends and renormalised.
   */
  static Coefficients compute(
      double from, double length, int in, int out, Kernel kernel, int precisionBits) {
    return compute(from, length, in, out, kernel, precisionBits, Double.POSITIVE_INFINITY);
  }

  /**
   * As above, with no sample centred beyond {@code maxCentre}: the last samples of a span that
   * reaches past the image's content (a chroma plane's last sample of an odd side, which the JPEG
   * encoder centres on the last pixel) are pulled back to it.
   */
  static Coefficients compute(
      double from,
      double length,
      int in,
      int out,
      Kernel kernel,
      int precisionBits,
      double maxCentre) {
    double scale = length / out;
    double filterScale = Math.max(scale, 1.0);
    double support = kernel.support() * filterScale;
    int stride = (int) Math.ceil(support) * 2 + 1;
    int[] start = new int[out];
    int[] count = new int[out];
    int[] weights = new int[out * stride];
    double[] w = new double[stride];
    for (int i = 0; i < out; i++) {
      double center = Math.min(from + (i + 0.5) * scale, maxCentre);
      int min = Math.max(0, (int) Math.floor(center - support + 0.5));
      int max = Math.min(in, (int) Math.floor(center + support + 0.5));
      int n = Math.min(max - min, stride);
      double sum = 0;
      for (int k = 0; k < n; k++) {
        w[k] = kernel.weight((k + min - center + 0.5) / filterScale);
        sum += w[k];
      }
      int[] trimmed = toFixedPoint(w, n, sum, weights, i * stride, precisionBits);
      start[i] = min + trimmed[0];
      count[i] = trimmed[1];
    }
    return new Coefficients(start, count, weights, stride, precisionBits);
  }

  /** Writes the non-zero run of weights at {@code offset}; returns {first kept index, count}. */
  private static int[] toFixedPoint(
      double[] w, int n, double sum, int[] dst, int offset, int precisionBits) {
    double norm = sum == 0 ? 1 : 1 / sum;
    int first = 0;
    int last = n - 1;
    while (first < last && fixed(w[first], norm, precisionBits) == 0) {
      first++;
    }
    while (last > first && fixed(w[last], norm, precisionBits) == 0) {
      last--;
    }
    int total = 0;
    int largest = offset;
    for (int k = first; k <= last; k++) {
      int v = fixed(w[k], norm, precisionBits);
      dst[offset + k - first] = v;
      total += v;
      largest = v > dst[largest] ? offset + k - first : largest;
    }
    if (sum != 0) {
      dst[largest] += (1 << precisionBits) - total; // rounding must not change a flat colour
    }
    return new int[] {first, last - first + 1};
  }

  private static int fixed(double weight, double norm, int precisionBits) {
    return (int) Math.round(weight * norm * (1 << precisionBits));
  }
}
