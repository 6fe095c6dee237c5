package io.imgedge.edge.http;

import io.imgedge.shield.Problem;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Writes a {@link Problem}: the status, a one-line text body with the reason and message ID, the
 * {@code Imgedge-IO-Error} header, and {@code Cache-Control: no-store} so that no cache keeps it.
 */
public final class ErrorResponder {
  private static final Logger LOG = System.getLogger(ErrorResponder.class.getName());

  /** Answers the exchange with the problem that describes a failure. */
  public void send(HttpServerExchange exchange, Throwable failure) {
    Problem problem = Problem.of(failure);
    if (problem.internal()) {
      LOG.log(
          Level.ERROR, "request " + exchange.getRequestPath() + " failed", Problem.unwrap(failure));
    }
    send(exchange, problem);
  }

  /** Answers the exchange with a problem. */
  public void send(HttpServerExchange exchange, Problem problem) {
    if (exchange.isResponseStarted()) {
      exchange.endExchange();
      return;
    }
    exchange.setStatusCode(problem.status());
    var h = exchange.getResponseHeaders();
    h.clear();
    h.put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    h.put(Headers.CACHE_CONTROL, "no-store");
    h.put(ImgedgeHeaders.ERROR, ImgedgeHeaders.safe(problem.errorId() + " " + problem.message()));
    if (problem.retryAfterSeconds() > 0) {
      h.put(Headers.RETRY_AFTER, problem.retryAfterSeconds());
    }
    if (problem.status() == 405) {
      h.put(Headers.ALLOW, "GET, HEAD");
    }
    String body =
        "%d %s: %s (%s)\n"
            .formatted(
                problem.status(),
                StatusCodes.getReason(problem.status()),
                problem.message(),
                problem.errorId());
    exchange.getResponseSender().send(body);
  }
}
