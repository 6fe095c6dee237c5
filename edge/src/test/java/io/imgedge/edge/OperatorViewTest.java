package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.admin;
import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator looks at: /status, the metrics, Server-Timing and the JSON access log. */
@Tag("integration")
class OperatorViewTest {

  @Test
  void status_json_showsMembersTiersTopSourcesLimitsAndQueue() {
    try (Node node = TestNodes.start(null, Map.of())) {
      get(node, "/photo.jpg?width=100");
      get(node, "/photo.jpg?width=100");
      get(node, "/logo.png?width=50");
      get(node, "/../etc/passwd"); // refused: not a source (issue 14)
      get(node, "/nothing-here.jpg");
      get(node, "/photo.jpg?width=-1");
      var r = TestNodes.send(node.adminPort(), "GET", "/status", "Accept", "application/json");
      String json = new String(r.body());
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      assertThat(json)
          .contains("\"role\":\"all-in-one\"", "\"ready\":true", "\"self\":true,\"share\":1.0000")
          .contains("{\"name\":\"edge\",\"hits\":1,\"misses\":2,\"hit_ratio\":0.3333}")
          .contains(
              "\"top_sources\":[{\"source\":\"/photo.jpg\",\"requests\":2},{\"source\":\"/logo.png\",\"requests\":1}]")
          .contains("\"transform-queue\":\"64\"", "\"queue\":{\"concurrency\":")
          .contains("\"transforms\":2", "\"origin fetches\":3") // photo, logo, and the 404
          .contains(
              "\"codecs\":{\"avif\":\"libavif 0.11.",
              "\"jxl\":\"libjxl 0.7.",
              "\"webp\":\"libwebp 1.");
    }
  }

  @Test
  void status_html_isAPageForABrowser() {
    try (Node node = TestNodes.start(null, Map.of())) {
      var r = admin(node, "/status");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(r.body())
          .contains(
              "<h2>Cluster members</h2>",
              "<h2>Cache tiers</h2>",
              "<h2>Top sources</h2>",
              "transforms waiting / queue",
              "(this node)",
              "<h2>Codecs</h2>",
              "<td>avif</td><td class=n>libavif 0.11.");
    }
  }

  @Test
  void metrics_carryWhatADashboardNeeds() {
    try (Node node = TestNodes.start(null, Map.of())) {
      get(node, "/photo.jpg?width=100");
      get(node, "/photo.jpg?width=100");
      String metrics = admin(node, "/metrics").body();
      assertThat(metrics)
          .contains(
              "imgedge_edge_cache_total{result=\"hit\"} 1.0",
              "imgedge_edge_cache_total{result=\"miss\"} 1.0",
              "imgedge_transform_active ",
              "imgedge_transform_queued ",
              "imgedge_cluster_members 1.0",
              "imgedge_cluster_partitions_owned 271.0",
              // CI installs libturbojpeg0, libavif15, libjxl0.7 and libwebp7: the native codecs are
              // the ones in use
              "imgedge_codec_info{avif=\"libavif 0.11.",
              "jpeg=\"libjpeg-turbo ",
              "jxl=\"libjxl 0.7.",
              "webp=\"libwebp 1.",
              "imgedge_requests_seconds_bucket{route=\"image\",status=\"200\",le=\"+Inf\"} 2");
    }
  }

  /** Issue 14: one cold request is one miss in each tier, one warm request one hit at the edge. */
  @Test
  void aColdRequest_countsOnceInEachTier() {
    try (Node node = TestNodes.start(null, Map.of())) {
      get(node, "/portrait.jpg?width=77");
      get(node, "/portrait.jpg?width=77");
      String metrics = admin(node, "/metrics").body();
      assertThat(metrics)
          .contains(
              "cache_gets_total{cache=\"edge\",result=\"miss\"} 1.0",
              "cache_gets_total{cache=\"edge\",result=\"hit\"} 1.0",
              "cache_gets_total{cache=\"shield\",result=\"miss\"} 1.0",
              "cache_gets_total{cache=\"source\",result=\"miss\"} 1.0");
    }
  }

  @Test
  void serverTiming_namesTheHitOrTheTimeSpentUpstream() {
    try (Node node = TestNodes.start(null, Map.of())) {
      var miss = get(node, "/photo.jpg?width=90");
      var hit = get(node, "/photo.jpg?width=90");
      assertThat(miss.headers().firstValue("Server-Timing").orElseThrow())
          .matches("edge;desc=\"miss\", upstream;dur=[0-9.]+");
      assertThat(hit.headers().firstValue("Server-Timing")).hasValue("edge;desc=\"hit\"");
    }
  }

  @Test
  void accessLog_json_writesOneLinePerRequest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("access.log");
    try (Node node =
        TestNodes.start(null, Map.of("log.access", "json", "log.access-file", file.toString()))) {
      get(node, "/photo.jpg?width=80", "User-Agent", "test \"agent\"");
      get(node, "/photo.jpg?width=80");
      get(node, "/nope.jpg");
      List<String> lines = awaitLines(file, 3);
      assertThat(lines.get(0))
          .startsWith("{\"time\":\"")
          .contains(
              "\"method\":\"GET\"",
              "\"path\":\"/photo.jpg\"",
              "\"query\":\"width=80\"",
              "\"status\":200",
              "\"cache\":\"MISS\"",
              "\"client\":\"127.0.0.1\"",
              "\"user_agent\":\"test \\\"agent\\\"\"")
          .endsWith("}");
      assertThat(lines.get(1)).contains("\"cache\":\"HIT\"");
      assertThat(lines.get(2))
          .contains("\"path\":\"/nope.jpg\"", "\"status\":404", "\"cache\":null");
    }
  }

  private static List<String> awaitLines(Path file, int n) throws Exception {
    Await.until("the access log has " + n + " lines", () -> lines(file).size() >= n);
    return lines(file);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
