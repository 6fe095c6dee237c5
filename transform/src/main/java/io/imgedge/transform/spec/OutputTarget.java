package io.imgedge.transform.spec;

/**
 * What the output format will be, once {@code format=} and {@code auto=} have been resolved against
 * the client's {@code Accept} header, but before the source is known. Its {@link #token()} is part
 * of the cache key (with, for {@link #AUTO}, the formats the client accepts: see {@link
 * FormatNegotiation.Negotiated#token()}); the concrete format follows deterministically from the
 * source.
 */
public enum OutputTarget {
  /** No format asked for: the source's own format (PNG for sources imgedge cannot write). */
  SOURCE("source"),
  /**
   * {@code format=auto}: chosen per image among the formats the client accepts (AVIF, JPEG XL,
   * WebP; a client with none of them gets JPEG, or PNG when the image has alpha).
   */
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
  WEBP_LOSSY("webply"),
  /** {@code format=avif}, or AVIF chosen by {@code auto=avif}. */
  AVIF("avif"),
  /** {@code format=jxl} ({@code jpegxl}): JPEG XL, lossless at {@code quality=100}. */
  JXL("jxl"),
  /** {@code format=pjxl} ({@code pjpegxl}): JPEG XL encoded for progressive display. */
  PROGRESSIVE_JXL("pjxl"),
  /**
   * {@code format=mp4}: H.264 in MP4, for animated sources (a still one is served in its own
   * format).
   */
  MP4("mp4");

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
