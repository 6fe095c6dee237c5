package io.imgedge.loadtest;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of a run.
 *
 * @param requests measured requests completed
 * @param elapsed measured time
 * @param latenciesNanos each measured request's latency, sorted
 * @param statuses requests per HTTP status (0 for connection failures)
 * @param hits responses with {@code X-Cache: HIT}
 * @param bytes response body bytes received
 */
public record LoadReport(
    long requests,
    Duration elapsed,
    long[] latenciesNanos,
    Map<Integer, Long> statuses,
    long hits,
    long bytes) {

  /** Requests per second. */
  public double throughput() {
    return elapsed.isZero() ? 0 : requests / (elapsed.toNanos() / 1e9);
  }

  /** The latency at a percentile (0-100), in milliseconds. */
  public double percentileMillis(double percentile) {
    if (latenciesNanos.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(percentile / 100 * latenciesNanos.length) - 1;
    return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, i))] / 1e6;
  }

  /** Requests that did not get a 2xx or 304. */
  public long errors() {
    return statuses.entrySet().stream()
        .filter(e -> !(e.getKey() / 100 == 2 || e.getKey() == 304))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Share of responses served from the edge's memory. */
  public double hitRatio() {
    return requests == 0 ? 0 : (double) hits / requests;
  }

  /** A human-readable summary, one metric per line. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        """
        requests      %d in %.1f s
        throughput    %.1f req/s
        latency ms    p50 %.2f  p90 %.2f  p99 %.2f  max %.2f
        statuses      %s
        errors        %d
        edge hits     %.1f%%
        received      %.1f MB
        """,
        requests,
        elapsed.toNanos() / 1e9,
        throughput(),
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        percentileMillis(100),
        new TreeMap<>(statuses),
        errors(),
        100 * hitRatio(),
        bytes / 1e6);
  }

  static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
