package io.imgedge.edge.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The request metrics of one route: {@code imgedge.requests{route,status}} (a timer with a
 * histogram, so it also gives latency percentiles: {@code histogram_quantile} over {@code
 * imgedge_requests_seconds_bucket}) and {@code imgedge.bytes.out{route}}. Recorded by {@link
 * MetricsHandler} for requests that go through the handler chain, and by the hit front for the hits
 * it answers at the socket, so a request counts the same whichever answered it.
 */
public final class RequestMetrics {
  private final String route;
  private final MeterRegistry registry;
  private final Counter bytesOut;

  /** One timer per status, registered on first use: no registry look-up per request. */
  private final AtomicReferenceArray<@Nullable Timer> timers = new AtomicReferenceArray<>(600);

  /**
   * @param route the route tag, e.g. {@code image}
   * @param registry where metrics go
   */
  public RequestMetrics(String route, MeterRegistry registry) {
    this.route = route;
    this.registry = registry;
    this.bytesOut =
        Counter.builder("imgedge.bytes.out")
            .description("Response body bytes sent")
            .baseUnit("bytes")
            .tag("route", route)
            .register(registry);
  }

  /**
   * Records one answered request.
   *
   * @param status the status sent (or recorded, such as 499)
   * @param nanos how long it took, from the request to its answer written
   * @param bodyBytes the response body bytes sent
   */
  public void record(int status, long nanos, long bodyBytes) {
    timer(status).record(nanos, TimeUnit.NANOSECONDS);
    if (bodyBytes > 0) {
      bytesOut.increment(bodyBytes);
    }
  }

  /** The route tag. */
  public String route() {
    return route;
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
}
