package io.imgedge.shield;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.SingleFlight;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.transform.RenderResult;
import io.imgedge.transform.Transformer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The shield role: renders derivatives. Each source is fetched (or revalidated) once through the
 * {@link SourceCache}; each derivative is rendered once however many requests for it arrive
 * together, on the bounded {@link TransformPool}, and kept. When a source is revalidated without
 * change (a 304) its derivatives are served again with the new freshness, without rendering.
 * Derivatives of a source that may not be stored are rendered per request, never queued.
 *
 * <p>Publishes the {@code imgedge.transform} timer, tagged by output format and result.
 */
public final class Shield {
  private final OriginRouter origins;
  private final SourceCache sources;
  private final LocalTier<String, Derivative> derivatives;
  private final Transformer transformer;
  private final TransformPool pool;
  private final Duration renderBudget;
  private final MeterRegistry registry;
  private final SingleFlight<String, Derivative> renders = new SingleFlight<>();
  private final VariantBudget budget;
  private final Cache<String, Throwable> failures;

  /**
   * @param origins routes paths to origins
   * @param sources the source cache
   * @param derivatives the shield's derivative cache (may hold 0 bytes)
   * @param transformer renders images
   * @param pool where renders run
   * @param renderBudget how long one render may take
   * @param budget caps new derivatives per source per minute
   * @param negativeTtl how long a failed render is remembered (and answered at once)
   * @param registry where transform metrics go
   */
  public Shield(OriginRouter origins, SourceCache sources, LocalTier<String, Derivative> derivatives,
      Transformer transformer, TransformPool pool, Duration renderBudget, VariantBudget budget,
      Duration negativeTtl, MeterRegistry registry) {
    this.origins = origins;
    this.sources = sources;
    this.derivatives = derivatives;
    this.transformer = transformer;
    this.pool = pool;
    this.renderBudget = renderBudget;
    this.budget = budget;
    this.failures = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(negativeTtl).build();
    this.registry = registry;
  }

  /**
   * Where a request path leads.
   *
   * @throws OriginException if the path is invalid or no origin serves it
   */
  public OriginRouter.Routed route(String path) {
    return origins.route(path);
  }

  /** The origins this shield fetches from. */
  public OriginRouter origins() {
    return origins;
  }

  /** Renders a derivative, or returns the shield's copy of it. */
  public CompletableFuture<Derivative> render(OriginRouter.Routed route, DerivativeRequest request) {
    return sources.get(route).thenCompose(source -> {
      if (!source.freshness().storable()) {
        return pool.submit(() -> renderNow(source, request));
      }
      String key = request.key();
      Derivative kept = kept(key, source);
      if (kept != null) {
        return CompletableFuture.completedFuture(kept);
      }
      String version = key + "@" + source.validator();
      Throwable failed = failures.getIfPresent(version);
      if (failed != null) {
        return CompletableFuture.failedFuture(failed); // failed moments ago: answered at once
      }
      budget.admit(source.id(), key);
      // The derivative is kept before the flight ends, and a new flight looks again first: a
      // request that missed while the last render finished joins its result instead of rendering.
      return renders.run(version, () -> {
        Derivative justMade = kept(key, source);
        return justMade != null ? CompletableFuture.completedFuture(justMade)
            : pool.submit(() -> renderNow(source, request)).thenApply(d -> {
              derivatives.put(key, d);
              return d;
            });
      }).whenComplete((d, error) -> remember(version, error));
    });
  }

  /** The kept derivative of this version of the source, or null. */
  private @Nullable Derivative kept(String key, SourceObject source) {
    Derivative kept = derivatives.getIfPresent(key);
    return kept != null && kept.sourceValidator().equals(source.validator())
        ? kept.withFreshness(source.freshness()) : null;
  }

  /** Remembers a failure that will fail again the same way (the image, not the moment). */
  private void remember(String version, Throwable error) {
    Throwable e = error == null ? null : Problem.unwrap(error);
    if (e instanceof io.imgedge.transform.TransformException t && t.status() >= 400 && t.status() < 500) {
      failures.put(version, e);
    }
  }

  /**
   * The source if it is cached and fresh, without fetching: enough to compute a derivative's ETag
   * ({@link DerivativeRequest#etag}) and answer a conditional request with 304 from metadata alone.
   */
  public Optional<SourceObject> sourceIfFresh(SourceId id) {
    return Optional.ofNullable(sources.getIfFresh(id));
  }

  /** Forgets a source and every derivative of it. */
  public void purgeSource(SourceId id) {
    sources.invalidate(id);
    String prefix = id.key() + "?";
    derivatives.removeIf((key, d) -> key.startsWith(prefix));
  }

  /** Forgets every source and derivative carrying a surrogate key. */
  public void purgeSurrogateKey(String surrogateKey) {
    sources.invalidateSurrogateKey(surrogateKey);
    derivatives.removeIf((key, d) -> d.surrogateKeys().contains(surrogateKey));
  }

  /** Forgets everything. */
  public void purgeAll() {
    sources.invalidateAll();
    derivatives.invalidateAll();
    failures.invalidateAll();
  }

  private Derivative renderNow(SourceObject source, DerivativeRequest request) {
    Timer.Sample sample = Timer.start(registry);
    String format = "unknown";
    String result = "error";
    try {
      RenderResult r = transformer.render(source.bytes(), source.declared(), request.spec(),
          request.negotiated(), renderBudget);
      format = r.format().shortName();
      result = "ok";
      return new Derivative(r.bytes(), r.format(), request.etag(source.validator()),
          source.lastModified(), source.freshness(), r.info(), r.warnings(), source.validator(),
          source.surrogateKeys());
    } finally {
      sample.stop(registry.timer("imgedge.transform", "format", format, "result", result));
    }
  }
}
