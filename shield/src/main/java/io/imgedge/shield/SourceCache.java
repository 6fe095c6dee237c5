package io.imgedge.shield;

import io.imgedge.cache.LocalTier;
import io.imgedge.cache.LowerTier;
import io.imgedge.cache.ReadThrough;
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
 * kept while fresh: the {@link ReadThrough} protocol over the source tier. A stale copy is
 * revalidated with a conditional request (a 304 keeps its bytes) before it is answered (the edges
 * serve stale-while-revalidate; their refreshes must get the revalidated source); when the origin
 * fails, a copy within {@code stale-if-error} is served instead. A source whose origin forbids
 * storing it is never shared between requests. An origin's "not found" is remembered for {@code
 * cache.negative-ttl}, any other origin failure for {@code cache.origin-failure-ttl}: requests in
 * that time are answered at once, and those that arrive during an attempt share it. With a disk
 * tier below memory, a restarted shield finds its sources there (and revalidates stale ones with
 * the stored validators) instead of fetching them again.
 *
 * <p>Publishes {@code imgedge.origin.fetches{origin,result}} and the {@code imgedge.origin.fetch}
 * timer.
 */
public final class SourceCache {
  private final ReadThrough<SourceId, SourceObject> sources;
  private final MeterRegistry registry;

  /**
   * @param tier the local tier holding sources (keeping stale ones for revalidation)
   * @param clock the wall clock, for freshness
   * @param negativeTtl how long an origin's "not found" is remembered (bounded to 10,000 sources)
   * @param failureTtl how long any other origin failure is remembered
   * @param registry where fetch metrics go
   */
  public SourceCache(
      LocalTier<SourceId, SourceObject> tier,
      Clock clock,
      Duration negativeTtl,
      Duration failureTtl,
      MeterRegistry registry) {
    this(tier, LowerTier.none(), clock, negativeTtl, failureTtl, registry);
  }

  /**
   * @param tier the local tier holding sources (keeping stale ones for revalidation)
   * @param disk the disk tier below it (or {@link LowerTier#none()})
   * @param clock the wall clock, for freshness
   * @param negativeTtl how long an origin's "not found" is remembered (bounded to 10,000 sources)
   * @param failureTtl how long any other origin failure is remembered
   * @param registry where fetch metrics go
   */
  public SourceCache(
      LocalTier<SourceId, SourceObject> tier,
      LowerTier<SourceId, SourceObject> disk,
      Clock clock,
      Duration negativeTtl,
      Duration failureTtl,
      MeterRegistry registry) {
    this.sources =
        new ReadThrough<>(
            tier,
            disk,
            clock,
            new ReadThrough.Policy<SourceObject>(
                    e -> remembered(e, negativeTtl, failureTtl), e -> false, 10_000)
                .revalidatingFirst()
                .finishingAbandonedLoads());
    this.registry = registry;
  }

  /**
   * How long a fetch failure is remembered: "not found" for the negative TTL, the origin failing
   * (error status, timeout, stalled body, refused address) for the failure TTL, anything else (a
   * bad path, a source over the size limit, a failure of ours) not at all.
   */
  private static Duration remembered(Throwable e, Duration negativeTtl, Duration failureTtl) {
    if (!(e instanceof OriginException o)) {
      return Duration.ZERO; // too large, or a failure of ours: asked again next time
    }
    return switch (o.kind()) {
      case NOT_FOUND -> negativeTtl;
      case UNAVAILABLE, TIMEOUT, REFUSED -> failureTtl;
      case INVALID_PATH -> Duration.ZERO;
    };
  }

  /** The source behind a route: fresh from cache, revalidated, or fetched once. */
  public CompletableFuture<SourceObject> get(OriginRouter.Routed route) {
    return sources
        .get(route.id(), (id, stale) -> fetch(route, stale))
        .thenApply(ReadThrough.Result::value);
  }

  /** A fresh cached source, or null; never fetches. */
  public @Nullable SourceObject getIfFresh(SourceId id) {
    return sources.peekFresh(id); // for an ETag: not a look that counts
  }

  /** Forgets a source. */
  public void invalidate(SourceId id) {
    sources.invalidate(id);
  }

  /** Forgets every source carrying a surrogate key; returns how many. */
  public int invalidateSurrogateKey(String key) {
    return sources.invalidateSurrogateKey(key);
  }

  /** Forgets every source. */
  public void invalidateAll() {
    sources.invalidateAll();
  }

  private CompletableFuture<SourceObject> fetch(
      OriginRouter.Routed route, @Nullable SourceObject stale) {
    Timer.Sample sample = Timer.start(registry);
    return route
        .client()
        .fetch(route.id(), stale)
        .whenComplete(
            (source, error) -> {
              String result =
                  error != null
                      ? outcome(error)
                      : stale != null && source.bytes() == stale.bytes() ? "not_modified" : "ok";
              sample.stop(
                  registry.timer(
                      "imgedge.origin.fetch", "origin", route.id().origin(), "result", result));
              Counter.builder("imgedge.origin.fetches")
                  .description(
                      "Fetches from origins, by origin and result (not_modified: a 304 revalidation)")
                  .tags("origin", route.id().origin(), "result", result)
                  .register(registry)
                  .increment();
            });
  }

  private static String outcome(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof OriginException o) {
      return o.kind().name().toLowerCase(Locale.ROOT);
    }
    return "error";
  }
}
