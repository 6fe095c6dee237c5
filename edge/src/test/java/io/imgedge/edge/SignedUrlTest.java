package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.edge.app.Node;
import io.imgedge.edge.security.UrlSigner;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An origin that requires signed URLs: any change to a signed URL is refused before any work. */
@Tag("integration")
class SignedUrlTest {
  private static final String KEY = "00112233445566778899aabbccddeeff";
  @TempDir static Path dir;
  static TestOrigin origin;
  static Node node;
  static UrlSigner signer = new UrlSigner(List.of(HexFormat.of().parseHex(KEY)));

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = SignedUrlTest.class.getResourceAsStream("/samples/photo.jpg")) {
      origin = TestOrigin.start().image("/photo.jpg", in.readAllBytes(), "image/jpeg");
    }
    Path config =
        Files.writeString(
            dir.resolve("signed.yaml"),
            """
        node: {public-bind: 127.0.0.1, public-port: 0, admin-port: 0}
        cluster: {name: test-%s}
        security: {signing-keys: "%s"}
        origins: [{name: site, type: http, url: '%s', allow-private: true, signed: true}]
        """
                .formatted(UUID.randomUUID(), KEY, origin.baseUrl()));
    node = Node.start(ConfigLoader.load(config, Map.of(), CommandLineOverrides.NONE));
  }

  @AfterAll
  static void stop() {
    node.close();
    origin.close();
  }

  @Test
  void validSignature_isServed_unsignedIsNot() {
    String url = "/photo.jpg?" + signer.sign("/photo.jpg", "width=120");
    assertThat(get(node, url).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> unsigned = get(node, "/photo.jpg?width=120");
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(new String(unsigned.body())).contains("IMGEDGE-0105");
  }

  @Test
  void anySingleByteChanged_is403_withoutAnOriginFetch() {
    String url = "/photo.jpg?" + signer.sign("/photo.jpg", "width=77&format=webp");
    int before = origin.requests("/photo.jpg");
    for (int i = 1; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '&' || c == '=') {
        continue; // the URL's own structure; every other byte is tried
      }
      String changed = url.substring(0, i) + (c == 'x' ? 'y' : 'x') + url.substring(i + 1);
      assertThat(get(node, changed).statusCode()).as(changed).isIn(403, 404);
    }
    assertThat(origin.requests("/photo.jpg")).as("no origin fetch").isEqualTo(before);
  }

  @Test
  void expiredSignature_is403() {
    String url = "/photo.jpg?" + signer.sign("/photo.jpg", "width=50&expires=1000000000");
    HttpResponse<byte[]> r = get(node, url);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(new String(r.body())).contains("expired", "IMGEDGE-0106");
  }
}
