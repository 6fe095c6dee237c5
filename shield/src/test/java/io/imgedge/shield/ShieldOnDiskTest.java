package io.imgedge.shield;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.FreshnessRules;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.disk.DiskStore;
import io.imgedge.cache.testing.FakeClock;
import io.imgedge.config.FetchConfig;
import io.imgedge.config.OriginConfig;
import io.imgedge.shield.disk.DiskCodecs;
import io.imgedge.shield.origin.AddressGuard;
import io.imgedge.shield.origin.AddressResolver;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shield with its sources and renditions on disk, restarted over the same folder (a new shield,
 * empty memory): what it held is answered from disk, without the origin and without rendering.
 */
class ShieldOnDiskTest {
  private static final TransformDefaults DEFAULTS = TransformDefaults.FASTLY;
  private final TransformSpecParser parser = new TransformSpecParser(DEFAULTS);
  private final FakeClock clock = new FakeClock();
  private final List<AutoCloseable> open = new ArrayList<>();
  @TempDir Path dir;
  private TestOrigin origin;

  /** One shield process's parts. */
  private record Node(
      Shield shield,
      SimpleMeterRegistry registry,
      DiskStore<SourceId, SourceObject> sources,
      DiskStore<Shield.Rendition, Derivative> renditions) {

    long transforms() {
      return registry.find("imgedge.transform").timers().stream().mapToLong(t -> t.count()).sum();
    }

    /** Stops as a node does: what waits is written, memory is gone. */
    void stop() {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while ((sources.pendingWrites() > 0 || renditions.pendingWrites() > 0)
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(1_000_000);
      }
      sources.close();
      renditions.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    origin =
        TestOrigin.start()
            .image(
                "/photo.jpg",
                ShieldTest.sample("photo.jpg"),
                "image/jpeg",
                "ETag",
                "\"p1\"",
                "Cache-Control",
                "max-age=3600",
                "Surrogate-Key",
                "photos");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
    origin.close();
  }

  private Node start() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Duration t = Duration.ofSeconds(5);
    SourceFactory factory = new SourceFactory(clock, FreshnessRules.ttl(Duration.ofHours(1)));
    OriginRouter router =
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
                    new AddressGuard(AddressResolver.SYSTEM),
                    true,
                    System::nanoTime));
    TransformPool pool = new TransformPool(2, 64);
    open.add(router);
    open.add(pool);
    var sourceDisk =
        new DiskStore<>(
            "source",
            dir.resolve("source"),
            32 << 20,
            t,
            Duration.ofHours(1),
            DiskCodecs.sources(),
            clock,
            registry);
    var renditionDisk =
        new DiskStore<>(
            "shield",
            dir.resolve("shield"),
            32 << 20,
            t,
            Duration.ofHours(1),
            DiskCodecs.renditions(),
            clock,
            registry);
    open.add(sourceDisk);
    open.add(renditionDisk);
    Shield shield =
        new Shield(
            router,
            new SourceCache(
                new LocalTier<>(
                    "source",
                    64 << 20,
                    Duration.ofHours(1),
                    clock.ticker(),
                    Runnable::run,
                    registry),
                sourceDisk,
                clock,
                Duration.ZERO,
                Duration.ZERO,
                registry),
            new LocalTier<>(
                "shield",
                64 << 20,
                Duration.ofHours(1),
                Shield.Rendition::source,
                clock.ticker(),
                Runnable::run,
                registry),
            renditionDisk,
            new Transformer(
                ImageLimits.FASTLY,
                DEFAULTS,
                new ImageDecoder(),
                new Encoders(),
                new ConvolutionResizer(),
                System::nanoTime),
            pool,
            Duration.ofSeconds(20),
            new VariantBudget(1000, clock),
            Duration.ZERO,
            registry,
            YieldPolicy.NEVER,
            clock);
    return new Node(shield, registry, sourceDisk, renditionDisk);
  }

  private Derivative render(Node node, String query) {
    TransformSpec spec = parser.parse(query);
    OriginRouter.Routed route = node.shield().route("/photo.jpg");
    DerivativeRequest request =
        new DerivativeRequest(route.id(), spec, FormatNegotiation.negotiate(spec, null), DEFAULTS);
    return node.shield().render(route, request).join();
  }

  @Test
  void aRestartedShield_answersFromDisk_withoutTheOriginOrARender() {
    Node first = start();
    Derivative before = render(first, "width=120");
    render(first, "width=60");
    assertThat(origin.requests("/photo.jpg")).isEqualTo(1);
    first.stop();

    Node second = start();
    Derivative after = render(second, "width=120");
    render(second, "width=60");
    assertThat(origin.requests("/photo.jpg")).as("no origin fetch after the restart").isEqualTo(1);
    assertThat(second.transforms()).as("no render after the restart").isZero();
    assertThat(after.bytes()).isEqualTo(before.bytes());
    assertThat(after.etag()).isEqualTo(before.etag());
    assertThat(after.surrogateKeys()).containsExactly("photos");
  }

  @Test
  void aStaleSourceOnDisk_isRevalidatedWithItsStoredValidator_andItsRenditionsServed() {
    Node first = start();
    Derivative before = render(first, "width=120");
    first.stop();
    clock.advance(Duration.ofMinutes(90)); // max-age=3600: stale, still kept (keep-stale 1 h)

    Node second = start();
    Derivative after = render(second, "width=120");
    assertThat(origin.notModified("/photo.jpg")).as("a conditional request, answered 304").isOne();
    assertThat(second.transforms()).isZero();
    assertThat(after.bytes()).isEqualTo(before.bytes());
    assertThat(after.freshness().isFresh(clock.instant())).isTrue();
  }

  @Test
  void purges_reachTheDisk() {
    Node first = start();
    render(first, "width=120");
    first.shield().purgeSource(new SourceId("site", "photo.jpg"));
    first.stop();

    Node second = start();
    render(second, "width=120");
    assertThat(origin.requests("/photo.jpg")).isEqualTo(2);
    assertThat(second.transforms()).isOne();
    second.shield().purgeSurrogateKey("photos");
    second.stop();

    Node third = start();
    render(third, "width=120");
    assertThat(origin.requests("/photo.jpg")).isEqualTo(3);
  }
}
