package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.admin;
import static io.imgedge.edge.testing.TestNodes.get;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A real node over loopback, fetching from a real HTTP origin. */
@Tag("integration")
class EdgeNodeTest {
  static TestOrigin origin;
  static Node node;

  @BeforeAll
  static void start() throws IOException {
    byte[] photo = sample("photo.jpg");
    origin =
        TestOrigin.start()
            .image(
                "/img/photo.jpg",
                photo,
                "image/jpeg",
                "Cache-Control",
                "public, max-age=600",
                "ETag",
                "\"photo-1\"",
                "Last-Modified",
                "Sun, 22 Nov 2026 10:00:00 GMT")
            .image("/img/stampede.jpg", photo, "image/jpeg")
            .image("/img/logo.png", sample("logo.png"), "image/png")
            .image("/img/private.jpg", photo, "image/jpeg", "Cache-Control", "private")
            .image("/img/liar.png", photo, "image/png")
            .on(
                "/img/broken.jpg",
                new TestOrigin.Respond(500, Map.of(), "oops".getBytes(), Duration.ZERO));
    node = TestNodes.start(origin.baseUrl() + "/img", Map.of());
  }

  @AfterAll
  static void stop() {
    node.close();
    origin.close();
  }

  static byte[] sample(String name) throws IOException {
    try (InputStream in = EdgeNodeTest.class.getResourceAsStream("/samples/" + name)) {
      return in.readAllBytes();
    }
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void width200_isAJpeg200Wide_thenHit_then304() {
    HttpResponse<byte[]> first = get(node, "/photo.jpg?width=200");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "Content-Type")).isEqualTo("image/jpeg");
    assertThat(header(first, "X-Cache")).isEqualTo("MISS");
    assertThatImage(first.body()).hasSize(200, 133);
    String etag = header(first, "ETag");
    assertThat(etag).startsWith("\"").doesNotStartWith("W/");

    HttpResponse<byte[]> second = get(node, "/photo.jpg?width=200");
    assertThat(header(second, "X-Cache")).isEqualTo("HIT");
    assertThat(header(second, "ETag")).isEqualTo(etag);
    assertThat(second.body()).isEqualTo(first.body());

    HttpResponse<byte[]> conditional = get(node, "/photo.jpg?width=200", "If-None-Match", etag);
    assertThat(conditional.statusCode()).isEqualTo(304);
    assertThat(conditional.body()).isEmpty();
    assertThat(header(conditional, "ETag")).isEqualTo(etag);
  }

  @Test
  void originFreshness_becomesCacheControlAgeAndLastModified() {
    HttpResponse<byte[]> r = get(node, "/photo.jpg?width=64");
    assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=600");
    assertThat(Integer.parseInt(header(r, "Age"))).isBetween(0, 600);
    assertThat(header(r, "Last-Modified")).isEqualTo("Sun, 22 Nov 2026 10:00:00 GMT");
    assertThat(header(r, "Imgedge-IO-Info"))
        .isEqualTo(
            "ifsz=279630 idim=1600x1067 ifmt=jpeg ofsz="
                + r.body().length
                + " odim=64x43 ofmt=jpeg");
    assertThat(header(r, "Vary")).isNull();
  }

  @Test
  void formatAuto_webpForClientsThatAcceptIt_withVary() {
    HttpResponse<byte[]> webp =
        get(node, "/photo.jpg?width=120&format=auto", "Accept", "image/webp,*/*");
    assertThat(header(webp, "Content-Type")).isEqualTo("image/webp");
    assertThat(header(webp, "Vary")).isEqualTo("Accept");
    assertThat(new String(webp.body(), 8, 4)).isEqualTo("WEBP");

    HttpResponse<byte[]> jpeg =
        get(node, "/photo.jpg?width=120&format=auto", "Accept", "image/png,*/*");
    assertThat(header(jpeg, "Content-Type")).isEqualTo("image/jpeg");
    assertThat(header(jpeg, "Vary")).isEqualTo("Accept");
    assertThat(header(jpeg, "ETag")).isNotEqualTo(header(webp, "ETag"));
  }

  @Test
  void autoWebp_fallsBackToTheSourceFormat() {
    HttpResponse<byte[]> png = get(node, "/logo.png?width=100&auto=webp");
    assertThat(header(png, "Content-Type")).isEqualTo("image/png");
    assertThat(header(png, "Vary")).isEqualTo("Accept");
    assertThatImage(png.body()).hasSize(100, 50).hasTransparentPixels();
  }

  @Test
  void coldStampede_64Requests_oneOriginFetchAndOneTransform() throws Exception {
    double transformsBefore = transforms();
    List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 64; i++) {
        responses.add(
            CompletableFuture.supplyAsync(
                () -> {
                  awaitQuietly(go);
                  return get(node, "/stampede.jpg?width=321");
                },
                clients));
      }
      go.countDown();
      CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
    }
    assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
    assertThat(responses)
        .extracting(r -> header(r.join(), "ETag"))
        .containsOnly(header(responses.get(0).join(), "ETag"));
    assertThat(origin.requests("/img/stampede.jpg")).isEqualTo(1);
    assertThat(transforms() - transformsBefore).isEqualTo(1);
  }

  @Test
  void head_hasTheHeadersAndNoBody() {
    HttpResponse<byte[]> full = get(node, "/photo.jpg?width=90");
    HttpResponse<byte[]> head = TestNodes.send(node.publicPort(), "HEAD", "/photo.jpg?width=90");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(header(head, "ETag")).isEqualTo(header(full, "ETag"));
    assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(full.body().length));
  }

  @Test
  void badParameter_is400NamingIt_andNothingIsCached() {
    HttpResponse<byte[]> r = get(node, "/photo.jpg?width=huge");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body())).contains("'width'", "pixels from 1 to 8192", "IMGEDGE-0101");
    assertThat(header(r, "Imgedge-IO-Error")).startsWith("IMGEDGE-0101");
    assertThat(header(r, "Cache-Control")).isEqualTo("no-store");
    assertThat(get(node, "/photo.jpg?width=huge").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownParameters_areIgnored() {
    HttpResponse<byte[]> r = get(node, "/photo.jpg?width=50&utm_source=newsletter&foo=bar");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "ETag")).isEqualTo(header(get(node, "/photo.jpg?width=50"), "ETag"));
  }

  @Test
  void originNotFound_is404_neverACachedSuccess_andRememberedBriefly() {
    assertThat(get(node, "/missing.jpg").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> again = get(node, "/missing.jpg");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(origin.requests("/img/missing.jpg"))
        .as("the 404 is remembered for cache.negative-ttl")
        .isEqualTo(1);
  }

  @Test
  void originError_is502_andTheNextRequestIsFine() {
    HttpResponse<byte[]> r = get(node, "/broken.jpg?width=10");
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(new String(r.body())).contains("IMGEDGE-0302");
    assertThat(get(node, "/photo.jpg?width=10").statusCode()).isEqualTo(200);
  }

  @Test
  void contentContradictingItsDeclaredType_is415() {
    HttpResponse<byte[]> r = get(node, "/liar.png?width=10");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(new String(r.body())).contains("declared as image/png", "image/jpeg");
  }

  @Test
  void privateOriginResponse_isServedButNotKept() {
    HttpResponse<byte[]> first = get(node, "/private.jpg?width=30");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "Cache-Control")).isEqualTo("private, no-store");
    assertThat(header(get(node, "/private.jpg?width=30"), "X-Cache")).isEqualTo("MISS");
  }

  @Test
  void invalidPathAndMethod_areRefused() {
    assertThat(TestNodes.send(node.publicPort(), "GET", "/a/%2e%2e/photo.jpg").statusCode())
        .isEqualTo(400);
    HttpResponse<byte[]> post = TestNodes.send(node.publicPort(), "POST", "/photo.jpg");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(header(post, "Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void adminPort_servesMetricsAndHealth() {
    get(node, "/photo.jpg?width=77");
    assertThat(admin(node, "/health/live").statusCode()).isEqualTo(200);
    assertThat(admin(node, "/health/ready").statusCode()).isEqualTo(200);
    String metrics = admin(node, "/metrics").body();
    assertThat(metrics)
        .contains(
            "imgedge_requests_seconds_count{route=\"image\",status=\"200\"}",
            "cache_gets_total{cache=\"edge\",result=\"hit\"}",
            "cache_gets_total{cache=\"edge\",result=\"miss\"}",
            "imgedge_origin_fetches_total{origin=\"origin\",result=\"ok\"}",
            "imgedge_transform_seconds_count{format=\"jpeg\",result=\"ok\"}",
            "imgedge_bytes_out_bytes_total{route=\"image\"}");
    assertThat(admin(node, "/nothing").statusCode()).isEqualTo(404);
  }

  private static double transforms() {
    return node.registry().find("imgedge.transform").timers().stream()
        .mapToLong(t -> t.count())
        .sum();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
