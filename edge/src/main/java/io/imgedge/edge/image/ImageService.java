package io.imgedge.edge.image;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.cluster.Member;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.SingleFlight;
import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.wire.PurgeCommand;
import io.imgedge.shield.wire.WireClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Serves derivatives at the edge (DESIGN.md steps 4 to 8).
 *
 * <ol>
 *   <li>A fresh copy in this edge's memory is a HIT.
 *   <li>A stale copy within {@code stale-while-revalidate} is served (STALE) while one refresh
 *       runs in the background.
 *   <li>Otherwise the key's owner in the cluster renders it: this node if it owns the key (through
 *       the shield), else the owner over one internal hop. If the owner cannot be reached this
 *       node does the work itself and counts it (yield over harvest). Concurrent misses for a key
 *       on one node make one request.
 *   <li>When that fails, a stale copy within {@code stale-if-error} is served (STALE).
 * </ol>
 *
 * <p>Answers that may not be stored ({@code private}, {@code no-store}) are never kept, and their
 * keys bypass request collapsing for a while, so their requests are never queued.
 *
 * <p>Counters: {@code imgedge.edge.owner{result}} (local, peer, peer_unreachable),
 * {@code imgedge.edge.refreshes}, {@code imgedge.edge.stale{reason}}.
 */
public final class ImageService {
  private final LocalTier<String, Derivative> edge;
  private final ClusterMember cluster;
  private final ShieldClient shield;
  private final WireClient peers;
  private final Duration peerTimeout;
  private final boolean staleWhenShieldsDown;
  private final Clock clock;
  private final MeterRegistry registry;
  private final SingleFlight<String, Derivative> fetches = new SingleFlight<>();
  private final Counter hits;
  private final Counter stales;
  private final Counter misses;
  private final Cache<String, Boolean> passes =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(2)).build();

  /**
   * @param edge the edge's local tier of derivatives
   * @param cluster this node's cluster membership, for key ownership and peers' URLs
   * @param shield how to reach the shield
   * @param peers calls other edges
   * @param peerTimeout how long to wait for the key's owner before doing the work here
   * @param staleWhenShieldsDown serve any stale copy still held when no shield answers ({@code
   *     shield.fallback=stale}), not only within stale-if-error
   * @param clock the wall clock, for freshness and Age
   * @param registry where the service's counters go
   */
  public ImageService(LocalTier<String, Derivative> edge, ClusterMember cluster, ShieldClient shield,
      WireClient peers, Duration peerTimeout, boolean staleWhenShieldsDown, Clock clock,
      MeterRegistry registry) {
    this.edge = edge;
    this.cluster = cluster;
    this.shield = shield;
    this.peers = peers;
    this.peerTimeout = peerTimeout;
    this.staleWhenShieldsDown = staleWhenShieldsDown;
    this.clock = clock;
    this.registry = registry;
    this.hits = answers(registry, "hit");
    this.stales = answers(registry, "stale");
    this.misses = answers(registry, "miss");
  }

  private static Counter answers(MeterRegistry registry, String result) {
    return Counter.builder("imgedge.edge.cache")
        .description("Image answers by where they came from: hit (fresh in this edge's memory), stale, miss")
        .tag("result", result)
        .register(registry);
  }

  private Served counted(Served served) {
    Served.Source source = switch (served) {
      case Served.Image i -> i.source();
      case Served.NotModified n -> n.source();
    };
    (source == Served.Source.HIT ? hits : source == Served.Source.STALE ? stales : misses).increment();
    return served;
  }

  /** Routes a request to its source (throws for invalid or unserved paths). */
  public OriginRouter.Routed route(@Nullable String host, String path) {
    return shield.route(host, path);
  }

  /** Routes a source named by another node. */
  public OriginRouter.Routed route(io.imgedge.shield.SourceId id) {
    return shield.route(id);
  }

  /**
   * The answer for a request when this edge holds a fresh copy, else null: never waits, never
   * calls anyone, so it may run on an IO thread. Anything else goes through {@link #serve}.
   *
   * @param key the request's {@link DerivativeRequest#key()}
   * @param conditional the request's validators
   */
  public @Nullable Served hit(String key, ConditionalRequest conditional) {
    Derivative cached = edge.getIfPresent(key);
    if (cached == null || !cached.freshness().isFresh(clock.instant())) {
      return null;
    }
    return counted(answer(cached, Served.Source.HIT, 0, conditional));
  }

  /** Answers one client request. */
  public CompletableFuture<Served> serve(
      OriginRouter.Routed route, DerivativeRequest request, ConditionalRequest conditional) {
    return lookUp(route, request, conditional).thenApply(this::counted);
  }

  private CompletableFuture<Served> lookUp(
      OriginRouter.Routed route, DerivativeRequest request, ConditionalRequest conditional) {
    String key = request.key();
    Instant now = clock.instant();
    Derivative cached = edge.getIfPresent(key);
    if (cached != null && cached.freshness().isFresh(now)) {
      return done(answer(cached, Served.Source.HIT, 0, conditional));
    }
    if (cached != null && cached.freshness().inStaleWhileRevalidate(now)) {
      registry.counter("imgedge.edge.refreshes").increment();
      fetch(route, request, false);
      return done(stale(cached, "while_revalidate", conditional));
    }
    Optional<DerivativeMetadata> known = conditional.isConditional() ? shield.metadataIfKnown(request) : Optional.empty();
    if (known.isPresent() && conditional.notModified(known.get().etag(), known.get().lastModified())) {
      return done(new Served.NotModified(known.get(), Served.Source.MISS));
    }
    long start = System.nanoTime();
    return fetch(route, request, false).handle((d, error) -> {
      if (error == null) {
        boolean stale = d.freshness().storable() && !d.freshness().isFresh(clock.instant());
        Served.Source source = stale ? Served.Source.STALE : Served.Source.MISS;
        return answer(d, source, (System.nanoTime() - start) / 1e6, conditional);
      }
      if (cached != null && cached.freshness().inStaleIfError(clock.instant())) {
        return stale(cached, "if_error", conditional);
      }
      if (cached != null && staleWhenShieldsDown && HttpShieldClient.noShieldReachable(error)) {
        return stale(cached, "shields_down", conditional);
      }
      throw error instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(error);
    });
  }

  /**
   * Answers another edge that asked this node as the key's owner: from memory, else from the
   * shield, once however many ask together; never forwarded again.
   */
  public CompletableFuture<Derivative> serveAsOwner(OriginRouter.Routed route, DerivativeRequest request) {
    Derivative cached = edge.getIfPresent(request.key());
    if (cached != null && cached.freshness().isFresh(clock.instant())) {
      return done(cached);
    }
    return fetch(route, request, true);
  }

  /** Applies a purge to this edge's memory. */
  public void purge(PurgeCommand command) {
    switch (command) {
      case PurgeCommand.Source s -> edge.removeIf((key, d) -> key.startsWith(s.id().key() + "?"));
      case PurgeCommand.SurrogateKey k -> edge.removeIf((key, d) -> d.surrogateKeys().contains(k.key()));
      case PurgeCommand.All a -> edge.invalidateAll();
    }
  }

  /**
   * One request per key at a time, from the owner; the result replaces this edge's copy. An answer
   * that may not be stored is not shared: each request that joined it makes its own, all at once
   * (never one after another), and the key is remembered as "pass" for a while so that its next
   * requests do not wait at all.
   */
  private CompletableFuture<Derivative> fetch(OriginRouter.Routed route, DerivativeRequest request, boolean asOwner) {
    String key = request.key();
    if (passes.getIfPresent(key) != null) {
      return obtain(route, request, asOwner);
    }
    SingleFlight.Flight<Derivative> flight = fetches.join(key, () -> obtain(route, request, asOwner).thenApply(d -> {
      if (d.freshness().storable()) {
        edge.put(key, d);
      } else {
        passes.put(key, Boolean.TRUE);
      }
      return d;
    }));
    return flight.leader() ? flight.result() : flight.result().thenCompose(d ->
        d.freshness().storable() ? CompletableFuture.completedFuture(d) : obtain(route, request, asOwner));
  }

  private CompletableFuture<Derivative> obtain(OriginRouter.Routed route, DerivativeRequest request, boolean asOwner) {
    URI owner = asOwner ? null : remoteOwner(request.key());
    if (owner == null) {
      registry.counter("imgedge.edge.owner", "result", "local").increment();
      return shield.render(route, request);
    }
    registry.counter("imgedge.edge.owner", "result", "peer").increment();
    return peers.derivative(owner, request, peerTimeout, true).exceptionallyCompose(e -> {
      if (!WireClient.unreachable(e)) {
        return CompletableFuture.failedFuture(e);
      }
      registry.counter("imgedge.edge.owner", "result", "peer_unreachable").increment();
      return shield.render(route, request);
    });
  }

  /** The owner's internal URL when another member owns the key, else null (do it here). */
  private @Nullable URI remoteOwner(String key) {
    Member owner = cluster.ownerOf(key);
    if (owner == null || owner.localMember()) {
      return null;
    }
    String url = ClusterMember.internalUrlOf(owner);
    return url == null ? null : URI.create(url);
  }

  private Served stale(Derivative d, String reason, ConditionalRequest conditional) {
    registry.counter("imgedge.edge.stale", "reason", reason).increment();
    return answer(d, Served.Source.STALE, 0, conditional);
  }

  private static Served answer(Derivative d, Served.Source source, double millis, ConditionalRequest conditional) {
    if (conditional.notModified(d.etag(), d.lastModified())) {
      return new Served.NotModified(new DerivativeMetadata(d.etag(), d.lastModified(), d.freshness()), source);
    }
    return new Served.Image(d, source, millis);
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
