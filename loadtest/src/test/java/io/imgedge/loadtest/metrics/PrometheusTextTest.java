package io.imgedge.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void parse_readsNamesLabelsAndValues_skippingComments() {
    List<Sample> samples =
        PrometheusText.parse(
            """
        # HELP cache_gets_total the number of times cache lookup methods have returned a cached value
        # TYPE cache_gets_total counter
        cache_gets_total{cache="edge",result="hit"} 42.0
        process_uptime_seconds 12.5
        odd_label{path="a \\"quoted\\" value",x="1"} 3
        broken line
        """);
    assertThat(samples)
        .containsExactly(
            new Sample("cache_gets_total", Map.of("cache", "edge", "result", "hit"), 42),
            new Sample("process_uptime_seconds", Map.of(), 12.5),
            new Sample("odd_label", Map.of("path", "a \"quoted\" value", "x", "1"), 3));
  }

  @Test
  void quantile_interpolatesWithinTheBucket_likeHistogramQuantile() {
    TreeMap<Double, Double> buckets =
        new TreeMap<>(Map.of(0.1, 50.0, 0.2, 90.0, 0.4, 100.0, Double.POSITIVE_INFINITY, 100.0));
    assertThat(Histograms.quantile(buckets, 0.5)).isEqualTo(0.1);
    assertThat(Histograms.quantile(buckets, 0.7))
        .isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Histograms.quantile(buckets, 0.95))
        .isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Histograms.quantile(new TreeMap<>(), 0.5)).isZero();
  }

  @Test
  void quantile_inTheInfBucket_isTheHighestFiniteBound() {
    TreeMap<Double, Double> buckets =
        new TreeMap<>(Map.of(1.0, 1.0, Double.POSITIVE_INFINITY, 10.0));
    assertThat(Histograms.quantile(buckets, 0.99)).isEqualTo(1.0);
  }
}
