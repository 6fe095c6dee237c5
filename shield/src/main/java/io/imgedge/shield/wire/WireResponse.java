package io.imgedge.shield.wire;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.HttpFreshness;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.RemoteException;
import io.imgedge.transform.ImageFormat;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Derivative} (or an error) as an internal HTTP response: the headers the serving side
 * sends (the endpoint writes them with its server) and how the client side reads them back. No
 * server library here: the protocol can be read and tested without one.
 */
public final class WireResponse {
  /** The derivative's freshness, as an age and its windows. */
  public static final String FRESHNESS = "Imgedge-Freshness";

  static final String INFO = "Imgedge-IO-Info";
  static final String WARNINGS = "Imgedge-IO-Warning";

  /** An error's message ID and message. */
  public static final String ERROR = "Imgedge-IO-Error";

  static final String VALIDATOR = "Imgedge-Source-Validator";
  static final String SURROGATE_KEYS = "Imgedge-Surrogate-Keys";

  private WireResponse() {}

  /**
   * The headers that carry a derivative, besides its body; its freshness is sent as an age, so that
   * the clocks of the two nodes need not agree.
   */
  public static Map<String, String> headers(Derivative d, Instant now) {
    Map<String, String> h = new java.util.LinkedHashMap<>();
    h.put("Content-Type", d.format().mediaType());
    h.put("ETag", d.etag());
    if (d.lastModified() != null) {
      h.put("Last-Modified", HttpFreshness.format(d.lastModified()));
    }
    h.put(FRESHNESS, freshness(d.freshness(), now));
    h.put(INFO, d.info());
    h.put(VALIDATOR, d.sourceValidator());
    if (!d.warnings().isEmpty()) {
      h.put(WARNINGS, safe(String.join("; ", d.warnings())));
    }
    if (!d.surrogateKeys().isEmpty()) {
      h.put(SURROGATE_KEYS, String.join(" ", d.surrogateKeys()));
    }
    return h;
  }

  /** The header that carries an error's message ID and message. */
  public static String errorHeader(String errorId, String message) {
    return safe(errorId + " " + message);
  }

  private static String safe(String value) {
    return value.replaceAll("[^\\x20-\\x7e]", "?");
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
    return new Derivative(
        r.body(),
        format,
        h.firstValue("ETag").orElse(""),
        lastModified,
        freshness(h.firstValue(FRESHNESS).orElse(""), clock.instant()),
        h.firstValue(INFO).orElse(""),
        list(h, WARNINGS, "; "),
        h.firstValue(VALIDATOR).orElse(""),
        list(h, SURROGATE_KEYS, " "));
  }

  /** The error a non-200 internal response describes. */
  public static RemoteException error(int status, HttpHeaders h) {
    String header = h.firstValue(ERROR).orElse("IMGEDGE-0302 a node answered " + status);
    int space = header.indexOf(' ');
    return space < 0
        ? new RemoteException(status, header, "a node answered " + status)
        : new RemoteException(status, header.substring(0, space), header.substring(space + 1));
  }

  static String freshness(Freshness f, Instant now) {
    return "age=%d; lifetime=%d; swr=%d; sie=%d; storable=%d"
        .formatted(
            f.age(now).toMillis(),
            f.lifetime().toMillis(),
            f.staleWhileRevalidate().toMillis(),
            f.staleIfError().toMillis(),
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

  private static List<String> list(HttpHeaders h, String name, String separator) {
    return h.firstValue(name)
        .map(s -> Arrays.stream(s.split(separator)).filter(x -> !x.isBlank()).toList())
        .orElse(List.of());
  }
}
