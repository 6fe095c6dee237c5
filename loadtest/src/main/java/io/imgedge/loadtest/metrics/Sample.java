package io.imgedge.loadtest.metrics;

import java.util.Map;

/**
 * One sample of the Prometheus text format.
 *
 * @param name the metric name, e.g. {@code imgedge_requests_seconds_count}
 * @param labels its labels
 * @param value its value
 */
public record Sample(String name, Map<String, String> labels, double value) {

  /** Copies the labels. */
  public Sample {
    labels = Map.copyOf(labels);
  }

  /** The value of a label, or "" when absent. */
  public String label(String key) {
    return labels.getOrDefault(key, "");
  }
}
