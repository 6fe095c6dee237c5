package io.imgedge.edge.http;

import io.imgedge.cache.Freshness;
import io.imgedge.edge.image.DerivativeMetadata;
import io.imgedge.edge.image.Served;
import io.imgedge.shield.Derivative;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headers of an image answer and of a 304, written in one place: the handler chain puts them in
 * Undertow's header map for each request, the hit front encodes them once per derivative and
 * request line. {@code Age} and {@code Date} change from request to request and are not here.
 */
final class AnswerHeaders {
  private static final String TIMING_HIT = "edge;desc=\"hit\"";
  private static final String TIMING_STALE = "edge;desc=\"stale\"";

  /** Where header lines go. */
  @FunctionalInterface
  interface Sink {
    /** Adds one header line. */
    void put(HttpString name, String value);
  }

  private AnswerHeaders() {}

  /** The headers of a 200 with the image (without {@code Content-Length}, {@code Age}). */
  static void image(
      Sink out,
      Served.Image served,
      PreparedResponses.Prepared prepared,
      ParsedRequests.Parsed parsed,
      boolean hints) {
    Derivative d = served.derivative();
    if (hints) {
      out.put(ClientHints.ACCEPT_CH, ClientHints.ACCEPTED);
    }
    out.put(Headers.CONTENT_TYPE, d.format().mediaType());
    out.put(Headers.ETAG, d.etag());
    if (prepared.lastModified() != null) {
      out.put(Headers.LAST_MODIFIED, prepared.lastModified());
    }
    out.put(Headers.CACHE_CONTROL, prepared.cacheControl());
    if (parsed.vary() != null) {
      out.put(Headers.VARY, parsed.vary());
    }
    out.put(ImgedgeHeaders.X_CACHE, served.source().name());
    out.put(ImgedgeHeaders.INFO, d.info());
    if (!parsed.warnings().isEmpty() || !d.warnings().isEmpty()) {
      List<String> warnings = new ArrayList<>(parsed.warnings());
      warnings.addAll(d.warnings());
      out.put(ImgedgeHeaders.WARNING, ImgedgeHeaders.safe(String.join("; ", warnings)));
    }
    out.put(
        ImgedgeHeaders.SERVER_TIMING,
        switch (served.source()) {
          case HIT -> TIMING_HIT;
          case STALE -> TIMING_STALE;
          case MISS ->
              String.format(
                  Locale.ROOT, "edge;desc=\"miss\", upstream;dur=%.1f", served.waitMillis());
        });
  }

  /** The headers of a 304 (without {@code Age}). */
  static void notModified(
      Sink out,
      DerivativeMetadata meta,
      Served.Source source,
      ParsedRequests.Parsed parsed,
      boolean hints,
      PreparedResponses prepared) {
    if (hints) {
      out.put(ClientHints.ACCEPT_CH, ClientHints.ACCEPTED);
    }
    out.put(Headers.ETAG, meta.etag());
    if (meta.lastModified() != null) {
      out.put(Headers.LAST_MODIFIED, prepared.httpDate(meta.lastModified()));
    }
    out.put(Headers.CACHE_CONTROL, prepared.cacheControl(meta.freshness()));
    if (parsed.vary() != null) {
      out.put(Headers.VARY, parsed.vary());
    }
    out.put(ImgedgeHeaders.X_CACHE, source.name());
  }

  /** The {@code Age} in seconds of an answer with this freshness, or -1 for none (not stored). */
  static long age(Freshness freshness, Instant now) {
    return freshness.storable() ? Math.max(0, freshness.age(now).toSeconds()) : -1;
  }

  /**
   * A status line and header lines as bytes, each line ending in CRLF, without the blank line that
   * ends the head (the hit front appends {@code Age} and {@code Date} first).
   */
  static byte[] encode(String statusLine, java.util.function.Consumer<Sink> lines) {
    StringBuilder head = new StringBuilder(512).append(statusLine).append("\r\n");
    lines.accept((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
