package io.imgedge.edge.image;

import io.imgedge.cache.cluster.Rendezvous;
import io.imgedge.config.ShieldConfig;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.RemoteException;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.wire.PurgeCommand;
import io.imgedge.shield.wire.WireClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An edge's client for the shield tier over HTTP. The shield node for a source is the first by
 * rendezvous hash of the source over its POP's nodes (the shields rank themselves the same way); an
 * unreachable node is skipped for the next. When every node is down the configured fallback
 * applies: render at the edge from the origin, or fail (503) so that a stale copy can be served.
 *
 * <p>Counts {@code imgedge.shield.requests{result}}: ok, failover (a node was skipped), fallback.
 */
public final class HttpShieldClient implements ShieldClient {
  private static final String NO_SHIELD = "IMGEDGE-0504";
  private final OriginRouter origins;
  private final ShieldConfig config;
  private final WireClient client;
  private final @Nullable ShieldClient fallback;
  private final MeterRegistry registry;

  /**
   * @param origins the edge's origins, to route paths and find each origin's POP
   * @param config the shield POPs, timeout and fallback policy
   * @param client calls the shield nodes
   * @param fallback renders at the edge when no shield answers ({@code shield.fallback=origin}), or
   *     null to fail instead
   * @param registry where counters go
   */
  public HttpShieldClient(
      OriginRouter origins,
      ShieldConfig config,
      WireClient client,
      @Nullable ShieldClient fallback,
      MeterRegistry registry) {
    this.origins = origins;
    this.config = config;
    this.client = client;
    this.fallback = fallback;
    this.registry = registry;
  }

  @Override
  public OriginRouter.Routed route(@Nullable String host, String path) {
    return origins.route(host, path);
  }

  @Override
  public OriginRouter.Routed route(io.imgedge.shield.SourceId id) {
    return origins.route(id);
  }

  @Override
  public CompletableFuture<Derivative> render(
      OriginRouter.Routed route, DerivativeRequest request) {
    List<URI> nodes =
        Rendezvous.rank(
            request.source().key(),
            config.nodes(origins.config(request.source()).shield()),
            URI::toString);
    return attempt(nodes, 0, route, request);
  }

  private CompletableFuture<Derivative> attempt(
      List<URI> nodes, int i, OriginRouter.Routed route, DerivativeRequest request) {
    if (i >= nodes.size()) {
      return allDown(route, request);
    }
    return client
        .derivative(nodes.get(i), request, config.timeout(), false)
        .thenApply(d -> count(d, i == 0 ? "ok" : "failover"))
        .exceptionallyCompose(
            e ->
                WireClient.unreachable(e)
                    ? attempt(nodes, i + 1, route, request)
                    : CompletableFuture.failedFuture(e));
  }

  private CompletableFuture<Derivative> allDown(
      OriginRouter.Routed route, DerivativeRequest request) {
    if (fallback != null) {
      return fallback.render(route, request).thenApply(d -> count(d, "fallback"));
    }
    registry.counter("imgedge.shield.requests", "result", "unavailable").increment();
    return CompletableFuture.failedFuture(
        new RemoteException(503, NO_SHIELD, "no shield node is reachable; retry shortly"));
  }

  /** Whether a failure means that no shield node could be reached. */
  public static boolean noShieldReachable(Throwable failure) {
    return io.imgedge.shield.Problem.unwrap(failure) instanceof RemoteException r
        && NO_SHIELD.equals(r.errorId());
  }

  private Derivative count(Derivative d, String result) {
    registry.counter("imgedge.shield.requests", "result", result).increment();
    return d;
  }

  @Override
  public Optional<DerivativeMetadata> metadataIfKnown(DerivativeRequest request) {
    return Optional.empty(); // the shield answers with the derivative; the edge then decides on 304
  }

  @Override
  public CompletableFuture<Void> purge(PurgeCommand command) {
    List<CompletableFuture<Void>> pops = new ArrayList<>();
    for (List<URI> nodes : config.pops().values()) {
      pops.add(purgeOne(nodes, 0, command));
    }
    return CompletableFuture.allOf(pops.toArray(CompletableFuture[]::new));
  }

  /** One node per POP is enough: it spreads the purge through its shield cluster. */
  private CompletableFuture<Void> purgeOne(List<URI> nodes, int i, PurgeCommand command) {
    if (i >= nodes.size()) {
      return CompletableFuture.failedFuture(
          new RemoteException(503, "IMGEDGE-0504", "no shield node of a POP accepted the purge"));
    }
    return client
        .purge(nodes.get(i), command, config.timeout())
        .exceptionallyCompose(e -> purgeOne(nodes, i + 1, command));
  }
}
