package io.imgedge.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.imgedge.cache.LocalTier;
import io.imgedge.config.FetchConfig;
import io.imgedge.config.OriginConfig;
import io.imgedge.shield.origin.HttpOrigin;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.origin.SourceFactory;
import io.imgedge.shield.testing.TestOrigin;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.Transformer;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overlays at the shield: fetched through the source cache, keyed, purged with their source. */
class ShieldOverlayTest {
  private static final TransformDefaults DEFAULTS = TransformDefaults.FASTLY;
  private final TransformSpecParser parser = new TransformSpecParser(DEFAULTS);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TestOrigin origin;
  private OriginRouter router;
  private TransformPool pool;
  private Shield shield;

  static byte[] sample(String name) throws IOException {
    try (InputStream in = ShieldOverlayTest.class.getResourceAsStream("/samples/" + name)) {
      return in.readAllBytes();
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    origin =
        TestOrigin.start()
            .image("/photo.jpg", sample("photo.jpg"), "image/jpeg", "ETag", "\"p1\"")
            .image("/brand/logo.png", logo(), "image/png", "ETag", "\"l1\"");
    Duration t = Duration.ofSeconds(5);
    SourceFactory factory =
        new SourceFactory(
            Clock.systemUTC(), io.imgedge.cache.FreshnessRules.ttl(Duration.ofHours(1)));
    router =
        new OriginRouter(
            List.of(
                new OriginConfig(
                    "site",
                    "/",
                    OriginConfig.Kind.HTTP,
                    null,
                    origin.baseUrl(),
                    null,
                    null,
                    OriginConfig.TtlRules.DEFAULTS,
                    true,
                    false)),
            c ->
                new HttpOrigin(
                    c.baseUrl(),
                    new FetchConfig(t, t, t, t),
                    50_000_000,
                    factory,
                    new io.imgedge.shield.origin.AddressGuard(
                        io.imgedge.shield.origin.AddressResolver.SYSTEM),
                    true,
                    System::nanoTime));
    LocalTier<SourceId, SourceObject> tier =
        new LocalTier<>("source", 64 << 20, Ticker.systemTicker(), Runnable::run, registry);
    Transformer transformer =
        new Transformer(
            ImageLimits.FASTLY,
            DEFAULTS,
            new ImageDecoder(),
            new Encoders(),
            new ConvolutionResizer(),
            System::nanoTime);
    pool = new TransformPool(2, 64);
    shield =
        new Shield(
            router,
            new SourceCache(tier, Clock.systemUTC(), Duration.ZERO, Duration.ZERO, registry),
            new LocalTier<Shield.Rendition, Derivative>(
                "shield",
                64 << 20,
                java.time.Duration.ZERO,
                Shield.Rendition::groups,
                Ticker.systemTicker(),
                Runnable::run,
                registry),
            transformer,
            pool,
            Duration.ofSeconds(20),
            new VariantBudget(1000, Clock.systemUTC()),
            Duration.ZERO,
            registry,
            YieldPolicy.NEVER,
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    pool.close();
    router.close();
    origin.close();
  }

  private static byte[] logo() throws IOException {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        img.setRGB(x, y, 0xFFFF0000);
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private DerivativeRequest request(String path, String query, String overlay) {
    TransformSpec spec = parser.parse(query).withOverlay(parser.parseOverlay(overlay));
    return new DerivativeRequest(
        router.route(path).id(), spec, FormatNegotiation.negotiate(spec, null), DEFAULTS);
  }

  private CompletableFuture<Derivative> render(String path, String query, String overlay) {
    return shield.render(shield.route(path), request(path, query, overlay));
  }

  private DerivativeRequest request(String path, String query) {
    TransformSpec spec = parser.parse(query);
    return new DerivativeRequest(
        router.route(path).id(), spec, FormatNegotiation.negotiate(spec, null), DEFAULTS);
  }

  private CompletableFuture<Derivative> render(String path, String query) {
    return shield.render(shield.route(path), request(path, query));
  }

  private long transforms() {
    return registry.find("imgedge.transform").timers().stream().mapToLong(x -> x.count()).sum();
  }

  private static final String LOGO = "overlay=/brand/logo.png&overlay-align=bottom,right";

  @Test
  void overlay_isFetchedOnce_andCompositedOverTheResizedImage() throws Exception {
    List<CompletableFuture<Derivative>> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(render("/photo.jpg", "width=" + (100 + i % 3 * 10) + "&format=png", LOGO));
    }
    for (CompletableFuture<Derivative> f : all) {
      f.get();
    }
    assertThat(origin.requests("/brand/logo.png")).isEqualTo(1);
    assertThat(origin.requests("/photo.jpg")).isEqualTo(1);
    Derivative d = all.get(0).get();
    java.awt.image.BufferedImage out =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(d.bytes()));
    assertThat(out.getWidth()).isEqualTo(100);
    int w = out.getWidth();
    int h = out.getHeight();
    assertThat(out.getRGB(w - 1, h - 1) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(out.getRGB(w - 20, h - 20) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(out.getRGB(w - 21, h - 21) & 0xFFFFFF).isNotEqualTo(0xFF0000);
    assertThat(registry.counter("imgedge.overlays", "format", "png").count()).isEqualTo(3);
  }

  @Test
  void overlayParameters_arePartOfTheKeyAndEtag() throws Exception {
    Derivative plain = render("/photo.jpg", "width=100&format=png").get();
    Derivative a = render("/photo.jpg", "width=100&format=png", LOGO).get();
    Derivative again = render("/photo.jpg", "width=100&format=png", LOGO).get();
    Derivative b =
        render("/photo.jpg", "width=100&format=png", "overlay=/brand/logo.png&overlay-align=top")
            .get();
    assertThat(a.etag()).isNotEqualTo(plain.etag()).isNotEqualTo(b.etag()).isEqualTo(again.etag());
    assertThat(a.bytes()).isNotEqualTo(plain.bytes());
    assertThat(request("/photo.jpg", "width=100&format=png", LOGO).key())
        .isNotEqualTo(request("/photo.jpg", "width=100&format=png").key());
    assertThat(transforms()).isEqualTo(3);
  }

  @Test
  void purgingTheOverlay_purgesWhatUsedIt() throws Exception {
    render("/photo.jpg", "width=100&format=png", LOGO).get();
    render("/photo.jpg", "width=120&format=png").get();
    assertThat(transforms()).isEqualTo(2);
    shield.purgeSource(new SourceId("site", "brand/logo.png"));
    render("/photo.jpg", "width=100&format=png", LOGO).get();
    render("/photo.jpg", "width=120&format=png").get(); // no overlay: still held
    assertThat(transforms()).isEqualTo(3);
    assertThat(origin.requests("/brand/logo.png")).isEqualTo(2);
    shield.purgeSource(new SourceId("site", "photo.jpg"));
    render("/photo.jpg", "width=100&format=png", LOGO).get();
    assertThat(transforms()).isEqualTo(4);
  }

  @Test
  void missingOverlay_failsNamingItsPath() {
    assertThatThrownBy(() -> render("/photo.jpg", "width=100", "overlay=/brand/missing.png").join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            OriginException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).contains("overlay /brand/missing.png");
            });
  }
}
