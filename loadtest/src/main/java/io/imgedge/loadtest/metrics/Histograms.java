package io.imgedge.loadtest.metrics;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Quantiles from cumulative histogram buckets, computed as Prometheus's histogram_quantile does.
 */
public final class Histograms {
  private Histograms() {}

  /**
   * The q-quantile (0-1) of a cumulative histogram: linear interpolation within the bucket where
   * the rank falls; the highest finite bound when it falls in the +Inf bucket; 0 when empty.
   *
   * @param cumulative bucket upper bound to the count of observations at or below it
   */
  public static double quantile(NavigableMap<Double, Double> cumulative, double q) {
    if (cumulative.isEmpty()) {
      return 0;
    }
    double total = cumulative.lastEntry().getValue();
    if (total <= 0) {
      return 0;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
      if (b.getValue() >= rank) {
        if (b.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = b.getValue() - lowerCount;
        return inBucket <= 0
            ? b.getKey()
            : lowerBound + (b.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = b.getKey();
      lowerCount = b.getValue();
    }
    return lowerBound;
  }
}
