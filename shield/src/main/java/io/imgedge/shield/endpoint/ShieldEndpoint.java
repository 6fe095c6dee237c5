package io.imgedge.shield.endpoint;

import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.Problem;
import io.imgedge.shield.Shield;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.wire.PurgeCommand;
import io.imgedge.shield.wire.ShieldPeers;
import io.imgedge.shield.wire.WireClient;
import io.imgedge.shield.wire.WireRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A shield node's internal endpoint: {@code GET /internal/v1/derivative} renders (or forwards to
 * the source's owner, once) and {@code POST /internal/v1/purge} spreads a purge through the shield
 * cluster. Requests wait on virtual threads, never on IO threads.
 */
public final class ShieldEndpoint {
  private static final Logger LOG = System.getLogger(ShieldEndpoint.class.getName());

  private final Shield shield;
  private final ShieldPeers peers;
  private final WireClient client;
  private final Duration timeout;
  private final Clock clock;
  private final ExecutorService waiters;
  private final Consumer<PurgeCommand> purges;
  private final Counter forwarded;
  private final Counter ownerUnreachable;

  /**
   * @param shield renders derivatives
   * @param peers who owns which source
   * @param client calls other shields
   * @param timeout how long a request may take
   * @param clock the wall clock
   * @param waiters where requests wait (virtual threads)
   * @param purges spreads a purge to every shield node (e.g. a cluster topic)
   * @param registry where forwarding counters go
   */
  public ShieldEndpoint(
      Shield shield,
      ShieldPeers peers,
      WireClient client,
      Duration timeout,
      Clock clock,
      ExecutorService waiters,
      Consumer<PurgeCommand> purges,
      MeterRegistry registry) {
    this.shield = shield;
    this.peers = peers;
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
    this.waiters = waiters;
    this.purges = purges;
    this.forwarded = registry.counter("imgedge.shield.forwarded");
    this.ownerUnreachable = registry.counter("imgedge.shield.owner.unreachable");
  }

  /** The routes of the internal port. */
  public HttpHandler routes() {
    return Handlers.routing()
        .get(WireRequest.DERIVATIVE, ex -> ex.dispatch(waiters, () -> derivative(ex)))
        .post(WireRequest.PURGE, this::purge)
        .setFallbackHandler(
            ex -> WireWriter.writeError(ex, 404, "IMGEDGE-0301", "no such internal endpoint"));
  }

  private void derivative(HttpServerExchange exchange) {
    try {
      DerivativeRequest request = WireRequest.parse(params(exchange));
      OriginRouter.Routed route = shield.origins().route(request.source());
      boolean wasForwarded = exchange.getRequestHeaders().contains(WireRequest.FORWARDED);
      URI owner = wasForwarded ? null : peers.ownerOf(request.source());
      CompletableFuture<Derivative> result =
          owner == null || peers.isSelf(owner)
              ? shield.render(route, request)
              : forward(owner, route, request);
      WireWriter.write(exchange, result.get(timeout.toMillis(), TimeUnit.MILLISECONDS), clock);
    } catch (Exception e) {
      fail(exchange, e);
    }
  }

  private CompletableFuture<Derivative> forward(
      URI owner, OriginRouter.Routed route, DerivativeRequest request) {
    forwarded.increment();
    return client
        .derivative(owner, request, timeout, true)
        .exceptionallyCompose(
            e -> {
              if (!WireClient.unreachable(e)) {
                return CompletableFuture.failedFuture(e);
              }
              ownerUnreachable.increment();
              return shield.render(
                  route, request); // yield over harvest: the owner is down, do it here
            });
  }

  private void purge(HttpServerExchange exchange) {
    PurgeCommand command = PurgeCommand.decode(params(exchange).getOrDefault("command", ""));
    if (command == null) {
      WireWriter.writeError(exchange, 400, "IMGEDGE-0101", "purge: bad or missing 'command'");
      return;
    }
    purges.accept(command);
    exchange.setStatusCode(202);
    exchange.getResponseSender().send("purging " + command.encode() + "\n");
  }

  private static void fail(HttpServerExchange exchange, Exception e) {
    Problem p = Problem.of(e);
    if (p.internal()) {
      LOG.log(Level.ERROR, "internal request failed", Problem.unwrap(e));
    }
    WireWriter.writeError(exchange, p.status(), p.errorId(), p.message());
  }

  static Map<String, String> params(HttpServerExchange exchange) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, Deque<String>> e : exchange.getQueryParameters().entrySet()) {
      out.put(e.getKey(), e.getValue().getLast());
    }
    return out;
  }
}
