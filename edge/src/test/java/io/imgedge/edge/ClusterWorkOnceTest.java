package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.testing.FakeClock;
import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestCluster;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Three edges and two shields in front of a real HTTP origin: each piece of work happens once. */
@Tag("integration")
class ClusterWorkOnceTest {
  static final FakeClock clock = new FakeClock(java.time.Instant.now());

  /** Purges sent with a valid token, in this class's tests (each edge applies each once). */
  static int purgesSent;

  static TestOrigin origin;
  static TestCluster cluster;
  static byte[] photo;

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = ClusterWorkOnceTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    origin = TestOrigin.start();
    for (String name : List.of("stampede", "ten", "etag", "purge", "reval")) {
      origin.image(
          "/" + name + ".jpg",
          photo,
          "image/jpeg",
          "ETag",
          "\"" + name + "-v1\"",
          "Cache-Control",
          name.equals("reval") ? "max-age=1" : "max-age=600");
    }
    origin.image(
        "/tagged.jpg",
        photo,
        "image/jpeg",
        "Cache-Control",
        "max-age=600",
        "Surrogate-Key",
        "campaign-7 shoes");
    origin.image("/other.jpg", photo, "image/jpeg", "Cache-Control", "max-age=600");
    origin.on(
        "/pass.jpg",
        new TestOrigin.Respond(
            200,
            Map.of("Content-Type", "image/jpeg", "Cache-Control", "private"),
            photo,
            Duration.ofMillis(400)));
    cluster =
        TestCluster.start(
            origin.baseUrl().toString(), 3, 2, "", "shield: {timeout: 10s}\n", clock.time());
  }

  @AfterAll
  static void stop() {
    cluster.close();
    origin.close();
  }

  @Test
  void oneColdDerivative_200RequestsOver3Edges_oneFetchOneTransform() {
    double transforms = cluster.shieldCount("imgedge.transform");
    List<HttpResponse<byte[]>> responses =
        concurrently(200, i -> get(edge(i), "/stampede.jpg?width=250"));
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(responses)
        .extracting(r -> r.headers().firstValue("ETag").orElseThrow())
        .containsOnly(etag(responses.get(0)));
    assertThat(responses).allSatisfy(r -> assertThat(r.body()).isEqualTo(responses.get(0).body()));
    assertThat(origin.requests("/stampede.jpg")).isEqualTo(1);
    assertThat(cluster.shieldCount("imgedge.transform") - transforms).isEqualTo(1);
  }

  @Test
  void tenDerivativesOfOneSource_concurrentlyVia3Edges_oneFetchTenTransforms() {
    double transforms = cluster.shieldCount("imgedge.transform");
    List<HttpResponse<byte[]>> responses =
        concurrently(60, i -> get(edge(i), "/ten.jpg?width=" + (100 + i % 10)));
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(origin.requests("/ten.jpg")).isEqualTo(1);
    assertThat(cluster.shieldCount("imgedge.transform") - transforms).isEqualTo(10);
  }

  @Test
  void sameDerivative_hasTheSameEtagOnEveryEdge_and304Everywhere() {
    String etag = etag(get(edge(0), "/etag.jpg?width=120&format=webp"));
    for (Node edge : cluster.edges()) {
      assertThat(etag(get(edge, "/etag.jpg?width=120&format=webp"))).isEqualTo(etag);
      HttpResponse<byte[]> conditional =
          get(edge, "/etag.jpg?width=120&format=webp", "If-None-Match", etag);
      assertThat(conditional.statusCode()).isEqualTo(304);
      assertThat(conditional.body()).isEmpty();
    }
  }

  @Test
  void purgeOfASource_makesTheNextRequestOnEveryEdgeFetchTheOrigin() throws Exception {
    for (Node edge : cluster.edges()) {
      assertThat(get(edge, "/purge.jpg?width=90").statusCode()).isEqualTo(200);
    }
    assertThat(origin.requests("/purge.jpg")).isEqualTo(1);
    purgesSent++;
    HttpResponse<byte[]> purge =
        TestNodes.send(
            cluster.edges().get(1).adminPort(),
            "POST",
            "/purge?path=/purge.jpg",
            "Authorization",
            "Bearer " + TestCluster.TOKEN);
    assertThat(purge.statusCode()).isEqualTo(200);
    awaitPurgesApplied(); // the purge travels the edge cluster's topic
    assertThat(get(edge(0), "/purge.jpg?width=90").headers().firstValue("X-Cache"))
        .contains("MISS");
    for (Node edge : cluster.edges()) {
      assertThat(get(edge, "/purge.jpg?width=90").statusCode()).isEqualTo(200);
    }
    assertThat(origin.requests("/purge.jpg")).as("fetched again, once").isEqualTo(2);
    assertThat(
            TestNodes.send(cluster.edges().get(0).adminPort(), "POST", "/purge?path=/purge.jpg")
                .statusCode())
        .as("unauthenticated")
        .isEqualTo(401);
  }

  @Test
  void purgeBySurrogateKeyAndOfEverything_reachEveryEdge() throws Exception {
    for (Node edge : cluster.edges()) {
      get(edge, "/tagged.jpg?width=33");
      get(edge, "/other.jpg?width=33");
    }
    assertThat(purge("key=shoes").statusCode()).isEqualTo(200);
    awaitPurgesApplied();
    for (Node edge : cluster.edges()) {
      assertThat(get(edge, "/other.jpg?width=33").headers().firstValue("X-Cache")).contains("HIT");
    }
    assertThat(get(edge(2), "/tagged.jpg?width=33").headers().firstValue("X-Cache"))
        .contains("MISS");
    assertThat(origin.requests("/tagged.jpg")).isEqualTo(2);
    assertThat(purge("all=1").statusCode()).isEqualTo(200);
    assertThat(purge("all=1").statusCode()).as("idempotent").isEqualTo(200);
    awaitPurgesApplied();
    assertThat(get(edge(1), "/other.jpg?width=33").headers().firstValue("X-Cache"))
        .contains("MISS");
    assertThat(origin.requests("/other.jpg")).isEqualTo(2);
  }

  /** Every edge has applied every purge sent so far (each purge reaches each edge once). */
  private static void awaitPurgesApplied() {
    for (Node edge : cluster.edges()) {
      Await.until(
          "every purge applied on " + edge.publicPort(), () -> purgesApplied(edge) >= purgesSent);
    }
  }

  private static double purgesApplied(Node edge) {
    var c = edge.registry().find("imgedge.edge.purges").counter();
    return c == null ? 0 : c.count();
  }

  private static HttpResponse<byte[]> purge(String query) {
    purgesSent++;
    return TestNodes.send(
        cluster.edges().get(0).adminPort(),
        "POST",
        "/purge?" + query,
        "Authorization",
        "Bearer " + TestCluster.TOKEN);
  }

  @Test
  void staleSource_isRevalidatedWith304_andServedAgainWithoutATransform() throws Exception {
    String first = etag(get(edge(0), "/reval.jpg?width=80"));
    double transforms = cluster.shieldCount("imgedge.transform");
    clock.advance(java.time.Duration.ofMillis(1_200)); // max-age=1
    HttpResponse<byte[]> again = get(edge(0), "/reval.jpg?width=80");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(etag(again)).isEqualTo(first);
    assertThat(origin.notModified("/reval.jpg")).isEqualTo(1);
    assertThat(cluster.shieldCount("imgedge.transform")).isEqualTo(transforms);
  }

  @Test
  void uncacheableSource_requestsAreNotQueuedBehindEachOther() {
    assertThat(get(edge(0), "/pass.jpg?width=40").statusCode()).isEqualTo(200);
    List<HttpResponse<byte[]>> responses = concurrently(6, i -> get(edge(i), "/pass.jpg?width=40"));
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(responses)
        .allSatisfy(
            r -> assertThat(r.headers().firstValue("Cache-Control")).contains("private, no-store"));
    assertThat(origin.maxConcurrent("/pass.jpg"))
        .as("origin requests in flight at once")
        .isGreaterThanOrEqualTo(2);
  }

  private static Node edge(int i) {
    return cluster.edges().get(i % cluster.edges().size());
  }

  private static String etag(HttpResponse<?> r) {
    return r.headers().firstValue("ETag").orElseThrow();
  }

  private static List<HttpResponse<byte[]>> concurrently(
      int n, IntFunction<HttpResponse<byte[]>> call) {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<byte[]>>> futures = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return call.apply(index);
                },
                clients));
      }
      go.countDown();
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }
}
