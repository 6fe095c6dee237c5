package io.imgedge.edge.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/** Turns an exception thrown while handling a request on the IO thread into its error response. */
public final class ErrorMappingHandler implements HttpHandler {
  private final ErrorResponder errors;
  private final HttpHandler next;

  /**
   * @param errors writes error responses
   * @param next the handler to protect
   */
  public ErrorMappingHandler(ErrorResponder errors, HttpHandler next) {
    this.errors = Objects.requireNonNull(errors);
    this.next = Objects.requireNonNull(next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    try {
      next.handleRequest(exchange);
    } catch (Exception | StackOverflowError e) {
      errors.send(exchange, e);
    }
  }

  @Override
  public String toString() {
    return "ErrorMapping -> " + next;
  }
}
