package io.imgedge.shield.wire;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.HttpFreshness;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.RemoteException;
import io.imgedge.transform.ImageFormat;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Derivative} (or an error) on the server side and reads it on the client side. */
public final class WireResponse {
  static final HttpString FRESHNESS = new HttpString("Imgedge-Freshness");
  static final HttpString INFO = new HttpString("Imgedge-IO-Info");
  static final HttpString WARNINGS = new HttpString("Imgedge-IO-Warning");
  static final HttpString ERROR = new HttpString("Imgedge-IO-Error");
  static final HttpString VALIDATOR = new HttpString("Imgedge-Source-Validator");
  static final HttpString SURROGATE_KEYS = new HttpString("Imgedge-Surrogate-Keys");

  private WireResponse() {}

  /** Answers an internal request with a derivative; its freshness is sent as an age. */
  public static void write(HttpServerExchange exchange, Derivative d, Clock clock) {
    HeaderMap h = exchange.getResponseHeaders();
    h.put(Headers.CONTENT_TYPE, d.format().mediaType());
    h.put(Headers.ETAG, d.etag());
    if (d.lastModified() != null) {
      h.put(Headers.LAST_MODIFIED, HttpFreshness.format(d.lastModified()));
    }
    h.put(FRESHNESS, freshness(d.freshness(), clock.instant()));
    h.put(INFO, d.info());
    h.put(VALIDATOR, d.sourceValidator());
    if (!d.warnings().isEmpty()) {
      h.put(WARNINGS, String.join("; ", d.warnings()).replaceAll("[^\\x20-\\x7e]", "?"));
    }
    if (!d.surrogateKeys().isEmpty()) {
      h.put(SURROGATE_KEYS, String.join(" ", d.surrogateKeys()));
    }
    exchange.getResponseSender().send(ByteBuffer.wrap(d.bytes()));
  }

  /** Answers an internal request with an error the caller passes on. */
  public static void writeError(HttpServerExchange exchange, int status, String errorId, String message) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(ERROR, (errorId + " " + message).replaceAll("[^\\x20-\\x7e]", "?"));
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(message);
  }

  /**
   * Reads a derivative from a 200 response.
   *
   * @throws RemoteException for any other status, with the node's message ID and message
   */
  public static Derivative read(HttpResponse<byte[]> r, Clock clock) {
    if (r.statusCode() != 200) {
      throw error(r.statusCode(), r.headers());
    }
    HttpHeaders h = r.headers();
    ImageFormat format = ImageFormat.fromMediaType(h.firstValue("Content-Type").orElse(null));
    if (format == null) {
      throw new RemoteException(502, "IMGEDGE-0302", "a node answered without an image type");
    }
    Instant lastModified = h.firstValue("Last-Modified").map(HttpFreshness::httpDate).orElse(null);
    return new Derivative(r.body(), format, h.firstValue("ETag").orElse(""), lastModified,
        freshness(h.firstValue(FRESHNESS.toString()).orElse(""), clock.instant()),
        h.firstValue(INFO.toString()).orElse(""), list(h, WARNINGS, "; "),
        h.firstValue(VALIDATOR.toString()).orElse(""), list(h, SURROGATE_KEYS, " "));
  }

  /** The error a non-200 internal response describes. */
  public static RemoteException error(int status, HttpHeaders h) {
    String header = h.firstValue(ERROR.toString()).orElse("IMGEDGE-0302 a node answered " + status);
    int space = header.indexOf(' ');
    return space < 0 ? new RemoteException(status, header, "a node answered " + status)
        : new RemoteException(status, header.substring(0, space), header.substring(space + 1));
  }

  static String freshness(Freshness f, Instant now) {
    return "age=%d; lifetime=%d; swr=%d; sie=%d; storable=%d".formatted(f.age(now).toMillis(),
        f.lifetime().toMillis(), f.staleWhileRevalidate().toMillis(), f.staleIfError().toMillis(),
        f.storable() ? 1 : 0);
  }

  static Freshness freshness(String header, Instant now) {
    Map<String, Long> v = new HashMap<>();
    for (String part : header.split(";")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2) {
        try {
          v.put(kv[0], Long.parseLong(kv[1].trim()));
        } catch (NumberFormatException e) {
          // ignored: a missing value means "not storable"
        }
      }
    }
    if (v.getOrDefault("storable", 0L) != 1L) {
      return Freshness.notStorable(now);
    }
    return new Freshness(now, ms(v, "age"), ms(v, "lifetime"), ms(v, "swr"), ms(v, "sie"), true);
  }

  private static Duration ms(Map<String, Long> v, String key) {
    return Duration.ofMillis(Math.max(0, v.getOrDefault(key, 0L)));
  }

  private static List<String> list(HttpHeaders h, HttpString name, String separator) {
    return h.firstValue(name.toString()).map(s -> Arrays.stream(s.split(separator)).filter(x -> !x.isBlank()).toList())
        .orElse(List.of());
  }
}
