package io.imgedge.edge.http;

import io.imgedge.edge.image.TopSources;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/**
 * Counts each answered image request by its path, for the status page's top sources: only requests
 * answered with an image or a 304 count (a refused path such as {@code /../etc/passwd}, a 404 or a
 * bad parameter is not a source), with one map look-up when the answer is complete.
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
    exchange.addExchangeCompleteListener((ex, listener) -> {
      if (ex.getStatusCode() < 400) {
        top.record(ex.getRequestPath());
      }
      listener.proceed();
    });
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "TopSources -> " + next;
  }
}
