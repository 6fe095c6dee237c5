package io.imgedge.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.edge.app.Node;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class LoadGeneratorTest {

  @Test
  void run_againstARealNode_isBoundedAndMeasuresHits() throws Exception {
    var settings =
        Map.of(
            "node.public-bind",
            "127.0.0.1",
            "node.public-port",
            "0",
            "node.admin-port",
            "0",
            "cluster.name",
            "test-" + UUID.randomUUID(),
            "cluster.port",
            "5960");
    try (Node node =
        Node.start(ConfigLoader.load(null, Map.of(), new CommandLineOverrides(settings, null)))) {
      URI target = URI.create("http://127.0.0.1:" + node.publicPort());
      List<String> paths = List.of("/photo.jpg?width=100", "/logo.png?width=50");
      new LoadGenerator(new LoadPlan(target, paths, 1, Duration.ZERO, Duration.ofSeconds(20), 2))
          .run(); // warm
      LoadPlan plan =
          new LoadPlan(target, paths, 4, Duration.ofMillis(300), Duration.ofSeconds(1), 100_000);
      long start = System.nanoTime();
      LoadReport report = new LoadGenerator(plan).run();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(report.requests()).isPositive();
      assertThat(report.errors()).isZero();
      assertThat(report.statuses()).containsOnlyKeys(200);
      assertThat(report.hitRatio()).isGreaterThan(0.9);
      assertThat(report.percentileMillis(50))
          .isPositive()
          .isLessThanOrEqualTo(report.percentileMillis(99));
      assertThat(report.summary()).contains("throughput", "p99", "edge hits");
    }
  }

  @Test
  void run_stopsAtTheRequestCap() throws Exception {
    var settings =
        Map.of(
            "node.public-bind",
            "127.0.0.1",
            "node.public-port",
            "0",
            "node.admin-port",
            "0",
            "cluster.name",
            "test-" + UUID.randomUUID(),
            "cluster.port",
            "5960");
    try (Node node =
        Node.start(ConfigLoader.load(null, Map.of(), new CommandLineOverrides(settings, null)))) {
      LoadPlan plan =
          new LoadPlan(
              URI.create("http://127.0.0.1:" + node.publicPort()),
              List.of("/photo.jpg?width=20"),
              2,
              Duration.ZERO,
              Duration.ofSeconds(20),
              50);
      LoadReport report = new LoadGenerator(plan).run();
      assertThat(report.requests()).isBetween(50L, 52L);
    }
  }

  @Test
  void plan_refusesNonLoopbackTargetsAndUnboundedRuns() {
    assertThatThrownBy(
            () ->
                new LoadPlan(
                    URI.create("http://192.0.2.1:8080"),
                    List.of("/a"),
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    10))
        .hasMessageContaining("loopback only");
    assertThatThrownBy(
            () ->
                new LoadPlan(
                    URI.create("http://127.0.0.1:8080"),
                    List.of("/a"),
                    1,
                    Duration.ZERO,
                    Duration.ofHours(2),
                    10))
        .hasMessageContaining("at most 30 minutes");
  }
}
