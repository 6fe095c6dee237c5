package io.imgedge.edge.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigException;
import io.imgedge.config.ConfigLoader;
import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Overlays (watermarks) over HTTP, with a real origin: the trusted {@code
 * X-Fastly-Imageopto-Overlay} header places the overlay where it says (pixel checks), an untrusted
 * one changes nothing, the hit front never mixes answers made with and without the header, a purge
 * of the overlay's source forgets what used it, and an origin's configured watermark applies to
 * everything it serves.
 */
@Tag("integration")
class OverlayOverHttpTest {
  private static final String TOKEN = "overlay-test-token-0123456789";
  private static final String HEADER = "X-Fastly-Imageopto-Overlay";
  private static TestOrigin origin;
  private static Node trusted;
  private static Node untrusted;

  @BeforeAll
  static void start() throws IOException {
    origin =
        TestOrigin.start()
            .image("/img/base.png", png(100, 60, 0xFF000000), "image/png")
            .image("/img/base2.png", png(100, 60, 0xFF000000), "image/png")
            .image("/img/base3.png", png(100, 60, 0xFF000000), "image/png")
            .image("/img/logo.png", png(10, 10, 0xFFFF0000), "image/png")
            .image("/img/half.png", png(10, 10, 0x80FFFFFF), "image/png");
    trusted =
        TestNodes.start(
            origin.baseUrl() + "/img",
            Map.of("security.trust-overlay-header", "true", "admin.token", TOKEN));
    untrusted = TestNodes.start(origin.baseUrl() + "/img", Map.of());
  }

  @AfterAll
  static void stop() {
    trusted.close();
    untrusted.close();
    origin.close();
  }

  static byte[] png(int w, int h, int argb) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, argb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static RawHttp.Response get(Node node, String target, String... headers) {
    StringBuilder s = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:9\r\n");
    for (String h : headers) {
      s.append(h).append("\r\n");
    }
    try (RawHttp c = new RawHttp(node.publicPort())) {
      return c.send(s.append("\r\n").toString()).read(false);
    }
  }

  private static BufferedImage image(RawHttp.Response r) {
    assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    try {
      return ImageIO.read(new ByteArrayInputStream(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bounding box of pure red pixels: {x0, y0, x1, y1}, and how many there are. */
  private static int[] red(BufferedImage img) {
    int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1, n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == 0xFF0000) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
          n++;
        }
      }
    }
    return new int[] {x0, y0, x1, y1, n};
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      top,left      | 0  | 0
      top,center    | 45 | 0
      top,right     | 90 | 0
      middle,left   | 0  | 25
      middle,center | 45 | 25
      middle,right  | 90 | 25
      bottom,left   | 0  | 50
      bottom,center | 45 | 50
      bottom,right  | 90 | 50
      """)
  void eachAlignment_landsWhereExpected(String align, int x, int y) {
    BufferedImage out =
        image(
            get(
                trusted,
                "/base.png?format=png",
                HEADER + ": overlay=/logo.png&overlay-align=" + align));
    assertThat(red(out)).containsExactly(x, y, x + 10, y + 10, 100);
  }

  @Test
  void repeat_tilesTheOverlay_andPadOffsetsIt() {
    BufferedImage row =
        image(
            get(
                trusted,
                "/base.png?format=png",
                HEADER + ": overlay=/logo.png&overlay-align=top,left&overlay-repeat=x"));
    assertThat(red(row)).containsExactly(0, 0, 100, 10, 1000);
    BufferedImage all =
        image(
            get(
                trusted,
                "/base.png?format=png",
                HEADER + ": overlay=/logo.png&overlay-repeat=both"));
    assertThat(red(all)[4]).isEqualTo(6000);
    BufferedImage padded =
        image(
            get(
                trusted,
                "/base.png?format=png",
                HEADER + ": overlay=/logo.png&overlay-align=bottom,right&overlay-pad=5,7"));
    assertThat(red(padded)).containsExactly(83, 45, 93, 55, 100);
  }

  @Test
  void sizeAndAlpha_scaleOnTheResizedImage_andBlendInLinearLight() {
    BufferedImage sized =
        image(
            get(
                trusted,
                "/base.png?width=50&format=png",
                HEADER + ": overlay=/logo.png&overlay-align=top,left&overlay-width=0.4"));
    assertThat(sized.getWidth()).isEqualTo(50); // 40% of the resized width: 20 pixels
    assertThat(red(sized)).containsExactly(0, 0, 20, 20, 400);
    BufferedImage half =
        image(get(trusted, "/base.png?format=png", HEADER + ": overlay=/half.png"));
    assertThat(half.getRGB(50, 30) & 0xFF).isBetween(187, 189);
    assertThat(half.getRGB(0, 0) & 0xFFFFFF).isZero();
  }

  @Test
  void withoutTrust_theHeaderChangesNothing() {
    RawHttp.Response plain = get(untrusted, "/base.png?width=50");
    RawHttp.Response withHeader =
        get(untrusted, "/base.png?width=50", HEADER + ": overlay=/logo.png");
    assertThat(withHeader.status()).isEqualTo(200);
    assertThat(withHeader.body()).isEqualTo(plain.body());
    assertThat(withHeader.header("ETag")).isEqualTo(plain.header("ETag"));
    assertThat(withHeader.header("Vary")).isNull();
    assertThat(red(image(withHeader))[4]).isZero();
    RawHttp.Response bad = get(untrusted, "/base.png?width=50", HEADER + ": overlay-align=nowhere");
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.header("ETag")).isEqualTo(plain.header("ETag"));
    // the same derivative without the header has the same ETag on the trusting node
    assertThat(get(trusted, "/base.png?width=50").header("ETag")).isEqualTo(plain.header("ETag"));
  }

  @Test
  void theHitFront_neverAnswersWithAnEntryMadeWithOrWithoutTheHeader() {
    String target = "/base.png?width=60&format=png";
    String overlay = HEADER + ": overlay=/logo.png&overlay-align=top,left";
    RawHttp.Response plain = get(trusted, target);
    assertThat(get(trusted, target).header("X-Cache")).isEqualTo("HIT"); // the front's now
    RawHttp.Response with = get(trusted, target, overlay);
    assertThat(red(image(with))[4]).isEqualTo(100);
    assertThat(with.header("ETag")).isNotEqualTo(plain.header("ETag"));
    assertThat(with.header("Vary")).isEqualTo(HEADER);
    assertThat(plain.header("Vary")).isEqualTo(HEADER);
    RawHttp.Response withAgain = get(trusted, target, overlay);
    assertThat(withAgain.header("X-Cache")).isEqualTo("HIT");
    assertThat(withAgain.body()).isEqualTo(with.body());
    RawHttp.Response plainAgain = get(trusted, target);
    assertThat(plainAgain.body()).isEqualTo(plain.body());
    assertThat(red(image(plainAgain))[4]).isZero();
    // If-None-Match with the plain ETag is not a 304 for the overlaid derivative
    assertThat(get(trusted, target, overlay, "If-None-Match: " + plain.header("ETag")).status())
        .isEqualTo(200);
  }

  @Test
  void purgingTheOverlay_purgesWhatUsedIt() {
    String target = "/base2.png?format=png";
    String overlay = HEADER + ": overlay=/logo.png&overlay-align=top,right";
    get(trusted, target, overlay);
    assertThat(get(trusted, target, overlay).header("X-Cache")).isEqualTo("HIT");
    assertThat(
            TestNodes.send(
                    trusted.adminPort(),
                    "POST",
                    "/purge?path=/logo.png",
                    "Authorization",
                    "Bearer " + TOKEN)
                .statusCode())
        .isEqualTo(200);
    Await.until(
        "the purge of the overlay reaches the derivative",
        () -> !"HIT".equals(get(trusted, target, overlay).header("X-Cache")));
    assertThat(red(image(get(trusted, target, overlay)))).containsExactly(90, 0, 100, 10, 100);
  }

  @Test
  void badOrMissingOverlay_is4xxNamingIt_andTheNextRequestIsFine() {
    RawHttp.Response bad =
        get(trusted, "/base3.png?width=40", HEADER + ": overlay=/logo.png&overlay-align=up");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("overlay-align");
    RawHttp.Response missing =
        get(trusted, "/base3.png?width=40", HEADER + ": overlay=/nothing.png");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("/nothing.png");
    assertThat(get(trusted, "/base3.png?width=40").status()).isEqualTo(200);
    assertThat(
            red(
                image(
                    get(
                        trusted,
                        "/base3.png?width=40&format=png",
                        HEADER + ": overlay=/logo.png")))[4])
        .isEqualTo(100);
  }

  private static Node fromYaml(Path dir, String overlay) throws IOException {
    Path yaml = dir.resolve("imgedge-" + UUID.randomUUID() + ".yaml");
    Files.writeString(
        yaml,
        """
        origins:
          - name: site
            type: http
            url: %s/img
            allow-private: true
            overlay: "%s"
        """
            .formatted(origin.baseUrl(), overlay));
    Map<String, String> s = new HashMap<>();
    s.put("node.public-bind", "127.0.0.1");
    s.put("node.public-port", "0");
    s.put("node.admin-port", "0");
    s.put("cluster.name", "test-" + UUID.randomUUID());
    s.put("cluster.port", "5950");
    return Node.start(ConfigLoader.load(yaml, Map.of(), new CommandLineOverrides(s, null)));
  }

  @Test
  void anOriginsWatermark_appliesToEverythingItServes(@TempDir Path dir) throws IOException {
    try (Node node = fromYaml(dir, "overlay=/logo.png&overlay-align=bottom,left&overlay-pad=2")) {
      assertThat(red(image(get(node, "/base.png?format=png")))).containsExactly(2, 48, 12, 58, 100);
      assertThat(red(image(get(node, "/base2.png?width=50&format=png")))[4]).isGreaterThan(0);
      // the header is not trusted on this node: it changes nothing
      assertThat(
              red(
                  image(
                      get(
                          node,
                          "/base.png?format=png",
                          HEADER + ": overlay=/logo.png&overlay-align=top,right"))))
          .containsExactly(2, 48, 12, 58, 100);
    }
    assertThatThrownBy(() -> fromYaml(dir, "overlay=/logo.png&overlay-repeat=sideways"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("origin 'site'")
        .hasMessageContaining("overlay-repeat");
  }
}
