package io.imgedge.loadtest.origin;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * A small HTTP origin on loopback for load tests: serves {@code /img/<i>.jpg} for {@code i} below
 * {@link OriginKnobs#sources()}, generated photo-like JPEGs, with the knobs' latency, error rate,
 * validators and max-age, and counts what it answers ({@link #stats()}, or {@code GET /__stats} as
 * JSON). It is the ground truth for "one origin fetch per source".
 */
public final class OriginSimulator implements AutoCloseable {
  private static final String PREFIX = "/img/";

  private final OriginKnobs knobs;
  private final byte[][] images;
  private final String lastModified;
  private final ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, LongAdder> gets = new ConcurrentHashMap<>();
  private final LongAdder heads = new LongAdder();
  private final LongAdder notModified = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final Undertow server;

  private OriginSimulator(OriginKnobs knobs, int port) {
    this.knobs = knobs;
    ImageFactory factory = new ImageFactory(knobs.width(), knobs.height(), knobs.seed());
    this.images =
        IntStream.range(0, knobs.sources())
            .parallel()
            .mapToObj(factory::jpeg)
            .toArray(byte[][]::new);
    this.lastModified = io.imgedge.cache.HttpFreshness.format(Instant.now());
    this.server =
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setIoThreads(2)
            .setHandler(this::handle)
            .build();
  }

  /** Generates the images and starts serving on {@code 127.0.0.1:port} (0: any free port). */
  public static OriginSimulator start(OriginKnobs knobs, int port) {
    OriginSimulator origin = new OriginSimulator(knobs, port);
    origin.server.start();
    return origin;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    var address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    return URI.create("http://127.0.0.1:" + address.getPort());
  }

  /** The path of image {@code i}. */
  public static String path(int i) {
    return PREFIX + i + ".jpg";
  }

  /** The bytes of image {@code i}. */
  public byte[] image(int i) {
    return images[i];
  }

  /** The knobs it runs with. */
  public OriginKnobs knobs() {
    return knobs;
  }

  private void handle(HttpServerExchange exchange) {
    if (exchange.getRequestPath().equals("/__stats")) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseSender().send(json(stats()));
      return;
    }
    exchange.dispatch(waiters, () -> answer(exchange));
  }

  private void answer(HttpServerExchange exchange) {
    sleep();
    int index = index(exchange.getRequestPath());
    if (index < 0) {
      errors.increment();
      exchange.setStatusCode(404);
      exchange.endExchange();
      return;
    }
    if (knobs.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < knobs.errorRate()) {
      errors.increment();
      exchange.setStatusCode(500);
      exchange.getResponseSender().send("simulated origin error\n");
      return;
    }
    respond(exchange, index);
  }

  private void respond(HttpServerExchange exchange, int index) {
    var h = exchange.getResponseHeaders();
    h.put(Headers.CONTENT_TYPE, "image/jpeg");
    h.put(Headers.CACHE_CONTROL, "public, max-age=" + knobs.maxAge());
    String etag = "\"" + knobs.seed() + "-" + index + "\"";
    if (knobs.validators()) {
      h.put(Headers.ETAG, etag);
      h.put(Headers.LAST_MODIFIED, lastModified);
      if (etag.equals(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH))) {
        notModified.increment();
        exchange.setStatusCode(304);
        exchange.endExchange();
        return;
      }
    }
    byte[] body = images[index];
    exchange.setResponseContentLength(body.length);
    if (exchange.getRequestMethod().equals(Methods.HEAD)) {
      heads.increment();
      exchange.endExchange();
      return;
    }
    gets.computeIfAbsent(exchange.getRequestPath(), p -> new LongAdder()).increment();
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }

  private void sleep() {
    long nanos = knobs.latency().toNanos();
    if (!knobs.jitter().isZero()) {
      nanos += ThreadLocalRandom.current().nextLong(knobs.jitter().toNanos() + 1);
    }
    if (nanos > 0) {
      try {
        Thread.sleep(java.time.Duration.ofNanos(nanos));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private int index(String path) {
    if (!path.startsWith(PREFIX) || !path.endsWith(".jpg")) {
      return -1;
    }
    try {
      int i = Integer.parseInt(path.substring(PREFIX.length(), path.length() - 4));
      return i >= 0 && i < images.length ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** What it has answered so far. */
  public OriginStats stats() {
    Map<String, Long> perPath = new TreeMap<>();
    gets.forEach((p, n) -> perPath.put(p, n.sum()));
    long total = perPath.values().stream().mapToLong(Long::longValue).sum();
    return new OriginStats(total, heads.sum(), notModified.sum(), errors.sum(), perPath);
  }

  /** Forgets what it has counted (between runs). */
  public void reset() {
    gets.clear();
    heads.reset();
    notModified.reset();
    errors.reset();
  }

  static String json(OriginStats s) {
    StringBuilder perPath = new StringBuilder();
    s.getsPerPath()
        .forEach(
            (p, n) ->
                perPath
                    .append(perPath.isEmpty() ? "" : ",")
                    .append('"')
                    .append(p)
                    .append("\":")
                    .append(n));
    return "{\"gets\":%d,\"heads\":%d,\"notModified\":%d,\"errors\":%d,\"getsPerPath\":{%s}}"
        .formatted(s.gets(), s.heads(), s.notModified(), s.errors(), perPath);
  }

  @Override
  public void close() {
    server.stop();
    waiters.close();
  }
}
