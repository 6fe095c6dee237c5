package io.imgedge.shield.endpoint;

import io.imgedge.shield.Derivative;
import io.imgedge.shield.wire.WireResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.time.Clock;

/** Writes the internal protocol's responses ({@link WireResponse}) with Undertow. */
public final class WireWriter {
  private WireWriter() {}

  /** Answers an internal request with a derivative. */
  public static void write(HttpServerExchange exchange, Derivative d, Clock clock) {
    HeaderMap h = exchange.getResponseHeaders();
    WireResponse.headers(d, clock.instant())
        .forEach((name, value) -> h.put(new HttpString(name), value));
    exchange.getResponseSender().send(ByteBuffer.wrap(d.bytes()));
  }

  /** Answers an internal request with an error the caller passes on. */
  public static void writeError(
      HttpServerExchange exchange, int status, String errorId, String message) {
    exchange.setStatusCode(status);
    exchange
        .getResponseHeaders()
        .put(new HttpString(WireResponse.ERROR), WireResponse.errorHeader(errorId, message));
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(message);
  }
}
