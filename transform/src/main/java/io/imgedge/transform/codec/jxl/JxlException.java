package io.imgedge.transform.codec.jxl;

/**
 * A libjxl call failed, or the input was refused before libjxl decoded it. The {@link #kind()} says
 * which, so that a caller can answer "corrupt", "too large" or "unsupported" differently.
 */
public final class JxlException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a call failed. */
  public enum Kind {
    /** The data is not a valid JPEG XL image (libjxl returned an error). */
    INVALID,
    /** The data ends before the image does. */
    TRUNCATED,
    /** The image has more pixels than the caller allows (found from the header). */
    TOO_LARGE,
    /** A valid image that this binding does not decode. */
    UNSUPPORTED,
    /** The encoder failed. */
    ENCODER
  }

  private final Kind kind;

  JxlException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Why the call failed. */
  public Kind kind() {
    return kind;
  }
}
