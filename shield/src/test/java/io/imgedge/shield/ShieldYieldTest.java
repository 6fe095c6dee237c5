package io.imgedge.shield;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Harvest and yield: a long queue answers an AVIF chosen by negotiation with a short-lived WebP.
 */
class ShieldYieldTest {
  private static final String CHROME = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CountDownLatch release = new CountDownLatch(1);
  private TestOrigin origin;
  private OriginRouter router;
  private TransformPool pool;
  private Shield shield;

  @BeforeEach
  void setUp() throws IOException {
    origin =
        TestOrigin.start()
            .image("/photo.jpg", ShieldTest.sample("photo.jpg"), "image/jpeg", "ETag", "\"p1\"");
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
    Transformer transformer =
        new Transformer(
            ImageLimits.FASTLY,
            TransformDefaults.FASTLY,
            new ImageDecoder(),
            new Encoders(),
            new ConvolutionResizer(),
            System::nanoTime);
    pool = new TransformPool(1, 16);
    shield =
        new Shield(
            router,
            new SourceCache(
                new LocalTier<>("source", 64 << 20, Ticker.systemTicker(), Runnable::run, registry),
                Clock.systemUTC(),
                Duration.ZERO,
                Duration.ZERO,
                registry),
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
            new YieldPolicy(1, Duration.ofSeconds(10)),
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    pool.close();
    router.close();
    origin.close();
  }

  private CompletableFuture<Derivative> render(String query, String accept) {
    TransformSpec spec = parser.parse(query);
    DerivativeRequest request =
        new DerivativeRequest(
            router.route("/photo.jpg").id(),
            spec,
            FormatNegotiation.negotiate(spec, accept),
            TransformDefaults.FASTLY);
    return shield.render(shield.route("/photo.jpg"), request);
  }

  /**
   * Fetches the source (so that the renders below find it at once, while the queue is still full),
   * then occupies the single transform thread and queues one more task behind it.
   */
  private void fillTheQueue() throws InterruptedException {
    render("width=50", null).join();
    CountDownLatch running = new CountDownLatch(1);
    pool.submit(
        () -> {
          running.countDown();
          awaitRelease();
          return null;
        });
    running.await();
    pool.submit(() -> null);
    assertThat(pool.queued()).isEqualTo(1);
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void negotiatedAvif_underALongQueue_isAShortLivedWebp_andTheNextRequestRendersAgain()
      throws Exception {
    fillTheQueue();
    CompletableFuture<Derivative> busy = render("width=200&auto=avif", CHROME);
    release.countDown();
    Derivative standIn = busy.join();
    assertThat(standIn.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(standIn.freshness().lifetime()).isEqualTo(Duration.ofSeconds(10));
    assertThat(standIn.warnings()).anyMatch(w -> w.contains("instead of AVIF"));
    assertThat(registry.counter("imgedge.transform.yielded").count()).isEqualTo(1);

    Derivative later = render("width=200&auto=avif", CHROME).join();
    assertThat(later.warnings()).noneMatch(w -> w.contains("instead of AVIF"));
    assertThat(later.freshness().lifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(standIn.etag()).as("the stand-in has its own ETag").isNotEqualTo(later.etag());
  }

  @Test
  void explicitAvif_orAClientWithoutWebp_neverYields() throws Exception {
    fillTheQueue();
    CompletableFuture<Derivative> explicit = render("width=200&format=avif", CHROME);
    CompletableFuture<Derivative> avifOnly = render("width=201&auto=avif", "image/avif");
    release.countDown();
    assertThat(explicit.join().warnings()).noneMatch(w -> w.contains("instead of AVIF"));
    assertThat(avifOnly.join().warnings()).noneMatch(w -> w.contains("instead of AVIF"));
    assertThat(registry.counter("imgedge.transform.yielded").count()).isZero();
  }
}
