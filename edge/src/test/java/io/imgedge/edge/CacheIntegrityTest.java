package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cache poisoning: headers that are not part of the cache key can never change what another client
 * receives. A request with odd headers warms the cache; a clean request must then get exactly the
 * bytes a second, untouched node renders for it.
 */
@Tag("integration")
class CacheIntegrityTest {
  static TestOrigin origin;
  static Node poisoned;
  static Node clean;

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = CacheIntegrityTest.class.getResourceAsStream("/samples/photo.jpg")) {
      byte[] photo = in.readAllBytes();
      origin = TestOrigin.start();
      for (int i = 0; i < 8; i++) {
        origin.image("/p" + i + ".jpg", photo, "image/jpeg");
      }
    }
    poisoned = TestNodes.start(origin.baseUrl().toString(), Map.of());
    clean = TestNodes.start(origin.baseUrl().toString(), Map.of());
  }

  @AfterAll
  static void stop() {
    poisoned.close();
    clean.close();
    origin.close();
  }

  @ParameterizedTest
  @CsvSource({
    "/p0.jpg?width=101, X-Forwarded-Host, evil.example",
    "/p1.jpg?width=102, X-Forwarded-Proto, gopher",
    "/p2.jpg?width=103, X-HTTP-Method-Override, DELETE",
    "/p3.jpg?width=104, X-Original-URL, /p7.jpg?width=999",
    "/p4.jpg?width=105, X-Rewrite-URL, /p7.jpg",
    "/p5.jpg?width=106, Accept, image/webp",
    "/p6.jpg?width=107, Forwarded, host=evil.example;proto=http",
  })
  void unkeyedHeader_cannotChangeWhatOthersReceive(String url, String header, String value) {
    HttpResponse<byte[]> first = get(poisoned, url, header, value);
    assertThat(first.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> victim = get(poisoned, url);
    assertThat(victim.headers().firstValue("X-Cache")).contains("HIT");
    HttpResponse<byte[]> reference = get(clean, url);
    assertThat(sha256(victim.body())).isEqualTo(sha256(reference.body()));
    assertThat(victim.headers().firstValue("ETag"))
        .isEqualTo(reference.headers().firstValue("ETag"));
    assertThat(victim.headers().firstValue("Content-Type"))
        .isEqualTo(reference.headers().firstValue("Content-Type"));
  }

  @Test
  void hostHeader_onAnOriginForAnyHost_servesTheSameObject() {
    HttpResponse<byte[]> viaOtherHost = get(poisoned, "/p7.jpg?width=55", "Host", "evil.example");
    assertThat(viaOtherHost.statusCode()).isEqualTo(200);
    assertThat(sha256(get(poisoned, "/p7.jpg?width=55").body()))
        .isEqualTo(sha256(viaOtherHost.body()));
  }

  @Test
  void oversizedHeader_isRefused_andTheNodeStaysFine() {
    HttpResponse<byte[]> r = get(poisoned, "/p0.jpg?width=101", "X-Junk", "x".repeat(20_000));
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(get(poisoned, "/p0.jpg?width=101").statusCode()).isEqualTo(200);
  }

  @Test
  void tooLongUrl_is414() {
    assertThat(get(poisoned, "/p0.jpg?width=101&pad=" + "1".repeat(5000)).statusCode())
        .isEqualTo(414);
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
