package io.imgedge.edge.image;

import io.imgedge.cache.LocalTier;
import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.origin.OriginRouter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Serves derivatives at the edge (DESIGN.md steps 4 to 8): the local tier answers hits; a
 * conditional miss is answered with 304 from metadata when the shield already knows the ETag;
 * otherwise the key's owner in the cluster renders it through the shield, once however many
 * requests arrive together, and the edge keeps a copy for as long as it is fresh.
 *
 * <p>Until edges talk to each other, a key owned by another member is rendered here (yield over
 * harvest) and counted in {@code imgedge.cluster.remote.owner}.
 */
public final class ImageService {
  private final LocalTier<String, Derivative> edge;
  private final ClusterMember cluster;
  private final ShieldClient shield;
  private final Clock clock;
  private final Counter remoteOwner;

  /**
   * @param edge the edge's local tier of derivatives
   * @param cluster this node's cluster membership, for key ownership
   * @param shield how to reach the shield
   * @param clock the wall clock, for freshness and Age
   * @param registry where the service's counters go
   */
  public ImageService(LocalTier<String, Derivative> edge, ClusterMember cluster, ShieldClient shield,
      Clock clock, MeterRegistry registry) {
    this.edge = edge;
    this.cluster = cluster;
    this.shield = shield;
    this.clock = clock;
    this.remoteOwner = Counter.builder("imgedge.cluster.remote.owner")
        .description("Misses for keys owned by another member, rendered here instead")
        .register(registry);
  }

  /** Routes a request path to its source (throws for invalid or unserved paths). */
  public OriginRouter.Routed route(String path) {
    return shield.route(path);
  }

  /** Answers one image request. */
  public CompletableFuture<Served> serve(
      OriginRouter.Routed route, DerivativeRequest request, ConditionalRequest conditional) {
    String key = request.key();
    Derivative hit = edge.getIfPresent(key);
    if (hit != null && hit.freshness().isFresh(clock.instant())) {
      return CompletableFuture.completedFuture(answer(hit, true, 0, conditional));
    }
    if (conditional.isConditional()) {
      Optional<DerivativeMetadata> known = shield.metadataIfKnown(request);
      if (known.isPresent()
          && conditional.notModified(known.get().etag(), known.get().lastModified())) {
        return CompletableFuture.completedFuture(new Served.NotModified(known.get(), false));
      }
    }
    if (!cluster.ownsOrUnknown(key)) {
      remoteOwner.increment();
    }
    long start = System.nanoTime();
    return edge.get(key, k -> shield.render(route, request))
        .thenApply(d -> answer(d, false, (System.nanoTime() - start) / 1e6, conditional));
  }

  private static Served answer(Derivative d, boolean hit, double millis, ConditionalRequest conditional) {
    if (conditional.notModified(d.etag(), d.lastModified())) {
      return new Served.NotModified(new DerivativeMetadata(d.etag(), d.lastModified(), d.freshness()), hit);
    }
    return new Served.Image(d, hit, millis);
  }
}
