package io.imgedge.shield;

import io.imgedge.cache.SingleFlight;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.transform.RenderResult;
import io.imgedge.transform.Transformer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The shield role: renders derivatives. Each source is fetched once (through the {@link
 * SourceCache}) and each derivative rendered once however many requests for it arrive together
 * (request collapsing by derivative key), on the bounded {@link TransformPool}.
 *
 * <p>Publishes the {@code imgedge.transform} timer, tagged by output format and result.
 */
public final class Shield {
  private final OriginRouter origins;
  private final SourceCache sources;
  private final Transformer transformer;
  private final TransformPool pool;
  private final Duration renderBudget;
  private final MeterRegistry registry;
  private final SingleFlight<String, Derivative> renders = new SingleFlight<>();

  /**
   * @param origins routes paths to origins
   * @param sources the source cache
   * @param transformer renders images
   * @param pool where renders run
   * @param renderBudget how long one render may take
   * @param registry where transform metrics go
   */
  public Shield(OriginRouter origins, SourceCache sources, Transformer transformer, TransformPool pool,
      Duration renderBudget, MeterRegistry registry) {
    this.origins = origins;
    this.sources = sources;
    this.transformer = transformer;
    this.pool = pool;
    this.renderBudget = renderBudget;
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

  /** Renders a derivative, collapsing concurrent requests for the same one into one render. */
  public CompletableFuture<Derivative> render(OriginRouter.Routed route, DerivativeRequest request) {
    return renders.run(request.key(), () ->
        sources.get(route).thenCompose(source -> pool.submit(() -> renderNow(source, request))));
  }

  /**
   * The source if it is cached and fresh, without fetching: enough to compute a derivative's ETag
   * ({@link DerivativeRequest#etag}) and answer a conditional request with 304 from metadata alone.
   */
  public Optional<SourceObject> sourceIfFresh(SourceId id) {
    return Optional.ofNullable(sources.getIfFresh(id));
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
          source.lastModified(), source.freshness(), r.info(), r.warnings());
    } finally {
      sample.stop(registry.timer("imgedge.transform", "format", format, "result", result));
    }
  }
}
