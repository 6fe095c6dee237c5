package io.imgedge.edge.image;

import io.imgedge.cache.HttpFreshness;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request's validators (RFC 9110 section 13): {@code If-None-Match} wins over {@code
 * If-Modified-Since}; for {@code If-None-Match} the weak comparison applies.
 *
 * @param ifNoneMatch the header value, or null
 * @param ifModifiedSince the header value, or null
 */
public record ConditionalRequest(@Nullable String ifNoneMatch, @Nullable String ifModifiedSince) {

  /** No validators. */
  public static final ConditionalRequest NONE = new ConditionalRequest(null, null);

  /** Whether the request carries any validator. */
  public boolean isConditional() {
    return ifNoneMatch != null || ifModifiedSince != null;
  }

  /** Whether a representation with these validators is "not modified" for this request. */
  public boolean notModified(String etag, @Nullable Instant lastModified) {
    if (ifNoneMatch != null) {
      return matches(ifNoneMatch, etag);
    }
    if (ifModifiedSince != null && lastModified != null) {
      Instant since = HttpFreshness.httpDate(ifModifiedSince);
      // HTTP dates have whole seconds: compare at that precision (a file's modification time has
      // more, and its own Last-Modified must match it)
      return since != null && lastModified.getEpochSecond() <= since.getEpochSecond();
    }
    return false;
  }

  private static boolean matches(String header, String etag) {
    if (header.equals(etag)) {
      return true; // the common case: the client sends back the one ETag it was given
    }
    String mine = opaque(etag);
    for (String candidate : header.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || opaque(c).equals(mine)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
