package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Closing a node drains the requests in flight: they complete; new ones are turned away. */
@Tag("integration")
class GracefulShutdownTest {

  @Test
  void close_letsInFlightRequestsFinish_andRefusesNewOnes() throws Exception {
    byte[] photo;
    try (InputStream in = GracefulShutdownTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    try (TestOrigin origin = TestOrigin.start()) {
      origin.on(
          "/slow.jpg",
          new TestOrigin.Respond(
              200, Map.of("Content-Type", "image/jpeg"), photo, Duration.ofMillis(1500)));
      Node node = TestNodes.start(origin.baseUrl().toString(), Map.of());
      int port = node.publicPort();
      CompletableFuture<HttpResponse<byte[]>> inFlight =
          CompletableFuture.supplyAsync(() -> TestNodes.get(node, "/slow.jpg?width=100"));
      Await.until(
          "the request has reached the origin: it is in flight",
          () -> origin.requests("/slow.jpg") > 0);
      CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
      Await.until("the node has begun to close", () -> !node.isReady());
      int late = status(port);
      HttpResponse<byte[]> drained = inFlight.get();
      closing.get();
      assertThat(drained.statusCode()).as("the in-flight request completed").isEqualTo(200);
      assertThat(drained.body()).isNotEmpty();
      assertThat(late).as("a request during shutdown is turned away").isIn(0, 503);
    }
  }

  private static int status(int port) {
    try {
      return TestNodes.send(port, "GET", "/slow.jpg?width=100").statusCode();
    } catch (RuntimeException e) {
      return 0; // connection refused
    }
  }
}
