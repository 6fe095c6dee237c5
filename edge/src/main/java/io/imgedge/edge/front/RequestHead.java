package io.imgedge.edge.front;

import io.imgedge.edge.http.HitRequest;
import io.imgedge.edge.image.ConditionalRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads one HTTP/1.1 request head off the wire for the hit front, strictly: only a plain {@code
 * GET} or {@code HEAD} of an origin-form target that needs no decoding, with a valid {@code Host}
 * and no body, connection options or upgrade, is something the front may answer; anything else,
 * valid or not, is for the handler chain (which answers it, or refuses it, as it always has). One
 * instance per IO thread: it keeps its scratch array between requests.
 */
final class RequestHead {
  /** What a head is to the front. */
  enum Outcome {
    /** The head has not arrived in full yet. */
    INCOMPLETE,
    /** A request the front may answer from memory; see {@link #request()} and {@link #length()}. */
    ANSWERABLE,
    /** A request for the handler chain (anything unusual, invalid or with a body). */
    CHAIN
  }

  /** The longest head the front reads; the chain's own limit (16 KiB) refuses longer ones. */
  static final int MAX_HEAD = 8 * 1024;

  /** The longest request target the front answers (the chain answers 414 past 4096). */
  private static final int MAX_TARGET = 4096;

  private static final int MAX_HEADERS = 100;

  private static final boolean[] TOKEN = table("!#$%&'*+-.^_`|~");
  private static final boolean[] TARGET = table("-._~!$&'()*+,=:@/?");
  private static final boolean[] HOST = table(".-_~");

  private final byte[] bytes = new byte[MAX_HEAD];
  private int length;
  private @Nullable HitRequest request;

  /**
   * Parses the head at the buffer's position (the buffer is not moved).
   *
   * @return what the head is; for {@link Outcome#ANSWERABLE}, {@link #request()} and {@link
   *     #length()} describe it
   */
  Outcome parse(ByteBuffer in) {
    request = null;
    int n = Math.min(in.remaining(), MAX_HEAD);
    in.get(in.position(), bytes, 0, n);
    int end = endOfHead(n);
    if (end < 0) {
      return n >= MAX_HEAD ? Outcome.CHAIN : Outcome.INCOMPLETE;
    }
    length = end;
    return parseHead(end) ? Outcome.ANSWERABLE : Outcome.CHAIN;
  }

  /** The request of the last {@link Outcome#ANSWERABLE} head. */
  HitRequest request() {
    HitRequest r = request;
    if (r == null) {
      throw new IllegalStateException("no answerable head parsed");
    }
    return r;
  }

  /** The bytes of the last {@link Outcome#ANSWERABLE} head, its blank line included. */
  int length() {
    return length;
  }

  /** The index just past the CRLF CRLF ending the head, or -1. */
  private int endOfHead(int n) {
    for (int i = 3; i < n; i++) {
      if (bytes[i] == '\n'
          && bytes[i - 1] == '\r'
          && bytes[i - 2] == '\n'
          && bytes[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  private boolean parseHead(int end) {
    boolean head;
    int i;
    if (startsWith(0, "GET ")) {
      head = false;
      i = 4;
    } else if (startsWith(0, "HEAD ")) {
      head = true;
      i = 5;
    } else {
      return false;
    }
    int targetStart = i;
    int query = -1;
    if (bytes[i] != '/') {
      return false; // absolute-form, asterisk-form: the chain's business
    }
    for (; i < end && bytes[i] != ' '; i++) {
      byte b = bytes[i];
      if (!isTargetChar(b)) {
        return false; // needs decoding (%), path parameters (;), or is not a valid target
      }
      if (b == '?' && query < 0) {
        query = i;
      }
    }
    int targetEnd = i;
    if (targetEnd - targetStart > MAX_TARGET || !startsWith(i, " HTTP/1.1\r\n")) {
      return false;
    }
    i += " HTTP/1.1\r\n".length();
    String host = null;
    String accept = null;
    String ifNoneMatch = null;
    String ifModifiedSince = null;
    int headers = 0;
    while (i < end - 2) {
      if (++headers > MAX_HEADERS) {
        return false;
      }
      int nameStart = i;
      while (i < end && isTokenChar(bytes[i])) {
        i++;
      }
      if (i == nameStart || bytes[i] != ':') {
        return false; // no name, whitespace before the colon, obs-fold, a bare LF
      }
      int nameEnd = i++;
      while (bytes[i] == ' ' || bytes[i] == '\t') {
        i++;
      }
      int valueStart = i;
      while (bytes[i] != '\r') {
        byte b = bytes[i];
        if ((b < 0x20 && b != '\t') || b >= 0x7f) {
          return false; // control characters, bare LF, obs-text
        }
        i++;
      }
      if (bytes[i + 1] != '\n') {
        return false;
      }
      int valueEnd = i;
      while (valueEnd > valueStart && (bytes[valueEnd - 1] == ' ' || bytes[valueEnd - 1] == '\t')) {
        valueEnd--;
      }
      i += 2;
      switch (nameOf(nameStart, nameEnd)) {
        case HOST -> {
          if (host != null) {
            return false;
          }
          host = host(valueStart, valueEnd);
          if (host == null) {
            return false;
          }
        }
        case ACCEPT -> {
          if (accept != null) {
            return false;
          }
          accept = text(valueStart, valueEnd);
        }
        case IF_NONE_MATCH -> {
          if (ifNoneMatch != null) {
            return false;
          }
          ifNoneMatch = text(valueStart, valueEnd);
        }
        case IF_MODIFIED_SINCE -> {
          if (ifModifiedSince != null) {
            return false;
          }
          ifModifiedSince = text(valueStart, valueEnd);
        }
        case CONNECTION -> {
          if (!equalsIgnoreCase(valueStart, valueEnd, "keep-alive")) {
            return false; // close, upgrade, other options: the chain knows them
          }
        }
        case FOR_CHAIN -> {
          return false;
        }
        case OTHER -> {}
      }
    }
    if (host == null) {
      return false;
    }
    String path = text(targetStart, query < 0 ? targetEnd : query);
    String q = query < 0 ? "" : text(query + 1, targetEnd);
    ConditionalRequest conditional =
        ifNoneMatch == null && ifModifiedSince == null
            ? ConditionalRequest.NONE
            : new ConditionalRequest(ifNoneMatch, ifModifiedSince);
    request = new HitRequest(host, path, q, accept, conditional, head);
    return true;
  }

  /** The headers the front looks at. */
  private enum Name {
    HOST,
    ACCEPT,
    IF_NONE_MATCH,
    IF_MODIFIED_SINCE,
    CONNECTION,
    /**
     * A header that makes the request one for the chain: a body, an expectation, an upgrade, an
     * overlay (which the chain honours or ignores as configured).
     */
    FOR_CHAIN,
    OTHER
  }

  private Name nameOf(int start, int end) {
    return switch (end - start) {
      case 4 -> equalsIgnoreCase(start, end, "host") ? Name.HOST : Name.OTHER;
      case 6 ->
          equalsIgnoreCase(start, end, "accept")
              ? Name.ACCEPT
              : equalsIgnoreCase(start, end, "expect") ? Name.FOR_CHAIN : Name.OTHER;
      case 7 -> equalsIgnoreCase(start, end, "upgrade") ? Name.FOR_CHAIN : Name.OTHER;
      case 10 -> equalsIgnoreCase(start, end, "connection") ? Name.CONNECTION : Name.OTHER;
      case 13 -> equalsIgnoreCase(start, end, "if-none-match") ? Name.IF_NONE_MATCH : Name.OTHER;
      case 14 -> equalsIgnoreCase(start, end, "content-length") ? Name.FOR_CHAIN : Name.OTHER;
      case 26 ->
          equalsIgnoreCase(start, end, "x-fastly-imageopto-overlay") ? Name.FOR_CHAIN : Name.OTHER;
      case 17 ->
          equalsIgnoreCase(start, end, "if-modified-since")
              ? Name.IF_MODIFIED_SINCE
              : equalsIgnoreCase(start, end, "transfer-encoding") ? Name.FOR_CHAIN : Name.OTHER;
      default -> Name.OTHER;
    };
  }

  /**
   * The host of a Host value ({@code reg-name} or IPv4, with an optional port), or null for
   * anything else (IPv6 literals, empty, invalid): the chain validates those.
   */
  private @Nullable String host(int start, int end) {
    int colon = end;
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b == ':') {
        colon = i;
        break;
      }
      if (!isHostChar(b)) {
        return null;
      }
    }
    if (colon == start || end - colon > 6) {
      return null;
    }
    for (int i = colon + 1; i < end; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return null;
      }
    }
    return text(start, colon);
  }

  /**
   * RFC 3986 pchar and query characters, less {@code %} (percent-encoding, which the chain decodes)
   * and {@code ;} (path parameters, which the chain strips).
   */
  private static boolean isTargetChar(byte b) {
    return TARGET[b & 0xff];
  }

  private static boolean isHostChar(byte b) {
    return HOST[b & 0xff];
  }

  /** RFC 9110 tchar. */
  private static boolean isTokenChar(byte b) {
    return TOKEN[b & 0xff];
  }

  /** Letters, digits and the given characters. */
  private static boolean[] table(String others) {
    boolean[] t = new boolean[256];
    for (int c = 0; c < 128; c++) {
      t[c] = Character.isLetterOrDigit(c) || others.indexOf(c) >= 0;
    }
    return t;
  }

  private boolean startsWith(int at, String s) {
    if (at + s.length() > bytes.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (bytes[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean equalsIgnoreCase(int start, int end, String lower) {
    if (end - start != lower.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      int b = bytes[start + k];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private String text(int start, int end) {
    return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
  }
}
