package io.imgedge.edge.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Counts every request when it completes: {@code imgedge.requests{route,status}} (a timer with a
 * histogram, so it also gives latency percentiles: {@code histogram_quantile} over {@code
 * imgedge_requests_seconds_bucket}) and {@code imgedge.bytes.out{route}}.
 */
public final class MetricsHandler implements HttpHandler {
  private final String route;
  private final MeterRegistry registry;
  private final Counter bytesOut;
  private final HttpHandler next;

  /** One timer per status, registered on first use: no registry look-up per request. */
  private final AtomicReferenceArray<@Nullable Timer> timers = new AtomicReferenceArray<>(600);

  /**
   * @param route the route tag, e.g. {@code image}
   * @param registry where metrics go
   * @param next the handler to measure
   */
  public MetricsHandler(String route, MeterRegistry registry, HttpHandler next) {
    this.route = route;
    this.registry = registry;
    this.next = Objects.requireNonNull(next);
    this.bytesOut =
        Counter.builder("imgedge.bytes.out")
            .description("Response body bytes sent")
            .baseUnit("bytes")
            .tag("route", route)
            .register(registry);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          try {
            timer(ex.getStatusCode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            bytesOut.increment(ex.getResponseBytesSent());
          } finally {
            nextListener.proceed();
          }
        });
    next.handleRequest(exchange);
  }

  private Timer timer(int status) {
    int slot = status >= 100 && status < 600 ? status : 0;
    Timer t = timers.get(slot);
    if (t == null) {
      t =
          Timer.builder("imgedge.requests")
              .description("Requests answered, by route and status")
              .tags("route", route, "status", Integer.toString(status))
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofSeconds(60))
              .register(registry);
      timers.set(slot, t);
    }
    return t;
  }

  @Override
  public String toString() {
    return "Metrics[" + route + "] -> " + next;
  }
}
