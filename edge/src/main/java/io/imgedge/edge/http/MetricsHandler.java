package io.imgedge.edge.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/**
 * Counts every request when it completes, in the route's {@link RequestMetrics}: {@code
 * imgedge.requests{route,status}} and {@code imgedge.bytes.out{route}}.
 */
public final class MetricsHandler implements HttpHandler {
  private final RequestMetrics metrics;
  private final HttpHandler next;

  /**
   * @param route the route tag, e.g. {@code image}
   * @param registry where metrics go
   * @param next the handler to measure
   */
  public MetricsHandler(String route, MeterRegistry registry, HttpHandler next) {
    this(new RequestMetrics(route, registry), next);
  }

  /**
   * @param metrics the route's metrics (shared with the hit front for the public route)
   * @param next the handler to measure
   */
  public MetricsHandler(RequestMetrics metrics, HttpHandler next) {
    this.metrics = Objects.requireNonNull(metrics);
    this.next = Objects.requireNonNull(next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          try {
            metrics.record(
                ex.getStatusCode(), System.nanoTime() - start, ex.getResponseBytesSent());
          } finally {
            nextListener.proceed();
          }
        });
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "Metrics[" + metrics.route() + "] -> " + next;
  }
}
