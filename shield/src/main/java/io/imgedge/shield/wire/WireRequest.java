package io.imgedge.shield.wire;

import io.imgedge.config.TransformConfig.JpegType;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.transform.spec.AcceptedFormats;
import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import io.imgedge.transform.spec.OutputTarget;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A {@link DerivativeRequest} as query parameters: {@code origin}, {@code path}, {@code spec} (the
 * canonical spec), {@code target}, {@code neg} (WebP by negotiation), {@code vary}, {@code accept}
 * (the modern formats the client accepts, as far as they matter to the target), and {@code
 * defaults} (so the receiving node renders with the asking node's defaults and the key matches).
 */
public final class WireRequest {
  /** The path of the derivative endpoint on edges and shields. */
  public static final String DERIVATIVE = "/internal/v1/derivative";

  /** The path of the metadata endpoint on shields. */
  public static final String META = "/internal/v1/meta";

  /** The path of the purge endpoint on shields. */
  public static final String PURGE = "/internal/v1/purge";

  /** Marks a request one node has already forwarded: the receiver must not forward it again. */
  public static final String FORWARDED = "Imgedge-Forwarded";

  private WireRequest() {}

  /** The query string for a request. */
  public static String query(DerivativeRequest r) {
    TransformDefaults d = r.defaults();
    StringJoiner q = new StringJoiner("&");
    q.add("origin=" + enc(r.source().origin()));
    q.add("path=" + enc(r.source().path()));
    q.add("spec=" + enc(r.spec().canonical()));
    q.add("target=" + r.negotiated().target().token());
    q.add("neg=" + (r.negotiated().webpNegotiated() ? 1 : 0));
    q.add("vary=" + (r.negotiated().variesOnAccept() ? 1 : 0));
    q.add("accept=" + r.negotiated().accepted().token());
    q.add(
        "defaults="
            + enc(
                d.jpegQuality()
                    + ","
                    + d.webpQuality()
                    + ","
                    + d.jpegType().name()
                    + ","
                    + d.resizeFilter().canonical()
                    + ","
                    + d.upscale()
                    + ","
                    + d.avifQuality()
                    + ","
                    + d.jxlQuality()));
    return q.toString();
  }

  /**
   * Reads a request from decoded query parameters.
   *
   * @throws OriginException (400) if a parameter is missing or malformed
   */
  public static DerivativeRequest parse(Map<String, String> params) {
    TransformDefaults defaults = defaults(required(params, "defaults"));
    OutputTarget target = OutputTarget.fromToken(required(params, "target"));
    if (target == null) {
      throw bad("target");
    }
    Negotiated negotiated =
        new Negotiated(
            target,
            "1".equals(params.get("neg")),
            "1".equals(params.get("vary")),
            AcceptedFormats.fromToken(params.get("accept")));
    SourceId id = new SourceId(required(params, "origin"), required(params, "path"));
    return new DerivativeRequest(
        id,
        new TransformSpecParser(defaults).parseCanonical(params.getOrDefault("spec", "")),
        negotiated,
        defaults);
  }

  private static TransformDefaults defaults(String text) {
    String[] p = text.split(",");
    try {
      ResizeFilter filter = ResizeFilter.parse(p[3]);
      if (p.length != 7 || filter == null) {
        throw bad("defaults");
      }
      return new TransformDefaults(
          Integer.parseInt(p[0]),
          Integer.parseInt(p[1]),
          JpegType.valueOf(p[2].toUpperCase(Locale.ROOT)),
          filter,
          Boolean.parseBoolean(p[4]),
          Integer.parseInt(p[5]),
          Integer.parseInt(p[6]));
    } catch (RuntimeException e) {
      throw bad("defaults");
    }
  }

  private static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      throw bad(name);
    }
    return v;
  }

  private static OriginException bad(String name) {
    return new OriginException(
        OriginException.Kind.INVALID_PATH, "internal request: missing or bad '" + name + "'");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
