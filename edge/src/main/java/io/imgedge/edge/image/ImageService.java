package io.imgedge.edge.image;

import io.imgedge.cache.Futures;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.LowerTier;
import io.imgedge.cache.ReadThrough;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeKey;
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
 *   <li>A fresh copy in this edge's memory (or, with a disk tier, on its disk) is a HIT.
 *   <li>A stale copy within {@code stale-while-revalidate} is served (STALE) while one refresh runs
 *       in the background.
 *   <li>Otherwise the key's owner in the cluster renders it: this node if it owns the key (through
 *       the shield), else the owner over one internal hop. If the owner cannot be reached this node
 *       does the work itself and counts it (yield over harvest). Concurrent misses for a key on one
 *       node make one request.
 *   <li>When that fails, a stale copy within {@code stale-if-error} is served (STALE).
 * </ol>
 *
 * <p>Answers that may not be stored ({@code private}, {@code no-store}) are never kept, and their
 * keys bypass request collapsing for a while, so their requests are never queued. A caller that
 * gives up (its client gone, its deadline passed) cancels its future, which reaches the render: it
 * stops once nobody waits for it.
 *
 * <p>Counters: {@code imgedge.edge.owner{result}} (local, peer, peer_unreachable), {@code
 * imgedge.edge.refreshes}, {@code imgedge.edge.stale{reason}}, {@code imgedge.edge.purges} (purges
 * applied here).
 */
public final class ImageService {
  private final ReadThrough<DerivativeKey, Derivative> edge;
  private final KeyOwners owners;
  private final ShieldClient shield;
  private final WireClient peers;
  private final Duration peerTimeout;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Counter hits;
  private final Counter stales;
  private final Counter misses;

  /**
   * @param edge the edge's local tier of derivatives
   * @param owners who renders a key in the edge cluster
   * @param shield how to reach the shield
   * @param peers calls other edges
   * @param peerTimeout how long to wait for the key's owner before doing the work here
   * @param staleWhenShieldsDown serve any stale copy still held when no shield answers ({@code
   *     shield.fallback=stale}), not only within stale-if-error
   * @param clock the wall clock, for freshness and Age
   * @param registry where the service's counters go
   */
  public ImageService(
      LocalTier<DerivativeKey, Derivative> edge,
      KeyOwners owners,
      ShieldClient shield,
      WireClient peers,
      Duration peerTimeout,
      boolean staleWhenShieldsDown,
      Clock clock,
      MeterRegistry registry) {
    this(
        edge,
        LowerTier.none(),
        owners,
        shield,
        peers,
        peerTimeout,
        staleWhenShieldsDown,
        clock,
        registry);
  }

  /**
   * An edge whose derivatives are also kept on disk, below memory ({@code disk}): a restarted edge
   * answers from there instead of asking the owner or the shield again. The other parameters are as
   * above.
   */
  public ImageService(
      LocalTier<DerivativeKey, Derivative> edge,
      LowerTier<DerivativeKey, Derivative> disk,
      KeyOwners owners,
      ShieldClient shield,
      WireClient peers,
      Duration peerTimeout,
      boolean staleWhenShieldsDown,
      Clock clock,
      MeterRegistry registry) {
    this.edge =
        new ReadThrough<>(
            edge,
            disk,
            clock,
            new ReadThrough.Policy<>(
                e -> Duration.ZERO,
                e -> staleWhenShieldsDown && HttpShieldClient.noShieldReachable(e),
                10_000));
    this.owners = owners;
    this.shield = shield;
    this.peers = peers;
    this.peerTimeout = peerTimeout;
    this.clock = clock;
    this.registry = registry;
    this.hits = answers(registry, "hit");
    this.stales = answers(registry, "stale");
    this.misses = answers(registry, "miss");
  }

  private static Counter answers(MeterRegistry registry, String result) {
    return Counter.builder("imgedge.edge.cache")
        .description(
            "Image answers by where they came from: hit (fresh in this edge's memory), stale, miss")
        .tag("result", result)
        .register(registry);
  }

  private Served counted(Served served) {
    Served.Source source =
        switch (served) {
          case Served.Image i -> i.source();
          case Served.NotModified n -> n.source();
        };
    (source == Served.Source.HIT ? hits : source == Served.Source.STALE ? stales : misses)
        .increment();
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
   * The answer for a request when this edge holds a fresh copy, else null: never waits, never calls
   * anyone, so it may run on an IO thread. Anything else goes through {@link #serve}.
   *
   * @param key the request's {@link DerivativeRequest#key()}
   * @param conditional the request's validators
   */
  public @Nullable Served hit(DerivativeKey key, ConditionalRequest conditional) {
    Derivative cached = edge.fresh(key);
    return cached == null ? null : counted(answer(cached, Served.Source.HIT, 0, conditional));
  }

  /**
   * As {@link #hit}, for the hit front: null without counting a look in the tier when nothing fresh
   * is held (the handler chain, which then answers, counts its own).
   */
  public @Nullable Served hitIfHeld(DerivativeKey key, ConditionalRequest conditional) {
    Derivative cached = edge.freshIfHeld(key);
    return cached == null ? null : counted(answer(cached, Served.Source.HIT, 0, conditional));
  }

  /** Answers one client request. */
  public CompletableFuture<Served> serve(
      OriginRouter.Routed route, DerivativeRequest request, ConditionalRequest conditional) {
    CompletableFuture<Served> found = lookUp(route, request, conditional);
    return Futures.cancelling(found, found.thenApply(this::counted));
  }

  /**
   * A fresh copy is a hit; a conditional request whose validators match what the shield knows of
   * the derivative is a 304 without rendering (unless a copy within stale-while-revalidate is held,
   * which answers and refreshes); everything else is the read-through protocol, the next tier being
   * the key's owner.
   */
  private CompletableFuture<Served> lookUp(
      OriginRouter.Routed route, DerivativeRequest request, ConditionalRequest conditional) {
    DerivativeKey key = request.key();
    Derivative fresh = edge.peekFresh(key); // the hit path looked (and counted) already
    if (fresh != null) {
      return done(answer(fresh, Served.Source.HIT, 0, conditional));
    }
    if (conditional.isConditional() && !edge.heldWithinStaleWhileRevalidate(key)) {
      Optional<DerivativeMetadata> known = shield.metadataIfKnown(request);
      if (known.isPresent()
          && conditional.notModified(known.get().etag(), known.get().lastModified())) {
        return done(new Served.NotModified(known.get(), Served.Source.MISS));
      }
    }
    long start = System.nanoTime();
    CompletableFuture<ReadThrough.Result<Derivative>> got =
        edge.getAfterLookup(key, (k, stale) -> obtain(route, request, false));
    return Futures.cancelling(
        got,
        got.thenApply(
            result -> {
              if (result.source() == ReadThrough.Source.STALE) {
                registry
                    .counter("imgedge.edge.stale", "reason", staleReason(result.value()))
                    .increment();
                return answer(result.value(), Served.Source.STALE, 0, conditional);
              }
              Derivative d = result.value();
              if (result.source() == ReadThrough.Source.HIT) {
                return answer(d, Served.Source.HIT, 0, conditional); // from this edge's disk
              }
              boolean stale = d.freshness().storable() && !d.freshness().isFresh(clock.instant());
              return answer(
                  d,
                  stale ? Served.Source.STALE : Served.Source.MISS,
                  (System.nanoTime() - start) / 1e6,
                  conditional);
            }));
  }

  /** Why a stale copy was served, for the {@code imgedge.edge.stale} counter. */
  private String staleReason(Derivative d) {
    Instant now = clock.instant();
    if (d.freshness().inStaleWhileRevalidate(now)) {
      registry.counter("imgedge.edge.refreshes").increment();
      return "while_revalidate";
    }
    return d.freshness().inStaleIfError(now) ? "if_error" : "shields_down";
  }

  /**
   * Answers another edge that asked this node as the key's owner: from memory, else from the
   * shield, once however many ask together; never forwarded again.
   */
  public CompletableFuture<Derivative> serveAsOwner(
      OriginRouter.Routed route, DerivativeRequest request) {
    DerivativeKey key = request.key();
    Derivative cached = edge.fresh(key);
    if (cached != null) {
      return done(cached);
    }
    return edge.load(key, (k, stale) -> obtain(route, request, true));
  }

  /** Applies a purge to this edge's memory (counted by {@code imgedge.edge.purges}). */
  public void purge(PurgeCommand command) {
    switch (command) {
      case PurgeCommand.Source s -> edge.invalidateGroup(s.id()); // the tier indexes keys by source
      case PurgeCommand.SurrogateKey k -> edge.invalidateSurrogateKey(k.key());
      case PurgeCommand.All a -> edge.invalidateAll();
    }
    // Counted once applied: whoever waits on the count (tests, operators) then sees it done.
    registry.counter("imgedge.edge.purges").increment();
  }

  private CompletableFuture<Derivative> obtain(
      OriginRouter.Routed route, DerivativeRequest request, boolean asOwner) {
    URI owner = asOwner ? null : owners.remoteOwner(request.key());
    if (owner == null) {
      registry.counter("imgedge.edge.owner", "result", "local").increment();
      return shield.render(route, request);
    }
    registry.counter("imgedge.edge.owner", "result", "peer").increment();
    return peers
        .derivative(owner, request, peerTimeout, true)
        .exceptionallyCompose(
            e -> {
              if (!WireClient.unreachable(e)) {
                return CompletableFuture.failedFuture(e);
              }
              registry.counter("imgedge.edge.owner", "result", "peer_unreachable").increment();
              return shield.render(route, request);
            });
  }

  private static Served answer(
      Derivative d, Served.Source source, double millis, ConditionalRequest conditional) {
    if (conditional.notModified(d.etag(), d.lastModified())) {
      return new Served.NotModified(
          new DerivativeMetadata(d.etag(), d.lastModified(), d.freshness()), source);
    }
    return new Served.Image(d, source, millis);
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
