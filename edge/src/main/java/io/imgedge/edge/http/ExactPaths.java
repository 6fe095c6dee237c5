package io.imgedge.edge.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Routes a few exact paths (the index page, the playground) to their handlers and everything else
 * to the image handler: one map look-up, no path normalisation or allocation per request.
 */
public final class ExactPaths implements HttpHandler {
  private final Map<String, HttpHandler> exact = new HashMap<>();
  private final HttpHandler fallback;

  /**
   * @param fallback the handler of every other path
   */
  public ExactPaths(HttpHandler fallback) {
    this.fallback = Objects.requireNonNull(fallback);
  }

  /** Routes {@code path} (exactly) to {@code handler}; returns this. Call before serving. */
  public ExactPaths add(String path, HttpHandler handler) {
    exact.put(path, Objects.requireNonNull(handler));
    return this;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exact.getOrDefault(exchange.getRequestPath(), fallback).handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "ExactPaths" + exact.keySet() + " -> " + fallback;
  }
}
