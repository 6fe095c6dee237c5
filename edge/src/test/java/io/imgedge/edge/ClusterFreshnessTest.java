package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.testing.FakeClock;
import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestCluster;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HTTP freshness across a cluster (RFC 9111, RFC 5861), with an origin that fails on cue. Every
 * node reads time from one {@link FakeClock}, which the tests advance: nothing here sleeps to let
 * time pass (background work is awaited by its effect).
 */
@Tag("integration")
class ClusterFreshnessTest {
  static final FakeClock clock = new FakeClock(java.time.Instant.now());
  static TestOrigin origin;
  static TestCluster cluster;
  static byte[] photo;

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = ClusterFreshnessTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    origin =
        TestOrigin.start()
            .image(
                "/swr.jpg",
                photo,
                "image/jpeg",
                "ETag",
                "\"swr\"",
                "Cache-Control",
                "max-age=1, stale-while-revalidate=30")
            .image("/sie.jpg", photo, "image/jpeg", "Cache-Control", "max-age=1, stale-if-error=4");
    // origin failures are not remembered here (cache.origin-failure-ttl: 0s): the last test fixes
    // the origin and expects the very next request to reach it (SourceCacheTest covers the memory)
    cluster =
        TestCluster.start(
            origin.baseUrl().toString(),
            2,
            1,
            "cache: {origin-failure-ttl: 0s}\n",
            "shield: {timeout: 10s}\n",
            clock.time());
  }

  @AfterAll
  static void stop() {
    cluster.close();
    origin.close();
  }

  @Test
  void staleWhileRevalidate_answersFromCache_andRefreshesOnceInTheBackground() throws Exception {
    Node edge = cluster.edges().get(0);
    assertThat(get(edge, "/swr.jpg?width=60").statusCode()).isEqualTo(200);
    int before = origin.requests("/swr.jpg");
    clock.advance(Duration.ofMillis(1_300)); // past max-age=1, within stale-while-revalidate=30
    HttpResponse<byte[]> stale = get(edge, "/swr.jpg?width=60");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue("X-Cache")).contains("STALE");
    assertThat(Long.parseLong(stale.headers().firstValue("Age").orElseThrow()))
        .isGreaterThanOrEqualTo(1);
    awaitRequests("/swr.jpg", before + 1);
    Await.until(
        "the refreshed copy lands",
        () ->
            get(edge, "/swr.jpg?width=60")
                .headers()
                .firstValue("X-Cache")
                .orElse("")
                .equals("HIT"));
    assertThat(origin.requests("/swr.jpg")).as("one background refresh").isEqualTo(before + 1);
  }

  @Test
  void originDown_staleWithinStaleIfError_thenAnErrorThatIsNotCached() throws Exception {
    Node edge = cluster.edges().get(1);
    assertThat(get(edge, "/sie.jpg?width=70").statusCode()).isEqualTo(200);
    origin.on("/sie.jpg", new TestOrigin.Respond(500, Map.of(), new byte[0], Duration.ZERO));
    clock.advance(Duration.ofMillis(2_200)); // past max-age=1, within stale-if-error=4
    HttpResponse<byte[]> stale = get(edge, "/sie.jpg?width=70");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue("X-Cache")).contains("STALE");
    assertThat(Long.parseLong(stale.headers().firstValue("Age").orElseThrow()))
        .as("Age beyond max-age")
        .isGreaterThan(1);
    assertThat(stale.headers().firstValue("Cache-Control")).contains("public, max-age=1");
    clock.advance(Duration.ofMillis(3_300)); // past the stale-if-error window
    HttpResponse<byte[]> failed = get(edge, "/sie.jpg?width=70");
    assertThat(failed.statusCode()).isIn(502, 504);
    assertThat(failed.headers().firstValue("Cache-Control")).contains("no-store");
    origin.image("/sie.jpg", photo, "image/jpeg", "Cache-Control", "max-age=60");
    assertThat(get(edge, "/sie.jpg?width=70").statusCode())
        .as("the error was not cached")
        .isEqualTo(200);
  }

  private static void awaitRequests(String path, int count) {
    Await.until(
        "the origin saw " + count + " requests for " + path, () -> origin.requests(path) >= count);
  }
}
