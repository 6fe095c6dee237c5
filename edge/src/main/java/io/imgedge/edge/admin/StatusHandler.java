package io.imgedge.edge.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * {@code GET /status} on the admin port: the node at a glance for an operator (members and their
 * share of the keys, hit ratio per tier, top sources, limits and the transform queue). HTML for a
 * browser; JSON with {@code ?format=json} or {@code Accept: application/json}.
 */
public final class StatusHandler implements HttpHandler {
  private final Supplier<NodeStatus> status;

  /**
   * @param status gathers the node's status on each request
   */
  public StatusHandler(Supplier<NodeStatus> status) {
    this.status = status;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    NodeStatus s = status.get();
    boolean json = wantsJson(exchange);
    exchange
        .getResponseHeaders()
        .put(
            Headers.CONTENT_TYPE,
            json ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(json ? StatusJson.render(s) : StatusHtml.render(s));
  }

  static boolean wantsJson(HttpServerExchange exchange) {
    Deque<String> format = exchange.getQueryParameters().get("format");
    if (format != null) {
      return "json".equals(format.getLast());
    }
    String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  @Override
  public String toString() {
    return "Status";
  }
}
