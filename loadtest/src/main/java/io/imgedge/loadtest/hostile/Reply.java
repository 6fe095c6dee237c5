package io.imgedge.loadtest.hostile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer as the client saw it.
 *
 * @param url the path and query asked for
 * @param status the HTTP status, or -1 when no answer came (connection failed, timed out)
 * @param millis from sending to the whole answer read (-1 when not timed: a burst client's peek)
 * @param contentType the {@code Content-Type} ("" when none)
 * @param bytes the body's length (as much as was read)
 * @param message the body's text for an error (the node's message), or what went wrong; "" for a
 *     2xx
 * @param xCache the {@code X-Cache} header ("" when none)
 */
record Reply(
    String url,
    int status,
    double millis,
    String contentType,
    long bytes,
    String message,
    String xCache) {
  private static final Pattern MEMORY = Pattern.compile("about (\\d+) MiB.*may use (\\d+) MiB");
  private static final Pattern PIXELS =
      Pattern.compile("decode (\\d+) pixels.*may decode is (\\d+)");

  /**
   * How a hostile client judges an answer against the "200 or a clear 4xx/503, never 500 or
   * a wrong 422".
   */
  enum Kind {
    /** 200. */
    OK,
    /**
     * A 4xx naming the limit the request exceeds, with figures that agree (estimate over the
     * limit).
     */
    LIMIT,
    /** Another 4xx with the node's message ID (a bad parameter, too many derivatives, ...). */
    OTHER_4XX,
    /** 503: out of memory or busy, with the node's message ID. */
    BUSY,
    /**
     * A 422 that is wrong: "corrupt" (IMGEDGE-0203) for a valid image, or a limit whose own figures
     * fit.
     */
    WRONG_422,
    /** A 4xx without the node's message ID. */
    UNCLEAR_4XX,
    /** 500, or any 5xx but 503. */
    SERVER_ERROR,
    /** No answer. */
    FAILED,
    /** Anything else (1xx, 3xx, other 2xx). */
    OTHER;

    /** Whether the issue allows it for an attack: 200, a clear 4xx or 503. */
    boolean allowedForAttack() {
      return this == OK || this == LIMIT || this == OTHER_4XX || this == BUSY;
    }
  }

  static Reply failed(String url, double millis, Exception e) {
    String why =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new Reply(url, -1, millis, "", 0, why, "");
  }

  /** The status as text, {@code failed} when no answer came. */
  String statusText() {
    return status < 0 ? "failed" : String.valueOf(status);
  }

  Kind kind() {
    if (status < 0) {
      return Kind.FAILED;
    }
    if (status == 200) {
      return Kind.OK;
    }
    boolean identified = message.contains("IMGEDGE-");
    if (status >= 400 && status < 500) {
      if (!identified) {
        return Kind.UNCLEAR_4XX;
      }
      if (status == 422 && message.contains("IMGEDGE-0203")) {
        return Kind.WRONG_422;
      }
      if (message.contains("limits.")) {
        return agrees() ? Kind.LIMIT : Kind.WRONG_422;
      }
      return status == 422 ? Kind.WRONG_422 : Kind.OTHER_4XX;
    }
    if (status == 503) {
      return identified ? Kind.BUSY : Kind.SERVER_ERROR;
    }
    return status >= 500 ? Kind.SERVER_ERROR : Kind.OTHER;
  }

  /** Whether a limit's message has figures, and they say the request is over it. */
  private boolean agrees() {
    Matcher m = MEMORY.matcher(message);
    if (m.find()) {
      return Long.parseLong(m.group(1)) > Long.parseLong(m.group(2));
    }
    Matcher p = PIXELS.matcher(message);
    if (p.find()) {
      return Long.parseLong(p.group(1)) > Long.parseLong(p.group(2));
    }
    return true; // another limit (bytes, dimensions, frames): its name is the message
  }

  /** Whether it is a 4xx that speaks of memory. */
  boolean memory4xx() {
    return status >= 400 && status < 500 && message.toLowerCase(Locale.ROOT).contains("memory");
  }

  /** The limit a 4xx names ({@code limits.max-render-memory}), or "". */
  String limit() {
    Matcher m = Pattern.compile("limits\\.[a-z-]+").matcher(message);
    return m.find() ? m.group() : "";
  }

  /** The message shortened for a table cell. */
  String shortMessage(int max) {
    String m = message.replace('|', '/').replace('\n', ' ').strip();
    return m.length() > max ? m.substring(0, max) + "..." : m;
  }
}
