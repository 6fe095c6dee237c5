package io.imgedge.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.testing.FakeClock;
import io.imgedge.shield.origin.OriginClient;
import io.imgedge.shield.origin.OriginRouter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The source tier's protocol on a fake clock and a scripted origin: nothing here sleeps. */
class SourceCacheTest {
  private static final Duration NOT_FOUND_TTL = Duration.ofSeconds(10);
  private static final Duration FAILURE_TTL = Duration.ofSeconds(2);
  private final FakeClock clock = new FakeClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger fetches = new AtomicInteger();
  private final SourceId id = new SourceId("site", "photo.jpg");
  private Supplier<CompletableFuture<SourceObject>> origin =
      () -> CompletableFuture.completedFuture(source());

  private final OriginClient client =
      new OriginClient() {
        @Override
        public CompletableFuture<SourceObject> fetch(
            SourceId source, @Nullable SourceObject previous) {
          fetches.incrementAndGet();
          return origin.get();
        }
      };
  private final OriginRouter.Routed route = new OriginRouter.Routed(id, client);
  private final SourceCache cache =
      new SourceCache(
          new LocalTier<>(
              "source", 1 << 20, Duration.ofHours(1), clock.ticker(), Runnable::run, registry),
          clock,
          NOT_FOUND_TTL,
          FAILURE_TTL,
          registry);

  private SourceObject source() {
    return new SourceObject(
        id,
        new byte[] {1, 2, 3},
        null,
        "\"v1\"",
        null,
        Freshness.of(clock.instant(), Duration.ofMinutes(1)),
        SourceObject.Revalidation.NONE,
        List.of());
  }

  private static Supplier<CompletableFuture<SourceObject>> failing(OriginException.Kind kind) {
    return () -> CompletableFuture.failedFuture(new OriginException(kind, "origin says " + kind));
  }

  @Test
  void aFailingOrigin_isAskedOncePerFailurePeriod_notOncePerRequest() {
    origin = failing(OriginException.Kind.TIMEOUT);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> cache.get(route).join()).hasMessageContaining("origin says TIMEOUT");
    }
    assertThat(fetches).hasValue(1);
    clock.advance(FAILURE_TTL.plusMillis(1));
    origin = () -> CompletableFuture.completedFuture(source());
    assertThat(cache.get(route).join().bytes()).containsExactly(1, 2, 3);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void concurrentRequestsForAFailingSource_shareOneAttempt() {
    CompletableFuture<SourceObject> hanging = new CompletableFuture<>();
    origin = () -> hanging;
    List<CompletableFuture<SourceObject>> waiting = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      waiting.add(cache.get(route));
    }
    hanging.completeExceptionally(
        new OriginException(OriginException.Kind.UNAVAILABLE, "stalled body"));
    assertThat(waiting).allSatisfy(w -> assertThat(w).isCompletedExceptionally());
    assertThat(fetches).hasValue(1);
  }

  @Test
  void notFound_isRememberedForTheNegativeTtl_andABadPathNotAtAll() {
    origin = failing(OriginException.Kind.NOT_FOUND);
    assertThatThrownBy(() -> cache.get(route).join()).hasMessageContaining("NOT_FOUND");
    clock.advance(FAILURE_TTL.plusSeconds(1));
    assertThatThrownBy(() -> cache.get(route).join()).hasMessageContaining("NOT_FOUND");
    assertThat(fetches).as("still remembered past the failure TTL").hasValue(1);
    clock.advance(NOT_FOUND_TTL);
    origin = () -> CompletableFuture.completedFuture(source());
    assertThat(cache.get(route).join()).isNotNull();

    origin = failing(OriginException.Kind.INVALID_PATH);
    OriginRouter.Routed other = new OriginRouter.Routed(new SourceId("site", "other.jpg"), client);
    int before = fetches.get();
    assertThatThrownBy(() -> cache.get(other).join()).hasMessageContaining("INVALID_PATH");
    assertThatThrownBy(() -> cache.get(other).join()).hasMessageContaining("INVALID_PATH");
    assertThat(fetches.get() - before).isEqualTo(2);
  }

  @Test
  void aPurge_forgetsARememberedFailure() {
    origin = failing(OriginException.Kind.UNAVAILABLE);
    assertThatThrownBy(() -> cache.get(route).join()).hasMessageContaining("UNAVAILABLE");
    cache.invalidate(id);
    origin = () -> CompletableFuture.completedFuture(source());
    assertThat(cache.get(route).join()).isNotNull();
    assertThat(fetches).hasValue(2);
  }
}
