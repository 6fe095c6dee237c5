package io.imgedge.edge.http;

import io.undertow.util.HttpString;

/** The response headers imgedge adds, modelled on Fastly's {@code Fastly-IO-*} headers. */
public final class ImgedgeHeaders {
  /** Input and output size, dimensions and format of a transformed response. */
  public static final HttpString INFO = new HttpString("Imgedge-IO-Info");

  /** A non-fatal problem, such as a size clamped to the output limit. */
  public static final HttpString WARNING = new HttpString("Imgedge-IO-Warning");

  /** The message ID and reason of a failed request. */
  public static final HttpString ERROR = new HttpString("Imgedge-IO-Error");

  /** HIT when the edge answered from memory, MISS otherwise. */
  public static final HttpString X_CACHE = new HttpString("X-Cache");

  /** Where the time went (W3C Server Timing). */
  public static final HttpString SERVER_TIMING = new HttpString("Server-Timing");

  private ImgedgeHeaders() {}

  /** Makes a value safe for a header: printable ASCII only, at most 512 characters. */
  public static String safe(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 512 ? printable : printable.substring(0, 509) + "...";
  }
}
