package io.imgedge.edge.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.BooleanSupplier;

/**
 * The admin routes. {@code /health/live} answers 200 while the process can serve HTTP at all;
 * {@code /health/ready} answers 200 only while the node takes traffic (started, in its cluster, not
 * shutting down) and 503 otherwise; {@code /status} shows the node at a glance.
 */
public final class AdminHandlers {
  private AdminHandlers() {}

  /**
   * @param registry the Prometheus registry to scrape
   * @param ready whether the node takes traffic
   * @param purge the purge API, or null on nodes without one
   */
  public static HttpHandler routes(
      PrometheusMeterRegistry registry,
      BooleanSupplier ready,
      @org.jspecify.annotations.Nullable HttpHandler purge) {
    return routes(registry, ready, purge, null);
  }

  /**
   * @param registry the Prometheus registry to scrape
   * @param ready whether the node takes traffic
   * @param purge the purge API, or null on nodes without one
   * @param status the status page, or null
   */
  public static HttpHandler routes(
      PrometheusMeterRegistry registry,
      BooleanSupplier ready,
      @org.jspecify.annotations.Nullable HttpHandler purge,
      @org.jspecify.annotations.Nullable HttpHandler status) {
    var routes = Handlers.routing();
    if (purge != null) {
      routes.post("/purge", purge);
    }
    if (status != null) {
      routes.get("/status", status);
    }
    return routes
        .get(
            "/metrics",
            ex -> text(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()))
        .get("/health/live", ex -> text(ex, 200, "text/plain; charset=utf-8", "live\n"))
        .get(
            "/health/ready",
            ex -> {
              boolean ok = ready.getAsBoolean();
              text(ex, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ready\n" : "not ready\n");
            })
        .setFallbackHandler(
            ex ->
                text(
                    ex,
                    404,
                    "text/plain; charset=utf-8",
                    "not found; the admin port serves /status, /metrics, /health/live, /health/ready and POST /purge\n"));
  }

  private static void text(HttpServerExchange ex, int status, String type, String body) {
    ex.setStatusCode(status);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
    ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    ex.getResponseSender().send(body);
  }
}
