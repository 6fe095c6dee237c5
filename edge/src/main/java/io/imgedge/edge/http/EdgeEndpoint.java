package io.imgedge.edge.http;

import io.imgedge.edge.image.ImageService;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.Problem;
import io.imgedge.shield.endpoint.WireWriter;
import io.imgedge.shield.wire.WireRequest;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An edge's internal endpoint, for the other edges of its cluster: {@code GET
 * /internal/v1/derivative} asks this node, as the key's owner, for a derivative. The owner answers
 * from memory or goes to the shield once, however many edges ask together.
 */
public final class EdgeEndpoint {
  private final ImageService service;
  private final ExecutorService waiters;
  private final Clock clock;
  private final Duration timeout;

  /**
   * @param service serves derivatives as the owner
   * @param waiters where requests wait (virtual threads)
   * @param clock the wall clock
   * @param timeout how long a request may take
   */
  public EdgeEndpoint(
      ImageService service, ExecutorService waiters, Clock clock, Duration timeout) {
    this.service = service;
    this.waiters = waiters;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The routes of the internal port. */
  public HttpHandler routes() {
    return Handlers.routing()
        .get(WireRequest.DERIVATIVE, ex -> ex.dispatch(waiters, () -> derivative(ex)))
        .setFallbackHandler(
            ex -> WireWriter.writeError(ex, 404, "IMGEDGE-0301", "no such internal endpoint"));
  }

  private void derivative(HttpServerExchange exchange) {
    try {
      Map<String, String> params = new HashMap<>();
      exchange.getQueryParameters().forEach((k, v) -> params.put(k, v.getLast()));
      DerivativeRequest request = WireRequest.parse(params);
      var derivative =
          service
              .serveAsOwner(service.route(request.source()), request)
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      WireWriter.write(exchange, derivative, clock);
    } catch (Exception e) {
      Problem p = Problem.of(e);
      WireWriter.writeError(exchange, p.status(), p.errorId(), p.message());
    }
  }
}
