package io.imgedge.shield;

import io.imgedge.cache.LocalTier;
import io.imgedge.shield.origin.OriginRouter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Original images, fetched from their origin at most once at a time and kept while fresh.
 * Concurrent misses for one source share one fetch; failed fetches are not kept.
 *
 * <p>Publishes {@code imgedge.origin.fetches{origin,result}} and the {@code imgedge.origin.fetch}
 * timer.
 */
public final class SourceCache {
  private final LocalTier<SourceId, SourceObject> tier;
  private final Clock clock;
  private final MeterRegistry registry;

  /**
   * @param tier the local tier holding sources
   * @param clock the wall clock, for freshness
   * @param registry where fetch metrics go
   */
  public SourceCache(LocalTier<SourceId, SourceObject> tier, Clock clock, MeterRegistry registry) {
    this.tier = tier;
    this.clock = clock;
    this.registry = registry;
  }

  /** The source behind a route, from cache or fetched once. */
  public CompletableFuture<SourceObject> get(OriginRouter.Routed route) {
    return tier.get(route.id(), id -> fetch(route));
  }

  /** A fresh cached source, or null; never fetches. */
  public @Nullable SourceObject getIfFresh(SourceId id) {
    SourceObject source = tier.getIfPresent(id);
    return source != null && source.freshness().isFresh(clock.instant()) ? source : null;
  }

  /** Forgets a source. */
  public void invalidate(SourceId id) {
    tier.invalidate(id);
  }

  private CompletableFuture<SourceObject> fetch(OriginRouter.Routed route) {
    Timer.Sample sample = Timer.start(registry);
    return route.client().fetch(route.id()).whenComplete((source, error) -> {
      String result = error == null ? "ok" : outcome(error);
      sample.stop(registry.timer("imgedge.origin.fetch", "origin", route.id().origin(), "result", result));
      Counter.builder("imgedge.origin.fetches")
          .description("Fetches from origins, by origin and result")
          .tags("origin", route.id().origin(), "result", result)
          .register(registry)
          .increment();
    });
  }

  private static String outcome(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof OriginException o) {
      return o.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return "error";
  }
}
