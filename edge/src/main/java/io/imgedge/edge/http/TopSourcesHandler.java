package io.imgedge.edge.http;

import io.imgedge.edge.image.TopSources;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/** Counts each image answered (a status below 400) by its path, for the status page's top sources. */
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
    exchange.addExchangeCompleteListener((ex, nextListener) -> {
      try {
        if (ex.getStatusCode() < 400) {
          top.record(ex.getRequestPath());
        }
      } finally {
        nextListener.proceed();
      }
    });
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "TopSources -> " + next;
  }
}
