package io.imgedge.shield.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP origin on loopback for tests: serves configured responses per path (answering a
 * matching If-None-Match with 304), counts the requests it receives and how many were in flight at
 * once, and can misbehave on purpose (hang before headers, stall the body). Close it to stop it;
 * every hang ends when it closes.
 */
public final class TestOrigin implements AutoCloseable {

  /** What the origin does for one path. */
  public sealed interface Behaviour {}

  /**
   * Answers with a status, headers and body.
   *
   * @param delay wait this long before answering (the request is already counted)
   */
  public record Respond(int status, Map<String, String> headers, byte[] body, Duration delay)
      implements Behaviour {}

  /** Sends headers (with a Content-Length) and the first {@code sent} bytes, then stalls. */
  public record StallBody(byte[] body, int sent) implements Behaviour {}

  /** Accepts the request and never answers. */
  public record Hang() implements Behaviour {}

  /** Declares a Content-Length, sends fewer bytes, and closes the connection. */
  public record ShortBody(byte[] body, int declared) implements Behaviour {}

  private final HttpServer server;
  private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> peaks = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile String lastHost;

  private TestOrigin(HttpServer server) {
    this.server = server;
  }

  /** Starts an origin on 127.0.0.1 on a free port. */
  public static TestOrigin start() {
    return start(InetAddress.getLoopbackAddress());
  }

  /** Starts an origin on a loopback address (127.x.y.z) on a free port. */
  public static TestOrigin start(InetAddress loopback) {
    if (!loopback.isLoopbackAddress()) {
      throw new IllegalArgumentException("test origins listen on loopback only");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
      TestOrigin origin = new TestOrigin(server);
      server.createContext("/", origin::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return origin;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The origin's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort());
  }

  /** Serves an image body with a Content-Type and optional extra headers. */
  public TestOrigin image(String path, byte[] body, String contentType, String... headerPairs) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], headerPairs[i + 1]);
    }
    return on(path, new Respond(200, headers, body, Duration.ZERO));
  }

  /** Sets the behaviour for a path (exact match). Unknown paths get 404. */
  public TestOrigin on(String path, Behaviour behaviour) {
    routes.put(path, behaviour);
    return this;
  }

  /** How many requests the path has received. */
  public int requests(String path) {
    AtomicInteger c = counts.get(path);
    return c == null ? 0 : c.get();
  }

  /** The most requests for the path that were in flight at the same time. */
  public int maxConcurrent(String path) {
    AtomicInteger c = peaks.get(path);
    return c == null ? 0 : c.get();
  }

  /** How many requests for the path were answered 304 (their If-None-Match matched the ETag). */
  public int notModified(String path) {
    AtomicInteger c = notModified.get(path);
    return c == null ? 0 : c.get();
  }

  /** The Host header of the last request. */
  public String lastHost() {
    return lastHost;
  }

  /** Requests received in total. */
  public int requests() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    lastHost = exchange.getRequestHeaders().getFirst("Host");
    counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    int now = inFlight.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    peaks.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try (exchange) {
      switch (routes.getOrDefault(path, new Respond(404, Map.of(), new byte[0], Duration.ZERO))) {
        case Respond r -> respond(exchange, path, r);
        case StallBody s -> stall(exchange, s);
        case Hang h -> awaitClose();
        case ShortBody b -> shortBody(exchange, b);
      }
    } finally {
      inFlight.get(path).decrementAndGet();
    }
  }

  private void respond(HttpExchange exchange, String path, Respond r) throws IOException {
    if (!r.delay().isZero()) {
      awaitClose(r.delay());
    }
    r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    String etag = r.headers().get("ETag");
    if (r.status() == 200
        && etag != null
        && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(r.body());
    }
  }

  private void stall(HttpExchange exchange, StallBody s) throws IOException {
    exchange.sendResponseHeaders(200, s.body().length);
    OutputStream out = exchange.getResponseBody();
    out.write(s.body(), 0, s.sent());
    out.flush();
    awaitClose();
  }

  private static void shortBody(HttpExchange exchange, ShortBody b) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
    exchange.sendResponseHeaders(200, b.declared());
    OutputStream out = exchange.getResponseBody();
    out.write(b.body());
    out.flush(); // the stream is left short: closing the exchange then drops the connection
  }

  private void awaitClose() {
    awaitClose(Duration.ofMinutes(5));
  }

  private void awaitClose(Duration max) {
    try {
      closed.await(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
