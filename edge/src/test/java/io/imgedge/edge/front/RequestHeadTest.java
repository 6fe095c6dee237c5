package io.imgedge.edge.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.http.HitRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadTest {
  private final RequestHead head = new RequestHead();

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aPlainGet_isAnswerable_withWhatTheChainWouldSee() {
    String raw =
        "GET /photos/cat.jpg?width=400&format=auto HTTP/1.1\r\n"
            + "hOsT: img.example.com:8080\r\n"
            + "Accept:  image/avif,image/webp \t\r\n"
            + "If-None-Match: \"abc\"\r\n"
            + "If-Modified-Since: Sun, 06 Dec 2026 05:04:38 GMT\r\n"
            + "Connection: Keep-Alive\r\n"
            + "User-Agent: test\r\n\r\n";
    ByteBuffer in = bytes(raw + "GET /next");
    assertThat(head.parse(in)).isEqualTo(RequestHead.Outcome.ANSWERABLE);
    assertThat(in.position()).as("the buffer is not moved").isZero();
    assertThat(head.length()).isEqualTo(raw.length());
    HitRequest r = head.request();
    assertThat(r.host()).isEqualTo("img.example.com");
    assertThat(r.path()).isEqualTo("/photos/cat.jpg");
    assertThat(r.query()).isEqualTo("width=400&format=auto");
    assertThat(r.accept()).isEqualTo("image/avif,image/webp");
    assertThat(r.conditional().ifNoneMatch()).isEqualTo("\"abc\"");
    assertThat(r.conditional().ifModifiedSince()).isEqualTo("Sun, 06 Dec 2026 05:04:38 GMT");
    assertThat(r.head()).isFalse();
  }

  @Test
  void aHeadWithoutQuery_hasAnEmptyQuery() {
    assertThat(head.parse(bytes("HEAD /a.png HTTP/1.1\r\nHost: h\r\n\r\n")))
        .isEqualTo(RequestHead.Outcome.ANSWERABLE);
    assertThat(head.request().head()).isTrue();
    assertThat(head.request().query()).isEmpty();
    assertThat(head.request().accept()).isNull();
    assertThat(head.request().conditional().isConditional()).isFalse();
  }

  @Test
  void everyProperPrefix_isIncomplete() {
    String raw = "GET /a.jpg?w=1 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n";
    for (int n = 0; n < raw.length(); n++) {
      assertThat(head.parse(bytes(raw.substring(0, n))))
          .as("%d bytes", n)
          .isEqualTo(RequestHead.Outcome.INCOMPLETE);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST /a HTTP/1.1\r\nHost: h\r\n\r\n",
        "get /a HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a HTTP/1.0\r\nHost: h\r\n\r\n",
        "GET /a HTTP/1.1 \r\nHost: h\r\n\r\n",
        "GET  /a HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET a HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET http://h/a HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a%20b HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a;jsessionid=1 HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a|b HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a\"b HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a#f HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a\u00e9 HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a HTTP/1.1\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: \r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: :80\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h:80x\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h:1234567\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h h\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nHost: h\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nAccept: a\r\nAccept: b\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nIf-None-Match: a\r\nif-none-match: b\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nUpgrade: h2c\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nX-Fastly-Imageopto-Overlay: overlay=/l.png\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nx-fastly-imageopto-overlay:\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Upgrade\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nX-A : b\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nX-A: b\nX-B: c\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nX-A: b\u0001\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nX-A: caf\u00e9\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\n: b\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nX\rA: b\r\n\r\n",
      })
  void anythingUnusual_isForTheChain(String raw) {
    assertThat(head.parse(bytes(raw))).isEqualTo(RequestHead.Outcome.CHAIN);
  }

  @Test
  void aHeadLongerThanTheFrontReads_isForTheChain() {
    String raw = "GET /a HTTP/1.1\r\nHost: h\r\nX-Pad: " + "p".repeat(RequestHead.MAX_HEAD);
    assertThat(head.parse(bytes(raw))).isEqualTo(RequestHead.Outcome.CHAIN);
  }

  @Test
  void mutatedHeads_neverThrow_andWhatIsAnswerableIsWellFormed() {
    String[] seeds = {
      "GET /a.jpg?width=100&format=auto HTTP/1.1\r\nHost: h:80\r\nAccept: */*\r\n\r\n",
      "HEAD /b/c.png HTTP/1.1\r\nHost: x.example\r\nIf-None-Match: \"e\"\r\n\r\nGET /",
    };
    Random random = new Random(15);
    for (int i = 0; i < 50_000; i++) {
      byte[] b = seeds[i % seeds.length].getBytes(StandardCharsets.ISO_8859_1);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      int cut = random.nextInt(b.length + 1);
      ByteBuffer in = ByteBuffer.wrap(b, 0, cut);
      RequestHead.Outcome outcome = head.parse(in);
      if (outcome == RequestHead.Outcome.ANSWERABLE) {
        assertThat(head.length()).isLessThanOrEqualTo(cut);
        assertThat(head.request().path()).startsWith("/").doesNotContain("%", ";", " ");
        assertThat(head.request().host()).isNotEmpty();
      }
    }
  }
}
