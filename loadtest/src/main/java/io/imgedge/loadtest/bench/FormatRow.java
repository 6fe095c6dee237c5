package io.imgedge.loadtest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What the AVIF side-by-side measured for one contender. */
final class FormatRow {
  final FormatContender contender;

  /** Why it was not run, or null. */
  @Nullable String skipped;

  /**
   * The answer whose bytes and SSIM the table gives (the first request, a miss like the others).
   */
  SerialMisses.@Nullable Answer sample;

  /** The measured rounds, in order. */
  final List<SerialMisses.Loop> rounds = new ArrayList<>();

  /** Every answer's {@link SerialMisses.Answer#received()}, warm-up and sample included. */
  final Map<String, Long> received = new TreeMap<>();

  /** Requests sent, warm-up and sample included. */
  long requests;

  /** Answers with status 200 among them. */
  long ok;

  /** What the sample's bytes are. */
  Signature sniffed = Signature.OTHER;

  /** The decoder that read the sample, or why it could not be read. */
  String decoder = "";

  int width;
  int height;

  /** SSIM against the cover-crop reference, or NaN. */
  double ssim = Double.NaN;

  /** SSIM against the stretched reference (the JPEG side-by-side's), or NaN. */
  double ssimStretch = Double.NaN;

  FormatRow(FormatContender contender) {
    this.contender = contender;
  }

  String name() {
    return contender.name();
  }

  /** Whether it ran and has a sample. */
  boolean measured() {
    return skipped == null && sample != null;
  }

  /** The sample's size in bytes, or -1. */
  long bytes() {
    return sample == null ? -1 : sample.body().length;
  }

  /** Whether the sample is the format asked for, by its bytes and by its Content-Type. */
  boolean isExpectedFormat() {
    return sample != null
        && sniffed == contender.expected()
        && Signature.ofMediaType(sample.contentType()) == contender.expected();
  }

  /** The median of the rounds' requests per second, or NaN. */
  double medianPerSecond() {
    return median(rounds.stream().mapToDouble(SerialMisses.Loop::perSecond).toArray());
  }

  /** The median of the rounds' server CPU ms per request, or NaN. */
  double medianCpuMs() {
    return median(
        rounds.stream()
            .mapToDouble(SerialMisses.Loop::cpuMsPerRequest)
            .filter(d -> !Double.isNaN(d))
            .toArray());
  }

  /** The median over rounds of this row's req/s over {@code other}'s in the same round, or NaN. */
  double pairedRatio(@Nullable FormatRow other) {
    if (other == null) {
      return Double.NaN;
    }
    int n = Math.min(rounds.size(), other.rounds.size());
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = rounds.get(i).perSecond() / other.rounds.get(i).perSecond();
    }
    return median(r);
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
