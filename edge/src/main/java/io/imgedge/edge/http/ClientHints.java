package io.imgedge.edge.http;

import io.imgedge.transform.spec.TransformSpec;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Client hints, a step beyond Fastly, when the operator enables them ({@code
 * transform.client-hints}): what a request's parameters leave open is filled in from the browser's
 * hints, before the cache key is made.
 *
 * <ul>
 *   <li>{@code Sec-CH-Width} (the image slot's width in device pixels) becomes {@code width} when
 *       the URL gives neither width nor height;
 *   <li>{@code Sec-CH-DPR} becomes {@code dpr} when the URL gives a width or height but no dpr
 *       (rounded to hundredths, 1 to 5);
 *   <li>{@code Save-Data: on} becomes {@code optimize=high} when the URL gives neither quality nor
 *       optimize.
 * </ul>
 *
 * <p>Responses then name the hints they were asked for ({@code Accept-CH}) and every hint that
 * could have changed them ({@code Vary}), so that shared caches keep one copy per hint value. Hint
 * values a browser would not send (not a number, out of range) are ignored, never an error.
 */
final class ClientHints {
  static final HttpString ACCEPT_CH = new HttpString("Accept-CH");

  /** What an image response asks browsers to send next time. */
  static final String ACCEPTED = "Sec-CH-DPR, Sec-CH-Width";

  private static final HttpString DPR = new HttpString("Sec-CH-DPR");
  private static final HttpString WIDTH = new HttpString("Sec-CH-Width");
  private static final HttpString SAVE_DATA = new HttpString("Save-Data");
  private static final double MAX_DPR = 5;
  private static final java.util.regex.Pattern GIVES_DPR =
      java.util.regex.Pattern.compile("(?i)(^|&)dpr=");

  private final boolean enabled;
  private final int maxWidth;

  /**
   * @param enabled whether hints are honoured at all
   * @param maxWidth the widest output allowed ({@code limits.max-output-width}); a wider hint is
   *     capped to it
   */
  ClientHints(boolean enabled, int maxWidth) {
    this.enabled = enabled;
    this.maxWidth = maxWidth;
  }

  /** Whether hints are honoured. */
  boolean enabled() {
    return enabled;
  }

  /**
   * The hint headers' values, for the memo of parsed request lines (everything the parse depends
   * on), or the empty string when hints are off.
   */
  String memoKey(HeaderMap in) {
    if (!enabled) {
      return "";
    }
    return in.getFirst(DPR) + "|" + in.getFirst(WIDTH) + "|" + in.getFirst(SAVE_DATA);
  }

  /**
   * The request's query with the hints added that its parameters leave open, and which hints it
   * depends on.
   *
   * @param query the raw query string
   * @param spec the query parsed without hints
   */
  Hinted apply(String query, TransformSpec spec, HeaderMap in) {
    if (!enabled) {
      return new Hinted(query, null);
    }
    StringJoiner added = new StringJoiner("&");
    StringJoiner vary = new StringJoiner(", ");
    boolean sized = spec.width() != null || spec.height() != null;
    if (!sized) {
      vary.add("Sec-CH-Width");
      Integer width = width(in.getFirst(WIDTH));
      if (width != null) {
        added.add("width=" + width);
      }
    } else if (!GIVES_DPR.matcher(query).find()) {
      vary.add("Sec-CH-DPR");
      String dpr = dpr(in.getFirst(DPR));
      if (dpr != null) {
        added.add("dpr=" + dpr);
      }
    }
    if (spec.quality() == null && spec.output().optimize() == null && spec.webpQuality() == null) {
      vary.add("Save-Data");
      if ("on".equalsIgnoreCase(trimmed(in.getFirst(SAVE_DATA)))) {
        added.add("optimize=high");
      }
    }
    String hinted =
        added.length() == 0 ? query : query.isEmpty() ? added.toString() : query + "&" + added;
    return new Hinted(hinted, vary.length() == 0 ? null : vary.toString());
  }

  private @Nullable Integer width(@Nullable String value) {
    String v = trimmed(value);
    if (v == null || !v.matches("\\d{1,6}")) {
      return null;
    }
    int w = Integer.parseInt(v);
    return w < 1 ? null : Math.min(w, maxWidth);
  }

  private static @Nullable String dpr(@Nullable String value) {
    String v = trimmed(value);
    if (v == null || !v.matches("\\d{1,2}(\\.\\d{1,6})?")) {
      return null;
    }
    double dpr = Math.min(MAX_DPR, Double.parseDouble(v));
    if (dpr < 1) {
      return null; // a DPR below 1 would shrink the image the page asked for: leave it
    }
    return String.format(Locale.ROOT, "%.2f", Math.round(dpr * 100) / 100.0);
  }

  private static @Nullable String trimmed(@Nullable String v) {
    return v == null ? null : v.trim();
  }

  /**
   * A query with hints applied.
   *
   * @param query the query to parse
   * @param vary the hint headers the answer depends on, for {@code Vary}, or null
   */
  record Hinted(String query, @Nullable String vary) {}
}
