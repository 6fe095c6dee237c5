package io.imgedge.transform.spec;

/**
 * What the output format will be, once {@code format=} and {@code auto=webp} have been resolved
 * against the client's {@code Accept} header, but before the source is known. Its {@link #token()}
 * is part of the cache key; the concrete format follows deterministically from the source.
 */
public enum OutputTarget {
  /** No format asked for: the source's own format (PNG for sources imgedge cannot write). */
  SOURCE("source"),
  /** {@code format=auto} for a client without WebP: JPEG, or PNG when the image has alpha. */
  AUTO("auto"),
  /** {@code format=jpg}: JPEG, baseline or progressive per the service's jpeg-type. */
  JPEG("jpeg"),
  /** {@code format=bjpg}: baseline JPEG. */
  BASELINE_JPEG("bjpeg"),
  /** {@code format=pjpg}: progressive JPEG. */
  PROGRESSIVE_JPEG("pjpeg"),
  /** {@code format=png}. */
  PNG("png"),
  /** {@code format=png8}: PNG with a palette of at most 256 colours. */
  PNG8("png8"),
  /** {@code format=gif}. */
  GIF("gif"),
  /** {@code format=webp}, or WebP chosen by negotiation: lossy. */
  WEBP("webp"),
  /** {@code format=webpll}: lossless WebP. */
  WEBP_LOSSLESS("webpll"),
  /** {@code format=webply}: lossy WebP. */
  WEBP_LOSSY("webply");

  private final String token;

  OutputTarget(String token) {
    this.token = token;
  }

  /** A short, stable name for cache keys and logs. */
  public String token() {
    return token;
  }

  /** The target with this {@link #token()}, or null. */
  public static @org.jspecify.annotations.Nullable OutputTarget fromToken(String token) {
    for (OutputTarget t : values()) {
      if (t.token.equals(token)) {
        return t;
      }
    }
    return null;
  }
}
