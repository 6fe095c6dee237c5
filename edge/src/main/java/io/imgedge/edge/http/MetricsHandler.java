package io.imgedge.edge.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Counts every request when it completes: {@code imgedge.requests{route,status}} (a timer, so it
 * also gives latency) and {@code imgedge.bytes.out{route}}.
 */
public final class MetricsHandler implements HttpHandler {
  private final String route;
  private final MeterRegistry registry;
  private final Counter bytesOut;
  private final HttpHandler next;

  /**
   * @param route the route tag, e.g. {@code image}
   * @param registry where metrics go
   * @param next the handler to measure
   */
  public MetricsHandler(String route, MeterRegistry registry, HttpHandler next) {
    this.route = route;
    this.registry = registry;
    this.next = Objects.requireNonNull(next);
    this.bytesOut = Counter.builder("imgedge.bytes.out")
        .description("Response body bytes sent")
        .baseUnit("bytes")
        .tag("route", route)
        .register(registry);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener((ex, nextListener) -> {
      try {
        Timer.builder("imgedge.requests")
            .description("Requests answered, by route and status")
            .tags("route", route, "status", Integer.toString(ex.getStatusCode()))
            .register(registry)
            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        bytesOut.increment(ex.getResponseBytesSent());
      } finally {
        nextListener.proceed();
      }
    });
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "Metrics[" + route + "] -> " + next;
  }
}
