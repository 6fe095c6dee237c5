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
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * An origin on loopback that serves one photo under as many names as are asked for: {@code
 * /p/<server>-<n>.jpg} answers the same bytes for any {@code server} and {@code n}, each name with
 * its own ETag. A benchmark that asks for a new name on every request makes every request a miss
 * for a server that caches by source URL (imgedge) as well as for one that caches nothing (ipx),
 * while the work per request stays the same photo. It counts GETs and HEADs per name, so a run can
 * show that no name was fetched twice, per {@code server} prefix.
 */
public final class PhotoOrigin implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("/p/([a-z0-9]+)-(\\d{1,12})\\.jpg");

  private final byte[] photo;
  private final String lastModified;
  private final Map<String, LongAdder> gets = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> heads = new ConcurrentHashMap<>();
  private final LongAdder notFound = new LongAdder();
  private final Undertow server;

  private PhotoOrigin(byte[] photo) {
    this.photo = photo.clone();
    this.lastModified = io.imgedge.cache.HttpFreshness.format(Instant.now());
    this.server =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setIoThreads(1)
            .setWorkerThreads(2)
            .setHandler(this::handle)
            .build();
  }

  /** Starts serving {@code photo} on a free loopback port. */
  public static PhotoOrigin start(byte[] photo) {
    PhotoOrigin origin = new PhotoOrigin(photo);
    origin.server.start();
    return origin;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    var address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    return URI.create("http://127.0.0.1:" + address.getPort());
  }

  /**
   * The path of name {@code n} for {@code server} (lower-case letters and digits), e.g. {@code
   * /p/imgedge-000042.jpg}.
   */
  public static String path(String server, long n) {
    return "/p/%s-%06d.jpg".formatted(server, n);
  }

  private void handle(HttpServerExchange exchange) {
    String path = exchange.getRequestPath();
    if (!NAME.matcher(path).matches()) {
      notFound.increment();
      exchange.setStatusCode(404);
      exchange.endExchange();
      return;
    }
    var h = exchange.getResponseHeaders();
    h.put(Headers.CONTENT_TYPE, "image/jpeg");
    h.put(Headers.CACHE_CONTROL, "public, max-age=3600");
    h.put(Headers.ETAG, "\"" + path.substring(3, path.length() - 4) + "\"");
    h.put(Headers.LAST_MODIFIED, lastModified);
    exchange.setResponseContentLength(photo.length);
    if (exchange.getRequestMethod().equals(Methods.HEAD)) {
      heads.computeIfAbsent(path, p -> new LongAdder()).increment();
      exchange.endExchange();
      return;
    }
    gets.computeIfAbsent(path, p -> new LongAdder()).increment();
    exchange.getResponseSender().send(ByteBuffer.wrap(photo));
  }

  /**
   * What was fetched under one server prefix.
   *
   * @param gets GET requests
   * @param heads HEAD requests
   * @param names distinct names fetched with GET
   * @param maxGetsPerName the most GETs of any one name (1 when no name was fetched twice)
   */
  public record Fetches(long gets, long heads, long names, long maxGetsPerName) {}

  /** What was fetched so far under {@code /p/<server>-*}. */
  public Fetches fetches(String server) {
    String prefix = "/p/" + server + "-";
    long total = 0;
    long names = 0;
    long max = 0;
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(gets).entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        long n = e.getValue().sum();
        total += n;
        names++;
        max = Math.max(max, n);
      }
    }
    long headCount =
        heads.entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix))
            .mapToLong(e -> e.getValue().sum())
            .sum();
    return new Fetches(total, headCount, names, max);
  }

  /** Requests for paths it does not serve. */
  public long notFound() {
    return notFound.sum();
  }

  @Override
  public void close() {
    server.stop();
  }
}
