package io.imgedge.shield;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.SingleFlight;
import io.imgedge.shield.origin.OriginRouter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Original images, fetched from their origin once however many requests want them together, and
 * kept while fresh. A stale copy is revalidated with a conditional request (a 304 keeps its bytes);
 * when the origin fails, a copy within {@code stale-if-error} is served instead. A source whose
 * origin forbids storing it is never shared between requests: those that joined its fetch each
 * fetch their own, all at once, and it is marked "pass" for a while so that its next requests go
 * to the origin side by side, never queued behind one another.
 *
 * <p>Publishes {@code imgedge.origin.fetches{origin,result}} and the {@code imgedge.origin.fetch}
 * timer.
 */
public final class SourceCache {
  private static final Duration PASS_MEMORY = Duration.ofMinutes(2);

  private final LocalTier<SourceId, SourceObject> tier;
  private final Clock clock;
  private final MeterRegistry registry;
  private final SingleFlight<SourceId, SourceObject> fetches = new SingleFlight<>();
  private final Cache<SourceId, Boolean> passes =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(PASS_MEMORY).build();
  private final Cache<SourceId, OriginException> notFound;

  /**
   * @param tier the local tier holding sources (keeping stale ones for revalidation)
   * @param clock the wall clock, for freshness
   * @param negativeTtl how long an origin's "not found" is remembered (bounded to 10,000 sources)
   * @param registry where fetch metrics go
   */
  public SourceCache(LocalTier<SourceId, SourceObject> tier, Clock clock, Duration negativeTtl,
      MeterRegistry registry) {
    this.tier = tier;
    this.clock = clock;
    this.notFound = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(negativeTtl).build();
    this.registry = registry;
  }

  /** The source behind a route: fresh from cache, revalidated, or fetched once. */
  public CompletableFuture<SourceObject> get(OriginRouter.Routed route) {
    SourceId id = route.id();
    SourceObject cached = tier.getIfPresent(id);
    if (cached != null && cached.freshness().isFresh(clock.instant())) {
      return CompletableFuture.completedFuture(cached);
    }
    OriginException missing = notFound.getIfPresent(id);
    if (missing != null) {
      return CompletableFuture.failedFuture(missing);
    }
    if (passes.getIfPresent(id) != null) {
      return fetch(route, null);
    }
    // A new flight looks in the tier again first: a request that missed while the last fetch was
    // being kept joins its result instead of fetching again.
    SingleFlight.Flight<SourceObject> flight = fetches.join(id, () -> {
      SourceObject kept = tier.getIfPresent(id);
      if (kept != null && kept.freshness().isFresh(clock.instant())) {
        return CompletableFuture.completedFuture(kept);
      }
      OriginException gone = notFound.getIfPresent(id);
      return gone != null ? CompletableFuture.failedFuture(gone) : fetchAndKeep(route, cached);
    });
    // A source that may not be stored is not shared: each follower fetches its own, all at once.
    return flight.leader() ? flight.result() : flight.result().thenCompose(source ->
        source.freshness().storable() ? CompletableFuture.completedFuture(source) : fetch(route, null));
  }

  /** Fetches (or revalidates) once and keeps the result; stale-if-error and 404s as configured. */
  private CompletableFuture<SourceObject> fetchAndKeep(OriginRouter.Routed route, @Nullable SourceObject cached) {
    SourceId id = route.id();
    return fetch(route, cached).handle((source, error) -> {
      if (error == null) {
        keep(source);
        return source;
      }
      if (cached != null && cached.freshness().inStaleIfError(clock.instant())) {
        return cached; // stale-if-error: the origin failed, a usable stale copy exists
      }
      if (Problem.unwrap(error) instanceof OriginException o && o.kind() == OriginException.Kind.NOT_FOUND) {
        notFound.put(id, o);
      }
      throw error instanceof CompletionException c ? c : new CompletionException(error);
    });
  }

  private void keep(SourceObject source) {
    if (source.freshness().storable()) {
      tier.put(source.id(), source);
    } else {
      passes.put(source.id(), Boolean.TRUE);
      tier.invalidate(source.id());
    }
  }

  /** A fresh cached source, or null; never fetches. */
  public @Nullable SourceObject getIfFresh(SourceId id) {
    SourceObject source = tier.getIfPresent(id);
    return source != null && source.freshness().isFresh(clock.instant()) ? source : null;
  }

  /** Forgets a source. */
  public void invalidate(SourceId id) {
    tier.invalidate(id);
    passes.invalidate(id);
    notFound.invalidate(id);
  }

  /** Forgets every source carrying a surrogate key; returns how many. */
  public int invalidateSurrogateKey(String key) {
    return tier.removeIf((id, s) -> s.surrogateKeys().contains(key));
  }

  /** Forgets every source. */
  public void invalidateAll() {
    tier.invalidateAll();
    passes.invalidateAll();
    notFound.invalidateAll();
  }

  private CompletableFuture<SourceObject> fetch(OriginRouter.Routed route, @Nullable SourceObject stale) {
    Timer.Sample sample = Timer.start(registry);
    return route.client().fetch(route.id(), stale).whenComplete((source, error) -> {
      String result = error != null ? outcome(error)
          : stale != null && source.bytes() == stale.bytes() ? "not_modified" : "ok";
      sample.stop(registry.timer("imgedge.origin.fetch", "origin", route.id().origin(), "result", result));
      Counter.builder("imgedge.origin.fetches")
          .description("Fetches from origins, by origin and result (not_modified: a 304 revalidation)")
          .tags("origin", route.id().origin(), "result", result)
          .register(registry)
          .increment();
    });
  }

  private static String outcome(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof OriginException o) {
      return o.kind().name().toLowerCase(Locale.ROOT);
    }
    return "error";
  }
}
