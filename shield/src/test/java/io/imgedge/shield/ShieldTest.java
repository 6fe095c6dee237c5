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
import io.imgedge.transform.ImageFormat;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShieldTest {
  private static final TransformDefaults DEFAULTS = TransformDefaults.FASTLY;
  private final TransformSpecParser parser = new TransformSpecParser(DEFAULTS);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TestOrigin origin;
  private OriginRouter router;
  private TransformPool pool;
  private Shield shield;

  static byte[] sample(String name) throws IOException {
    try (InputStream in = ShieldTest.class.getResourceAsStream("/samples/" + name)) {
      return in.readAllBytes();
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    origin =
        TestOrigin.start().image("/photo.jpg", sample("photo.jpg"), "image/jpeg", "ETag", "\"p1\"");
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
                Shield.Rendition::source,
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

  /**
   * 64 clients at once, for one derivative after another, of one source and of a new source each
   * time (so that some arrive while the last fetch or render finishes, the moment one could slip
   * through twice): one fetch per source, one transform per derivative.
   */
  @Test
  void render_64ConcurrentMisses_oneFetchAndOneTransform() throws Exception {
    int n = 64;
    for (int round = 1; round <= 12; round++) {
      String query = "width=" + (100 + round);
      String other = "/photo-" + round + ".jpg";
      origin.image(other, sample("photo.jpg"), "image/jpeg", "ETag", "\"p" + round + "\"");
      String path = round % 2 == 0 ? other : "/photo.jpg";
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Derivative>> results = new ArrayList<>();
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < n; i++) {
          results.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    await(start);
                    return render(path, query).join();
                  },
                  clients));
        }
        start.countDown();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
      }
      assertThat(origin.requests("/photo.jpg")).isEqualTo(1);
      assertThat(origin.requests(other)).isEqualTo(round % 2 == 0 ? 1 : 0);
      assertThat(transforms()).as("transforms after %d derivatives", round).isEqualTo(round);
      assertThat(results)
          .extracting(f -> f.join().etag())
          .containsOnly(results.get(0).join().etag());
    }
  }

  @Test
  void render_twoDerivatives_fetchTheSourceOnce() {
    Derivative small = render("/photo.jpg", "width=100").join();
    Derivative webp = render("/photo.jpg", "width=100&format=webp").join();
    assertThat(small.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(webp.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(small.etag()).isNotEqualTo(webp.etag());
    assertThat(small.info()).contains("idim=1600x1067", "odim=100x67", "ofmt=jpeg");
    assertThat(origin.requests("/photo.jpg")).isEqualTo(1);
    assertThat(transforms()).isEqualTo(2);
  }

  @Test
  void render_originError_isNotCached() {
    assertThatThrownBy(() -> render("/missing.jpg", "width=10").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(OriginException.class);
    assertThatThrownBy(() -> render("/missing.jpg", "width=10").join())
        .isInstanceOf(CompletionException.class);
    assertThat(origin.requests("/missing.jpg")).isEqualTo(2);
  }

  @Test
  void sourceIfFresh_onlyOnceCached_givesTheRendersEtag() {
    DerivativeRequest request = request("/photo.jpg", "width=120");
    assertThat(shield.sourceIfFresh(request.source())).isEmpty();
    Derivative d = render("/photo.jpg", "width=120").join();
    assertThat(shield.sourceIfFresh(request.source()).map(s -> request.etag(s.validator())))
        .contains(d.etag());
    assertThat(origin.requests("/photo.jpg")).isEqualTo(1);
  }

  @Test
  void etag_dependsOnSourceVersionAndKey() {
    DerivativeRequest a = request("/photo.jpg", "width=120");
    assertThat(a.etag("etag:\"p1\""))
        .isEqualTo(request("/photo.jpg", "width=120").etag("etag:\"p1\""));
    assertThat(a.etag("etag:\"p1\"")).isNotEqualTo(a.etag("etag:\"p2\""));
    assertThat(a.etag("etag:\"p1\""))
        .isNotEqualTo(request("/photo.jpg", "width=121").etag("etag:\"p1\""));
    assertThat(a.etag("x")).startsWith("\"").endsWith("\"").hasSize(29);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
