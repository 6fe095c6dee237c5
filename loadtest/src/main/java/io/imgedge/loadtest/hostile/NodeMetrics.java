package io.imgedge.loadtest.hostile;

import io.imgedge.loadtest.metrics.PrometheusText;
import io.imgedge.loadtest.metrics.Sample;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the node says about itself at one moment ({@code /metrics} on its admin port): answers of
 * the image route by status, transforms by result, and the gauges of work in hand.
 *
 * @param statuses {@code imgedge_requests_seconds_count{route="image"}} by status
 * @param transforms {@code imgedge_transform_seconds_count} by result (summed over formats)
 * @param active {@code imgedge_transform_active}
 * @param queued {@code imgedge_transform_queued}
 * @param memoryTakenMib {@code imgedge_render_memory_taken_bytes} in MiB
 * @param read whether the scrape succeeded
 */
record NodeMetrics(
    Map<String, Long> statuses,
    Map<String, Long> transforms,
    double active,
    double queued,
    double memoryTakenMib,
    boolean read) {

  static NodeMetrics parse(String text) {
    if (text.isEmpty()) {
      return new NodeMetrics(Map.of(), Map.of(), Double.NaN, Double.NaN, Double.NaN, false);
    }
    Map<String, Long> statuses = new TreeMap<>();
    Map<String, Long> transforms = new TreeMap<>();
    double active = Double.NaN;
    double queued = Double.NaN;
    double taken = Double.NaN;
    for (Sample s : PrometheusText.parse(text)) {
      switch (s.name()) {
        case "imgedge_requests_seconds_count" -> {
          if ("image".equals(s.labels().get("route"))) {
            statuses.merge(
                s.labels().getOrDefault("status", "?"), Math.round(s.value()), Long::sum);
          }
        }
        case "imgedge_transform_seconds_count" ->
            transforms.merge(
                s.labels().getOrDefault("result", "?"), Math.round(s.value()), Long::sum);
        case "imgedge_transform_active" -> active = s.value();
        case "imgedge_transform_queued" -> queued = s.value();
        case "imgedge_render_memory_taken_bytes" -> taken = s.value() / (1024.0 * 1024);
        default -> {}
      }
    }
    return new NodeMetrics(statuses, transforms, active, queued, taken, true);
  }

  /** The counts since {@code before} (the gauges are this moment's). */
  NodeMetrics since(NodeMetrics before) {
    return new NodeMetrics(
        diff(statuses, before.statuses),
        diff(transforms, before.transforms),
        active,
        queued,
        memoryTakenMib,
        read && before.read);
  }

  private static Map<String, Long> diff(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> out = new TreeMap<>();
    now.forEach(
        (k, v) -> {
          long d = v - before.getOrDefault(k, 0L);
          if (d != 0) {
            out.put(k, d);
          }
        });
    return out;
  }

  /** The gauges, e.g. {@code 1 running, 0 queued, 197 MiB taken}. */
  String gauges() {
    if (!read) {
      return "not read";
    }
    return String.format(
        java.util.Locale.ROOT,
        "%.0f running, %.0f queued, %.0f MiB of render memory taken",
        active,
        queued,
        memoryTakenMib);
  }

  /** Whether nothing runs, waits or holds render memory. */
  boolean idle() {
    return read && active == 0 && queued == 0 && memoryTakenMib == 0;
  }
}
