package io.imgedge.edge.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.http.EncodedHit;
import io.imgedge.edge.http.HitRequest;
import io.imgedge.edge.http.RequestMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hit front's handling of connections, over loopback with a real XNIO listener and Undertow's
 * chain behind it: answers from memory for {@code /hit} and {@code /big}, the chain for the rest.
 */
class HitFrontTest {
  private static final byte[] BIG = new byte[4 * 1024 * 1024];

  static {
    for (int i = 0; i < BIG.length; i++) {
      BIG[i] = (byte) (i * 31 + (i >> 12));
    }
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger chainRequests = new AtomicInteger();
  private PublicListener listener;

  @BeforeEach
  void start() {
    listener = start(Duration.ofSeconds(60));
  }

  private PublicListener start(Duration idle) {
    return PublicListener.start(
        "127.0.0.1",
        0,
        exchange -> {
          chainRequests.incrementAndGet();
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
          exchange.getResponseHeaders().put(Headers.ETAG, "\"chain\"");
          exchange.getResponseSender().send("chain " + exchange.getRequestPath());
        },
        HitFrontTest::answer,
        new RequestMetrics("image", registry),
        registry,
        idle);
  }

  @AfterEach
  void stop() {
    listener.close();
  }

  /** What the fake chain remembers: /hit (a small body, or 304 on If-None-Match), /big (4 MiB). */
  private static @Nullable EncodedHit answer(HitRequest r) {
    byte[] body =
        switch (r.path()) {
          case "/hit" -> ("hit " + r.query()).getBytes(StandardCharsets.ISO_8859_1);
          case "/big" -> BIG;
          default -> null;
        };
    if (body == null) {
      return null;
    }
    if ("\"h\"".equals(r.conditional().ifNoneMatch())) {
      return new EncodedHit(304, head("HTTP/1.1 304 Not Modified", "ETag: \"h\""), 7, null);
    }
    byte[] head =
        head(
            "HTTP/1.1 200 OK",
            "ETag: \"h\"",
            "X-Cache: HIT",
            "Content-Length: " + body.length,
            "Connection: keep-alive");
    return new EncodedHit(200, head, 3, r.head() ? null : ByteBuffer.wrap(body));
  }

  private static byte[] head(String... lines) {
    return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String get(String target, String... headers) {
    StringBuilder s = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String h : headers) {
      s.append(h).append("\r\n");
    }
    return s.append("\r\n").toString();
  }

  /**
   * A front counter once the IO threads have settled: an answer is counted just after it is
   * written, so a client can read it a moment before the count moves.
   */
  private double front(String outcome) {
    return settled(() -> registry.counter("imgedge.front.requests", "outcome", outcome).count());
  }

  private static double settled(java.util.function.DoubleSupplier value) {
    double last = value.getAsDouble();
    for (int i = 0; i < 20; i++) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      double now = value.getAsDouble();
      if (now == last && i >= 4) {
        break;
      }
      last = now;
    }
    return last;
  }

  @Test
  void aRememberedRequest_isAnsweredAtTheSocket_withAgeAndDate() {
    try (RawHttp c = new RawHttp(listener.port())) {
      RawHttp.Response r = c.send(get("/hit?a=1")).read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).isEqualTo("hit a=1");
      assertThat(r.header("Age")).isEqualTo("3");
      assertThat(r.header("Date")).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
      assertThat(r.header("X-Cache")).isEqualTo("HIT");
      RawHttp.Response nm = c.send(get("/hit", "If-None-Match: \"h\"")).read();
      assertThat(nm.status()).isEqualTo(304);
      assertThat(nm.header("Age")).isEqualTo("7");
      RawHttp.Response head = c.send(get("/hit").replaceFirst("GET", "HEAD")).read(true);
      assertThat(head.header("Content-Length")).isEqualTo("4"); // "hit "
      assertThat(head.body()).isEmpty();
      // and the connection is still the front's: the next is answered there too
      assertThat(c.send(get("/hit?b")).read().body()).asString().isEqualTo("hit b");
    }
    assertThat(front("answered")).isEqualTo(4);
    assertThat(front("handed-off")).isZero();
    assertThat(chainRequests).hasValue(0);
    assertThat(registry.timer("imgedge.requests", "route", "image", "status", "200").count())
        .isEqualTo(3);
    assertThat(registry.timer("imgedge.requests", "route", "image", "status", "304").count())
        .isEqualTo(1);
    assertThat(settled(() -> registry.counter("imgedge.bytes.out", "route", "image").count()))
        .isEqualTo("hit a=1".length() + "hit b".length());
  }

  @Test
  void theFirstRequestTheFrontCannotAnswer_handsTheConnectionToTheChain_withEveryByteNotAnswered() {
    try (RawHttp c = new RawHttp(listener.port())) {
      // three pipelined in one write: answered, handed off (with the third), then the chain's
      c.send(get("/hit?1") + get("/other") + get("/hit?3"));
      assertThat(c.read().body()).asString().isEqualTo("hit 1");
      assertThat(c.read().body()).asString().isEqualTo("chain /other");
      assertThat(c.read().body()).asString().isEqualTo("chain /hit");
      assertThat(c.send(get("/hit?4")).read().body()).asString().isEqualTo("chain /hit");
    }
    assertThat(front("answered")).isEqualTo(1);
    assertThat(front("handed-off")).isEqualTo(1);
    assertThat(chainRequests).hasValue(3);
  }

  @Test
  void requestsWithABodyOrConnectionOptionsOrADecodablePath_goToTheChain() {
    for (String request :
        new String[] {
          get("/hit", "Content-Length: 0"),
          get("/hit", "Transfer-Encoding: chunked") + "0\r\n\r\n",
          get("/hit", "Connection: close"),
          get("/hit", "Expect: 100-continue"),
          get("/h%69t"),
          get("/hit;x=1"),
          "GET /hit HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
          "GET /hit HTTP/1.1\r\n\r\n",
          "GET /hit HTTP/1.1\r\nHost: [::1]\r\n\r\n",
          "GET /hit HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.2\r\n\r\n",
          "GET /hit HTTP/1.1\r\nHost: 127.0.0.1\r\n folded\r\n\r\n",
          "GET http://127.0.0.1/hit HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
          "POST /hit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"
        }) {
      try (RawHttp c = new RawHttp(listener.port())) {
        RawHttp.Response r = c.send(request).read();
        assertThat(new String(r.body(), StandardCharsets.ISO_8859_1))
            .as(request)
            .doesNotStartWith("hit");
      }
    }
    assertThat(front("answered")).isZero();
  }

  @Test
  void garbage_getsTheChainsRefusal_andTheNextConnectionIsServed() {
    try (RawHttp c = new RawHttp(listener.port())) {
      RawHttp.Response r = c.send("GET /hit HTTP/1.1\r\nHo st: x\r\n\r\n").read();
      assertThat(r.status()).isEqualTo(400);
    }
    try (RawHttp c = new RawHttp(listener.port())) {
      assertThat(c.send(get("/hit")).read().status()).isEqualTo(200);
    }
  }

  @Test
  void aHeadArrivingOneByteAtATime_isAnswered() throws InterruptedException {
    try (RawHttp c = new RawHttp(listener.port())) {
      String request = get("/hit?slow", "Accept: image/webp");
      for (char ch : request.toCharArray()) {
        c.send(String.valueOf(ch));
        Thread.sleep(1);
      }
      assertThat(c.read().body()).asString().isEqualTo("hit slow");
    }
    assertThat(front("answered")).isEqualTo(1);
  }

  @Test
  void aClientThatDoesNotRead_getsEveryAnswerWholeAndInOrder_whenItDoes()
      throws InterruptedException {
    int n = 12; // 48 MiB of answers: far more than the socket buffers hold
    try (RawHttp c = new RawHttp(listener.port())) {
      StringBuilder pipelined = new StringBuilder();
      for (int i = 0; i < n; i++) {
        pipelined.append(i % 3 == 2 ? get("/hit?" + i) : get("/big"));
      }
      c.send(pipelined.toString());
      Thread.sleep(300);
      for (int i = 0; i < n; i++) {
        RawHttp.Response r = c.read();
        if (i % 3 == 2) {
          assertThat(r.body()).asString().isEqualTo("hit " + i);
        } else {
          assertThat(Arrays.equals(r.body(), BIG)).as("answer %d is the whole body", i).isTrue();
        }
      }
    }
    assertThat(front("answered")).isEqualTo(n);
  }

  @Test
  void aClientThatLeavesMidAnswer_isDropped_andTheNextIsServed() throws InterruptedException {
    int n = 12;
    RawHttp gone = new RawHttp(listener.port());
    gone.send(get("/big").repeat(n)); // 48 MiB of answers asked for
    gone.close(); // and never read
    Thread.sleep(300);
    for (int i = 0; i < 3; i++) {
      try (RawHttp c = new RawHttp(listener.port())) {
        assertThat(c.send(get("/hit?" + i)).read().body()).asString().isEqualTo("hit " + i);
      }
    }
    assertThat(front("answered"))
        .as("the abandoned answers are not counted as answered")
        .isLessThan(n + 3);
    assertThat(chainRequests).hasValue(0);
  }

  @Test
  void aHeadLongerThanTheFrontReads_goesToTheChain() {
    try (RawHttp c = new RawHttp(listener.port())) {
      RawHttp.Response r = c.send(get("/hit", "X-Pad: " + "p".repeat(9000))).read();
      assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).isEqualTo("chain /hit");
    }
  }

  @Test
  void anIdleConnection_isClosedAfterTheIdleTime() {
    listener.close();
    listener = start(Duration.ofMillis(300));
    try (RawHttp c = new RawHttp(listener.port())) {
      assertThat(c.send(get("/hit")).read().status()).isEqualTo(200);
      long start = System.nanoTime();
      assertThat(c.closedByServer()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void whileDraining_everyRequestGoesToTheChain() {
    listener.drain();
    try (RawHttp c = new RawHttp(listener.port())) {
      assertThat(c.send(get("/hit")).read().body()).asString().isEqualTo("chain /hit");
    }
    assertThat(front("answered")).isZero();
  }
}
