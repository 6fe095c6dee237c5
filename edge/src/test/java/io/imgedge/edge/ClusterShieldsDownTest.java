package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.testing.FakeClock;
import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestCluster;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When every shield node is down, an edge follows its configured policy (shield.fallback). */
@Tag("integration")
class ClusterShieldsDownTest {
  private final FakeClock clock = new FakeClock(java.time.Instant.now());
  private TestOrigin origin;
  private TestCluster cluster;

  @BeforeEach
  void origin() throws IOException {
    try (InputStream in = ClusterShieldsDownTest.class.getResourceAsStream("/samples/photo.jpg")) {
      origin =
          TestOrigin.start()
              .image("/a.jpg", in.readAllBytes(), "image/jpeg", "Cache-Control", "max-age=1");
    }
  }

  @AfterEach
  void stop() {
    cluster.close();
    origin.close();
  }

  private Node startWithShieldDown(String policy) {
    cluster =
        TestCluster.start(
            origin.baseUrl().toString(),
            1,
            1,
            "",
            "shield: {timeout: 5s, fallback: " + policy + "}\n",
            clock.time());
    return cluster.edges().get(0);
  }

  @Test
  void fallbackOrigin_rendersAtTheEdge() {
    Node edge = startWithShieldDown("origin");
    cluster.shields().get(0).halt();
    HttpResponse<byte[]> r = get(edge, "/a.jpg?width=40");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(
            edge.registry()
                .find("imgedge.shield.requests")
                .tag("result", "fallback")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void fallbackError_is503WithRetryAfter() {
    Node edge = startWithShieldDown("error");
    cluster.shields().get(0).halt();
    HttpResponse<byte[]> r = get(edge, "/a.jpg?width=40");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(new String(r.body())).contains("IMGEDGE-0504");
    assertThat(origin.requests("/a.jpg")).isZero();
  }

  @Test
  void fallbackStale_servesTheStaleCopyBeyondItsFreshness() {
    Node edge = startWithShieldDown("stale");
    assertThat(get(edge, "/a.jpg?width=40").statusCode()).isEqualTo(200);
    cluster.shields().get(0).halt();
    clock.advance(
        Duration.ofMillis(1_300)); // past max-age=1, and the origin gave no stale-if-error
    HttpResponse<byte[]> stale = get(edge, "/a.jpg?width=40");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue("X-Cache")).contains("STALE");
    assertThat(get(edge, "/a.jpg?width=41").statusCode())
        .as("nothing stale to serve")
        .isEqualTo(503);
  }
}
