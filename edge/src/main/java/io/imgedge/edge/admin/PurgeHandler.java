package io.imgedge.edge.admin;

import io.imgedge.edge.image.ImageService;
import io.imgedge.edge.image.Purger;
import io.imgedge.shield.Problem;
import io.imgedge.shield.wire.PurgeCommand;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /purge} on the admin port, authorised by {@code Authorization: Bearer <admin.token>}
 * (compared in constant time). One of: {@code ?path=/photos/cat.jpg} (with an optional {@code
 * host=}) purges a source and every derivative of it; {@code ?key=K} purges everything with the
 * surrogate key K; {@code ?all=1} purges everything. On every edge and shield node, idempotent.
 */
public final class PurgeHandler implements HttpHandler {
  private final byte[] token;
  private final ImageService service;
  private final Purger purger;
  private final ExecutorService waiters;

  /**
   * @param token the admin token; empty disables purging (403)
   * @param service routes paths to sources
   * @param purger spreads purges
   * @param waiters where the request waits for the shields (virtual threads)
   */
  public PurgeHandler(String token, ImageService service, Purger purger, ExecutorService waiters) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.service = service;
    this.purger = purger;
    this.waiters = waiters;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (token.length == 0) {
      text(exchange, 403, "purging is disabled: set admin.token (IMGEDGE_ADMIN_TOKEN)\n");
      return;
    }
    if (!authorised(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
      text(exchange, 401, "a valid 'Authorization: Bearer <admin.token>' header is required\n");
      return;
    }
    exchange.dispatch(waiters, () -> purge(exchange));
  }

  private void purge(HttpServerExchange exchange) {
    try {
      PurgeCommand command = command(exchange);
      purger.purge(command).get(30, TimeUnit.SECONDS);
      text(exchange, 200, "purged " + command.encode() + "\n");
    } catch (Exception e) {
      Problem p = Problem.of(e);
      text(exchange, p.status(), p.message() + " (" + p.errorId() + ")\n");
    }
  }

  private PurgeCommand command(HttpServerExchange exchange) {
    String path = param(exchange, "path");
    if (path != null) {
      return new PurgeCommand.Source(service.route(param(exchange, "host"), path).id());
    }
    String key = param(exchange, "key");
    if (key != null && !key.isBlank()) {
      return new PurgeCommand.SurrogateKey(key.trim());
    }
    if ("1".equals(param(exchange, "all"))) {
      return new PurgeCommand.All();
    }
    throw new io.imgedge.shield.OriginException(
        io.imgedge.shield.OriginException.Kind.INVALID_PATH,
        "say what to purge: ?path=/image.jpg, ?key=SURROGATE-KEY or ?all=1");
  }

  private boolean authorised(@Nullable String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable String param(HttpServerExchange exchange, String name) {
    Deque<String> v = exchange.getQueryParameters().get(name);
    return v == null ? null : v.getLast();
  }

  private static void text(HttpServerExchange exchange, int status, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(body);
  }
}
