package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestCluster;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: how a node stops (SIGTERM runs {@link Node#close()}): readiness goes false first, the
 * node still serves through {@code node.drain-delay}, then turns new requests away while those in
 * flight finish, and leaves its cluster gracefully, so that the others own its keys by the time it
 * has gone.
 */
@Tag("integration")
class GracefulLifecycleTest {

  @Test
  void close_readinessFalseFirst_servesThroughTheDelay_thenDrainsInFlightAndRefusesNew()
      throws Exception {
    byte[] photo;
    try (InputStream in = getClass().getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    try (TestOrigin origin = TestOrigin.start()) {
      origin.on(
          "/slow.jpg",
          new TestOrigin.Respond(
              200, Map.of("Content-Type", "image/jpeg"), photo, Duration.ofMillis(2500)));
      origin.on(
          "/fast.jpg",
          new TestOrigin.Respond(200, Map.of("Content-Type", "image/jpeg"), photo, Duration.ZERO));
      Node node =
          TestNodes.start(
              origin.baseUrl().toString(),
              Map.of("node.drain-delay", "1500ms", "node.drain", "10s"));
      int port = node.publicPort();
      assertThat(TestNodes.admin(node, "/health/ready").statusCode()).isEqualTo(200);
      CompletableFuture<HttpResponse<byte[]>> inFlight =
          CompletableFuture.supplyAsync(() -> TestNodes.get(node, "/slow.jpg?width=100"));
      Await.until("the slow request is in flight", () -> origin.requests("/slow.jpg") > 0);

      long start = System.nanoTime();
      CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
      Await.until(
          "readiness is false", () -> TestNodes.admin(node, "/health/ready").statusCode() == 503);
      int duringDelay = TestNodes.get(node, "/fast.jpg?width=80").statusCode();
      long readinessFalseAfter = (System.nanoTime() - start) / 1_000_000;
      Await.until(
          "the public port turns new requests away after the delay",
          () -> status(port, "/fast.jpg?width=81") != 200);
      long refusedAfter = (System.nanoTime() - start) / 1_000_000;
      HttpResponse<byte[]> drained = inFlight.get();
      closing.get();

      assertThat(readinessFalseAfter).as("ms until not ready").isLessThan(1500);
      assertThat(duringDelay).as("a request during node.drain-delay is served").isEqualTo(200);
      assertThat(refusedAfter).as("ms until new requests are refused").isGreaterThanOrEqualTo(1400);
      assertThat(drained.statusCode()).as("the in-flight request finished").isEqualTo(200);
      assertThat(drained.body()).isNotEmpty();
    }
  }

  @Test
  void close_leavesTheCluster_theOtherOwnsEveryKeyAtOnce_withoutFailureDetection()
      throws Exception {
    try (TestOrigin origin = TestOrigin.start();
        TestCluster cluster = TestCluster.start(origin.baseUrl().toString(), 2, 1, "")) {
      Node leaving = cluster.edges().get(1);
      Node staying = cluster.edges().get(0);
      Await.until("two edges", () -> gauge(staying, "imgedge_cluster_members") == 2);
      Await.until(
          "the partitions shared between the two",
          () -> gauge(staying, "imgedge_cluster_partitions_owned") < 271);

      leaving.close();
      long closed = System.nanoTime();
      Await.until(
          "the staying edge sees one member", () -> gauge(staying, "imgedge_cluster_members") == 1);
      long seenAfter = (System.nanoTime() - closed) / 1_000_000;

      // No failure detection involved (cluster.failure-timeout is 15 s): the leaving member said
      // goodbye and handed its partitions over before close() returned.
      assertThat(seenAfter).as("ms until the other member knew").isLessThan(3000);
      assertThat(gauge(staying, "imgedge_cluster_partitions_owned")).isEqualTo(271);
    }
  }

  private static double gauge(Node node, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$")
            .matcher(TestNodes.admin(node, "/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static int status(int port, String path) {
    try {
      return TestNodes.send(port, "GET", path).statusCode();
    } catch (RuntimeException e) {
      return 0; // refused
    }
  }
}
