package io.imgedge.shield.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.config.FetchConfig;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.shield.testing.TestOrigin;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageTooLargeException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpOriginTest {
  private static final Duration SHORT = Duration.ofMillis(400);
  private final TestOrigin server = TestOrigin.start();
  private final HttpOrigin origin = origin(server.baseUrl().resolve("/base"), 1000);

  private static HttpOrigin origin(URI base, long maxBytes) {
    return new HttpOrigin(
        base,
        new FetchConfig(SHORT, SHORT, SHORT, Duration.ofSeconds(2)),
        maxBytes,
        new SourceFactory(
            Clock.systemUTC(), io.imgedge.cache.FreshnessRules.ttl(Duration.ofHours(1))),
        new AddressGuard(AddressResolver.SYSTEM),
        true,
        System::nanoTime);
  }

  @AfterEach
  void tearDown() {
    origin.close();
    server.close();
  }

  private SourceObject fetch(String path) {
    return origin.fetch(new SourceId("o", path), null).join();
  }

  @Test
  void fetch_appendsThePathAndReadsValidatorsAndFreshness() {
    server.image(
        "/base/cat%20s.jpg",
        new byte[] {1, 2, 3},
        "image/jpeg",
        "ETag",
        "\"v1\"",
        "Cache-Control",
        "public, max-age=120",
        "Last-Modified",
        "Sun, 22 Nov 2026 10:00:00 GMT");
    SourceObject s = fetch("cat s.jpg");
    assertThat(s.bytes()).containsExactly(1, 2, 3);
    assertThat(s.declared()).isEqualTo(ImageFormat.JPEG);
    assertThat(s.validator()).isEqualTo("etag:\"v1\"");
    assertThat(s.freshness().lifetime()).hasSeconds(120);
    assertThat(s.lastModified()).isNotNull();
    assertThat(server.requests("/base/cat%20s.jpg")).isEqualTo(1);
  }

  @Test
  void fetch_weakEtag_fallsBackToAContentHash() {
    server.image("/base/a.png", new byte[] {1}, "image/png", "ETag", "W/\"weak\"");
    assertThat(fetch("a.png").validator()).startsWith("sha256:");
  }

  @Test
  void fetch_404_isNotFound() {
    assertFails("missing.jpg", OriginException.class, 404);
  }

  @Test
  void fetch_500_isUnavailable() {
    server.on(
        "/base/e.jpg", new TestOrigin.Respond(500, Map.of(), "boom".getBytes(), Duration.ZERO));
    assertFails("e.jpg", OriginException.class, 502);
  }

  @Test
  void fetch_noHeadersInTime_isTimeout() {
    server.on("/base/slow.jpg", new TestOrigin.Hang());
    long start = System.nanoTime();
    assertFails("slow.jpg", OriginException.class, 504);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void fetch_stalledBody_isCut() {
    server.on("/base/stall.jpg", new TestOrigin.StallBody(new byte[500], 100));
    assertFails("stall.jpg", OriginException.class, 504);
  }

  @Test
  void fetch_declaredLengthOverTheCap_isRefused() {
    server.image("/base/big.jpg", new byte[2000], "image/jpeg");
    assertThatThrownBy(() -> fetch("big.jpg")).hasCauseInstanceOf(ImageTooLargeException.class);
  }

  @Test
  void fetch_connectionRefused_isUnavailable() {
    HttpOrigin closed = origin(URI.create("http://127.0.0.1:1/"), 1000);
    try {
      assertThatThrownBy(() -> closed.fetch(new SourceId("o", "x.jpg"), null).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              OriginException.class, e -> assertThat(e.status()).isEqualTo(502));
    } finally {
      closed.close();
    }
  }

  private void assertFails(String path, Class<? extends RuntimeException> type, int status) {
    assertThatThrownBy(() -> fetch(path))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            OriginException.class, e -> assertThat(e.status()).isEqualTo(status));
  }
}
