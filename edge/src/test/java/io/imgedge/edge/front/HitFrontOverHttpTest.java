package io.imgedge.edge.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestNodes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real node: what the hit front answers is what the handler chain answers for the same request
 * (every header but Date, Age within a second, the same body), counted the same, and a purge
 * reaches it. A request the chain must see is sent with {@code Content-Length: 0}, which the front
 * never answers.
 */
@Tag("integration")
class HitFrontOverHttpTest {
  private static final String TOKEN = "front-test-token-0123456789";
  private static Node node;

  @BeforeAll
  static void start() {
    node = TestNodes.start(null, Map.of("admin.token", TOKEN));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static String request(String method, String target, String... headers) {
    StringBuilder s =
        new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:9\r\n");
    for (String h : headers) {
      s.append(h).append("\r\n");
    }
    return s.append("\r\n").toString();
  }

  private static RawHttp.Response once(String raw, boolean head) {
    try (RawHttp c = new RawHttp(node.publicPort())) {
      return c.send(raw).read(head);
    }
  }

  private static double answered() {
    String metrics = TestNodes.admin(node, "/metrics").body();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("imgedge_front_requests_total{outcome=\"answered\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  /** Asserts the front's answer equals the chain's, and that the front gave it. */
  private static RawHttp.Response sameAsChain(String method, String target, String... headers) {
    boolean head = method.equals("HEAD");
    String[] chainHeaders = java.util.Arrays.copyOf(headers, headers.length + 1);
    chainHeaders[headers.length] = "Content-Length: 0";
    once(request(method, target, headers), head); // remembered (parsed) and in memory
    RawHttp.Response chain = once(request(method, target, chainHeaders), head);
    double before = answered();
    RawHttp.Response front = once(request(method, target, headers), head);
    // counted just after the write, so the client can read the answer a moment before the count
    Await.until("the front counts an answer", () -> answered() >= before + 1);
    assertThat(answered()).as("the front answered, once").isEqualTo(before + 1);
    assertThat(front.status()).isEqualTo(chain.status());
    assertThat(withoutPerRequest(front.headers()))
        .as("%s %s %s", method, target, String.join(", ", headers))
        .isEqualTo(withoutPerRequest(chain.headers()));
    assertThat(Long.parseLong(front.header("Age")))
        .isCloseTo(Long.parseLong(chain.header("Age")), org.assertj.core.data.Offset.offset(1L));
    assertThat(front.header("Date")).isNotBlank();
    assertThat(front.body()).isEqualTo(chain.body());
    return front;
  }

  private static Map<String, String> withoutPerRequest(Map<String, String> headers) {
    Map<String, String> m = new LinkedHashMap<>(headers);
    m.remove("date");
    m.remove("age");
    return new java.util.TreeMap<>(m);
  }

  @Test
  void aHit_isAnsweredByTheFront_asTheChainAnswersIt() {
    RawHttp.Response r = sameAsChain("GET", "/photo.jpg?width=160");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("X-Cache")).isEqualTo("HIT");
    assertThat(r.header("Connection")).isEqualTo("keep-alive");
    String etag = r.header("ETag");
    assertThat(sameAsChain("HEAD", "/photo.jpg?width=160").body()).isEmpty();
    assertThat(sameAsChain("GET", "/photo.jpg?width=160", "If-None-Match: " + etag).status())
        .isEqualTo(304);
    assertThat(
            sameAsChain("GET", "/photo.jpg?width=160", "If-None-Match: \"other\", W/" + etag)
                .status())
        .isEqualTo(304);
    assertThat(
            sameAsChain(
                    "GET",
                    "/photo.jpg?width=160",
                    "If-Modified-Since: " + r.header("Last-Modified"))
                .status())
        .isEqualTo(304);
  }

  @Test
  void negotiatedAndWarnedAnswers_keepTheirVaryAndWarningHeaders() {
    RawHttp.Response webp =
        sameAsChain("GET", "/photo.jpg?width=90&format=auto", "Accept: image/webp,*/*");
    assertThat(webp.header("Vary")).isEqualTo("Accept");
    assertThat(webp.header("Content-Type")).isEqualTo("image/webp");
    RawHttp.Response warned = sameAsChain("GET", "/photo.jpg?width=91&region=1");
    assertThat(warned.header("Imgedge-IO-Warning")).isNotBlank();
  }

  @Test
  void hitsAnsweredByTheFront_countInTheRequestMetrics() {
    once(request("GET", "/photo.jpg?width=70"), false);
    long before = count("200");
    for (int i = 0; i < 5; i++) {
      assertThat(once(request("GET", "/photo.jpg?width=70"), false).header("X-Cache"))
          .isEqualTo("HIT");
    }
    Await.until("five hits counted", () -> count("200") >= before + 5);
    assertThat(count("200")).isEqualTo(before + 5);
  }

  private static long count(String status) {
    String metrics = TestNodes.admin(node, "/metrics").body();
    for (String line : metrics.split("\n")) {
      if (line.startsWith(
          "imgedge_requests_seconds_count{route=\"image\",status=\"" + status + "\"}")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  @Test
  void afterAPurge_theFrontNoLongerAnswers() {
    String target = "/portrait.jpg?width=61"; // its own source: the purge leaves the others alone
    once(request("GET", target), false);
    assertThat(once(request("GET", target), false).header("X-Cache")).isEqualTo("HIT");
    assertThat(
            TestNodes.send(
                    node.adminPort(),
                    "POST",
                    "/purge?path=/portrait.jpg",
                    "Authorization",
                    "Bearer " + TOKEN)
                .statusCode())
        .isEqualTo(200);
    String cache = "HIT";
    for (int i = 0; i < 50 && cache.equals("HIT"); i++) { // the purge is applied through a topic
      cache = once(request("GET", target), false).header("X-Cache");
    }
    assertThat(cache).isEqualTo("MISS");
  }
}
