package io.imgedge.edge.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Logs every request when it completes, as one JSON object per line ({@code log.access: json}):
 * time, method, path, query, status, response bytes, duration, {@code X-Cache}, client address
 * (through trusted proxies' forwarding headers: {@link ClientAddresses}), User-Agent and Referer.
 */
public final class AccessLogHandler implements HttpHandler {
  private final AccessLog log;
  private final Clock clock;
  private final ClientAddresses clients;
  private final HttpHandler next;

  /**
   * @param log where the lines go
   * @param clock the wall clock, for the time stamp
   * @param clients how the client's address is told
   * @param next the handler whose requests are logged
   */
  public AccessLogHandler(AccessLog log, Clock clock, ClientAddresses clients, HttpHandler next) {
    this.log = Objects.requireNonNull(log);
    this.clock = clock;
    this.clients = Objects.requireNonNull(clients);
    this.next = Objects.requireNonNull(next);
  }

  /** Logs with the connection's peer as the client, believing no forwarding header. */
  public AccessLogHandler(AccessLog log, Clock clock, HttpHandler next) {
    this(log, clock, new ClientAddresses(java.util.List.of()), next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          try {
            log.add(line(ex, (System.nanoTime() - start) / 1e6));
          } finally {
            nextListener.proceed();
          }
        });
    next.handleRequest(exchange);
  }

  String line(HttpServerExchange ex, double millis) {
    StringBuilder json = new StringBuilder(256).append('{');
    field(json, "time", clock.instant().toString()).append(',');
    field(json, "method", ex.getRequestMethod().toString()).append(',');
    field(json, "path", ex.getRequestPath()).append(',');
    field(json, "query", ex.getQueryString()).append(',');
    json.append("\"status\":").append(ex.getStatusCode()).append(',');
    json.append("\"bytes\":").append(ex.getResponseBytesSent()).append(',');
    json.append("\"ms\":").append(String.format(Locale.ROOT, "%.3f", millis)).append(',');
    field(json, "cache", ex.getResponseHeaders().getFirst(ImgedgeHeaders.X_CACHE)).append(',');
    field(json, "client", clients.clientOf(ex)).append(',');
    field(json, "user_agent", ex.getRequestHeaders().getFirst(Headers.USER_AGENT)).append(',');
    field(json, "referer", ex.getRequestHeaders().getFirst(Headers.REFERER));
    return json.append('}').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, @Nullable String value) {
    json.append('"').append(name).append("\":");
    if (value == null) {
      return json.append("null");
    }
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }

  @Override
  public String toString() {
    return "AccessLog -> " + next;
  }
}
