package io.imgedge.edge.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import org.jspecify.annotations.Nullable;

/**
 * A handler set after its server has started: a node's internal port must be bound (so that its URL
 * is known) before the node joins its cluster and builds what answers on that port. Until then it
 * answers 503, which callers treat as "try elsewhere".
 */
public final class LateHandler implements HttpHandler {
  private volatile @Nullable HttpHandler next;

  /** Routes requests to {@code handler} from now on. */
  public void set(HttpHandler handler) {
    this.next = handler;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HttpHandler h = next;
    if (h == null) {
      exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
      exchange.getResponseSender().send("starting\n");
      return;
    }
    h.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "Late -> " + next;
  }
}
