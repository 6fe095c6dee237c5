package io.imgedge.edge.http;

import io.imgedge.edge.image.TopSources;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/**
 * Counts each image request by its path, for the status page's top sources: one map look-up when
 * the request arrives (a path nobody serves is soon forgotten by the bounded counter).
 */
public final class TopSourcesHandler implements HttpHandler {
  private final TopSources top;
  private final HttpHandler next;

  /**
   * @param top where the counts go
   * @param next the image handler
   */
  public TopSourcesHandler(TopSources top, HttpHandler next) {
    this.top = Objects.requireNonNull(top);
    this.next = Objects.requireNonNull(next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    top.record(exchange.getRequestPath());
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "TopSources -> " + next;
  }
}
