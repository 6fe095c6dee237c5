package io.imgedge.edge.http;

import io.imgedge.config.ConfigException;
import io.imgedge.config.OriginConfig;
import io.imgedge.transform.InvalidParameterException;
import io.imgedge.transform.spec.Overlay;
import io.imgedge.transform.spec.TransformSpecParser;
import io.undertow.util.HeaderMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which overlay (watermark) a request's image gets: the {@code X-Fastly-Imageopto-Overlay}
 * header's, when {@code security.trust-overlay-header} is on and the request has one (it replaces
 * the origin's for that request, as a Fastly service's VCL would set it); otherwise the origin's
 * {@code overlay}, if configured; otherwise none. Without trust, the header changes nothing at all.
 */
public final class Overlays {
  private final boolean trustHeader;
  private final Map<String, Overlay> byOrigin;
  private final TransformSpecParser parser;

  /**
   * @param trustHeader whether the request header is honoured
   * @param byOrigin each configured origin's watermark, by origin name
   * @param parser parses the header
   */
  public Overlays(boolean trustHeader, Map<String, Overlay> byOrigin, TransformSpecParser parser) {
    this.trustHeader = trustHeader;
    this.byOrigin = Map.copyOf(byOrigin);
    this.parser = parser;
  }

  /** No header trusted, no origin watermark. */
  public static Overlays none(TransformSpecParser parser) {
    return new Overlays(false, Map.of(), parser);
  }

  /**
   * Reads every origin's {@code overlay} setting.
   *
   * @throws ConfigException naming the origin if a setting is not valid overlay syntax
   */
  public static Overlays from(
      boolean trustHeader, List<OriginConfig> origins, TransformSpecParser parser) {
    Map<String, Overlay> byOrigin = new HashMap<>();
    for (OriginConfig o : origins) {
      try {
        Overlay overlay = parser.parseOverlay(o.overlay());
        if (overlay != null) {
          byOrigin.put(o.name(), overlay);
        }
      } catch (InvalidParameterException e) {
        throw new ConfigException(
            "origin '%s': invalid overlay: %s; see README.md#overlays-watermarks"
                .formatted(o.name(), e.getMessage()));
      }
    }
    return new Overlays(trustHeader, byOrigin, parser);
  }

  /** Whether the request header is honoured. */
  public boolean trustsHeader() {
    return trustHeader;
  }

  /**
   * What the overlay of a request depends on beyond its origin: the header's value when trusted,
   * else "" (part of the parse memo's key).
   */
  String memoKey(HeaderMap in) {
    if (!trustHeader) {
      return "";
    }
    String v = in.getFirst(Overlay.HEADER);
    return v == null ? "" : v;
  }

  /**
   * The overlay for a request to {@code origin} whose trusted header value is {@code header} (""
   * for none, see {@link #memoKey}), or null.
   *
   * @throws InvalidParameterException if the trusted header has a bad value (a 400)
   */
  @Nullable Overlay overlayFor(String origin, String header) {
    if (!header.isBlank()) {
      return parser.parseOverlay(header);
    }
    return byOrigin.get(origin);
  }
}
