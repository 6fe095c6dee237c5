package io.imgedge.shield;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.Futures;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.LowerTier;
import io.imgedge.cache.ReadThrough;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.transform.Deadline;
import io.imgedge.transform.OverlaySource;
import io.imgedge.transform.RenderResult;
import io.imgedge.transform.Transformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The shield role: renders derivatives. Each source is fetched (or revalidated) once through the
 * {@link SourceCache}; each derivative is rendered once however many requests for it arrive
 * together, on the bounded {@link TransformPool}, and kept. When a source is revalidated without
 * change (a 304) its derivatives are served again with the new freshness, without rendering.
 * Derivatives of a source that may not be stored are rendered per request, never queued.
 *
 * <p>Publishes the {@code imgedge.transform} timer (tagged by output format and result), and per
 * output format the {@code imgedge.encode} timer (the encoder's share of a render) and the {@code
 * imgedge.transform.bytes} summary (output sizes); {@code imgedge.transform.yielded} counts WebPs
 * that stood in for AVIFs (see {@link YieldPolicy}).
 */
public final class Shield {
  private final OriginRouter origins;
  private final SourceCache sources;
  private final ReadThrough<Rendition, Derivative> derivatives;
  private final Transformer transformer;
  private final TransformPool pool;
  private final Duration renderBudget;
  private final MeterRegistry registry;
  private final VariantBudget budget;
  private final YieldPolicy yieldPolicy;
  private final Clock clock;

  /** How long a held rendition counts as fresh in the tier's eyes (its eviction decides). */
  private static final Duration HELD = Duration.ofDays(365);

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
   * @param yieldPolicy when an AVIF is answered as WebP because the queue is long
   * @param clock the wall clock, for the freshness of a WebP that stands in for an AVIF
   */
  public Shield(
      OriginRouter origins,
      SourceCache sources,
      LocalTier<Rendition, Derivative> derivatives,
      Transformer transformer,
      TransformPool pool,
      Duration renderBudget,
      VariantBudget budget,
      Duration negativeTtl,
      MeterRegistry registry,
      YieldPolicy yieldPolicy,
      Clock clock) {
    this(
        origins,
        sources,
        derivatives,
        LowerTier.none(),
        transformer,
        pool,
        renderBudget,
        budget,
        negativeTtl,
        registry,
        yieldPolicy,
        clock);
  }

  /**
   * A shield whose derivatives are also kept on disk, below memory ({@code derivativesOnDisk}): a
   * restarted shield serves its renditions from there instead of rendering them again. The other
   * parameters are as above.
   */
  public Shield(
      OriginRouter origins,
      SourceCache sources,
      LocalTier<Rendition, Derivative> derivatives,
      LowerTier<Rendition, Derivative> derivativesOnDisk,
      Transformer transformer,
      TransformPool pool,
      Duration renderBudget,
      VariantBudget budget,
      Duration negativeTtl,
      MeterRegistry registry,
      YieldPolicy yieldPolicy,
      Clock clock) {
    this.origins = origins;
    this.sources = sources;
    this.derivatives =
        new ReadThrough<>(
            derivatives,
            derivativesOnDisk,
            clock,
            new ReadThrough.Policy<Derivative>(
                    e -> failsAgain(e) ? negativeTtl : Duration.ZERO, e -> false, 10_000)
                .keeping(d -> !d.standIn()));
    this.transformer = transformer;
    this.pool = pool;
    this.renderBudget = renderBudget;
    this.budget = budget;
    this.registry = registry;
    this.yieldPolicy = yieldPolicy;
    this.clock = clock;
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

  /**
   * A derivative of one version of its source: the shield's tier is keyed by both, so that a copy
   * (or a remembered failure) of another version never answers.
   *
   * @param key the derivative
   * @param sourceValidator the version of the source it is (to be) rendered from
   */
  public record Rendition(DerivativeKey key, String sourceValidator) {
    /** The source it is rendered from: the shield's tier indexes renditions by it, for purges. */
    public SourceId source() {
      return key.source();
    }

    /** Its purge groups: the source, and the overlay's source when it has one. */
    public Object groups() {
      return key.groups();
    }
  }

  /**
   * What a derivative is rendered from: its source and, when the spec has an overlay, the overlay's
   * source (fetched through the same source cache, as its own entry). The version of the pair is
   * both validators, so that a new overlay image gets a new ETag; the pair is as fresh as the less
   * fresh of the two and carries both's surrogate keys.
   */
  private record Inputs(SourceObject source, @Nullable SourceObject overlay) {
    String validator() {
      return overlay == null ? source.validator() : source.validator() + "+" + overlay.validator();
    }

    Freshness freshness() {
      if (overlay == null) {
        return source.freshness();
      }
      Freshness a = source.freshness();
      Freshness b = overlay.freshness();
      return !b.storable() || (a.storable() && expiry(b).isBefore(expiry(a))) ? b : a;
    }

    private static java.time.Instant expiry(Freshness f) {
      return f.receivedAt().minus(f.initialAge()).plus(f.lifetime());
    }

    java.util.List<String> surrogateKeys() {
      if (overlay == null) {
        return source.surrogateKeys();
      }
      java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(source.surrogateKeys());
      keys.addAll(overlay.surrogateKeys());
      return java.util.List.copyOf(keys);
    }

    @Nullable OverlaySource overlaySource() {
      return overlay == null ? null : new OverlaySource(overlay.bytes(), overlay.declared());
    }
  }

  /**
   * The inputs of a render: the source, and the overlay's source fetched alongside (a failure to
   * get the overlay fails the request naming the overlay's path: an image is never served without
   * the watermark it was asked with).
   */
  private CompletableFuture<Inputs> inputs(OriginRouter.Routed route, DerivativeRequest request) {
    CompletableFuture<SourceObject> fetching = sources.get(route);
    SourceId overlayId = request.key().overlaySource();
    if (overlayId == null) {
      return Futures.cancelling(fetching, fetching.thenApply(s -> new Inputs(s, null)));
    }
    CompletableFuture<SourceObject> overlay;
    try {
      overlay = sources.get(origins.route(overlayId));
    } catch (RuntimeException e) {
      overlay = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<SourceObject> named =
        overlay.exceptionallyCompose(e -> failedOverlay(overlayId, e));
    CompletableFuture<Inputs> both = fetching.thenCombine(named, Inputs::new);
    CompletableFuture<SourceObject> o = overlay;
    both.whenComplete(
        (i, e) -> {
          if (both.isCancelled()) {
            fetching.cancel(true);
            o.cancel(true);
          }
        });
    return both;
  }

  private static CompletableFuture<SourceObject> failedOverlay(SourceId overlay, Throwable error) {
    Throwable e =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    String message = "overlay /" + overlay.path() + ": " + e.getMessage();
    return CompletableFuture.failedFuture(
        e instanceof OriginException o
            ? new OriginException(o.kind(), message, o)
            : new OriginException(OriginException.Kind.UNAVAILABLE, message, e));
  }

  /**
   * Renders a derivative, or returns the shield's copy of it: the {@link ReadThrough} protocol over
   * the shield's tier (one render per rendition however many ask together; a 4xx failure is
   * remembered for {@code cache.negative-ttl}). A derivative is as fresh as its source.
   */
  public CompletableFuture<Derivative> render(
      OriginRouter.Routed route, DerivativeRequest request) {
    CompletableFuture<Inputs> fetching = inputs(route, request);
    AtomicReference<@Nullable CompletableFuture<Derivative>> rendering = new AtomicReference<>();
    CompletableFuture<Derivative> answer =
        fetching.thenCompose(
            source -> {
              CompletableFuture<Derivative> r = render(route, request, source);
              rendering.set(r);
              return r;
            });
    // a caller that gives up (every client gone) reaches the render, which stops when nobody waits
    answer.whenComplete(
        (d, error) -> {
          if (answer.isCancelled()) {
            fetching.cancel(true);
            CompletableFuture<Derivative> r = rendering.get();
            if (r != null) {
              r.cancel(true);
            }
          }
        });
    return answer;
  }

  private CompletableFuture<Derivative> render(
      OriginRouter.Routed route, DerivativeRequest request, Inputs inputs) {
    SourceObject source = inputs.source();
    if (!inputs.freshness().storable()) {
      return submit(inputs, request);
    }
    Rendition rendition = new Rendition(request.key(), inputs.validator());
    CompletableFuture<ReadThrough.Result<Derivative>> kept =
        derivatives.get(
            rendition,
            this::heldWhileKept,
            (r, stale) -> {
              budget.admit(source.id(), r.key());
              if (request.negotiated().mayYieldToWebp() && yieldPolicy.yields(pool.queued())) {
                CompletableFuture<Derivative> webp = render(route, request.asWebp());
                return Futures.cancelling(webp, webp.thenApply(this::standIn));
              }
              return submit(inputs, request);
            });
    return Futures.cancelling(
        kept,
        kept.thenApply(
            result ->
                result.value().standIn()
                    ? result.value()
                    : result.value().withFreshness(inputs.freshness())));
  }

  /**
   * Renders on the pool, abandoned (dropped from the queue, or stopped) if nobody waits any more.
   */
  private CompletableFuture<Derivative> submit(Inputs inputs, DerivativeRequest request) {
    return pool.submit(
        Deadline.after(renderBudget, System::nanoTime), d -> renderNow(inputs, request, d));
  }

  /**
   * A kept rendition is good for as long as the tier keeps it: its source's freshness, checked by
   * the source cache, is what the answer carries.
   */
  private Derivative heldWhileKept(Derivative kept) {
    return kept.withFreshness(Freshness.of(clock.instant(), HELD));
  }

  /**
   * A failure that will fail again the same way (the image, not the moment): a 4xx of the render.
   */
  private static boolean failsAgain(Throwable e) {
    return e instanceof io.imgedge.transform.TransformException t
        && t.status() >= 400
        && t.status() < 500;
  }

  /**
   * A WebP standing in for an AVIF while the queue is long: fresh for the yield's short max-age
   * only, with a warning, and not kept under the AVIF's key (the next request after it expires
   * renders the AVIF).
   */
  private Derivative standIn(Derivative webp) {
    registry.counter("imgedge.transform.yielded").increment();
    return webp.standingIn(
        Freshness.of(clock.instant(), yieldPolicy.maxAge()),
        "served as WebP instead of AVIF while the node is busy; AVIF follows within "
            + yieldPolicy.maxAge().toSeconds()
            + " s");
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
    derivatives.invalidateGroup(id); // the tier indexes renditions by source
  }

  /** Forgets every source and derivative carrying a surrogate key. */
  public void purgeSurrogateKey(String surrogateKey) {
    sources.invalidateSurrogateKey(surrogateKey);
    derivatives.invalidateSurrogateKey(surrogateKey);
  }

  /** Forgets everything. */
  public void purgeAll() {
    sources.invalidateAll();
    derivatives.invalidateAll();
  }

  private Derivative renderNow(Inputs inputs, DerivativeRequest request, Deadline deadline) {
    SourceObject source = inputs.source();
    Timer.Sample sample = Timer.start(registry);
    String format = "unknown";
    String result = "error";
    try {
      RenderResult r =
          transformer.render(
              source.bytes(),
              source.declared(),
              request.spec(),
              request.negotiated(),
              deadline,
              inputs.overlaySource());
      format = r.format().shortName();
      result = "ok";
      if (inputs.overlay() != null) {
        Counter.builder("imgedge.overlays")
            .description("Renders that composited an overlay (a watermark), by output format")
            .tags("format", format)
            .register(registry)
            .increment();
      }
      registry
          .timer("imgedge.encode", "format", format)
          .record(r.encodeNanos(), TimeUnit.NANOSECONDS);
      registry.summary("imgedge.transform.bytes", "format", format).record(r.bytes().length);
      return new Derivative(
          r.bytes(),
          r.format(),
          request.etag(inputs.validator()),
          source.lastModified(),
          inputs.freshness(),
          r.info(),
          r.warnings(),
          inputs.validator(),
          inputs.surrogateKeys());
    } finally {
      sample.stop(registry.timer("imgedge.transform", "format", format, "result", result));
    }
  }
}
