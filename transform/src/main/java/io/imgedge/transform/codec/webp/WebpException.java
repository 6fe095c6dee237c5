package io.imgedge.transform.codec.webp;

/**
 * A libwebp call failed, or the input was refused before libwebp decoded it. The {@link #kind()}
 * says which, so that a caller can answer "corrupt", "too large", "unsupported" or "out of memory"
 * differently.
 */
public final class WebpException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a call failed. */
  public enum Kind {
    /** The data is not a valid WebP image ({@code VP8_STATUS_BITSTREAM_ERROR} and the like). */
    INVALID,
    /** The data ends before the image does ({@code VP8_STATUS_NOT_ENOUGH_DATA}). */
    TRUNCATED,
    /** The image has more pixels than the caller allows (found from the header). */
    TOO_LARGE,
    /** A valid image that libwebp does not decode ({@code VP8_STATUS_UNSUPPORTED_FEATURE}). */
    UNSUPPORTED,
    /** libwebp could not allocate its memory ({@code VP8_STATUS_OUT_OF_MEMORY}). */
    OUT_OF_MEMORY
  }

  private final Kind kind;

  public WebpException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Why the call failed. */
  public Kind kind() {
    return kind;
  }
}
