package io.imgedge.transform.codec.avif;

/**
 * A libavif call failed, or the binding refused the input before handing it to libavif (a size over
 * the caller's limit, an impossible header). The message names the call, libavif's result text
 * ({@code avifResultToString}) and its diagnostic detail when there is one.
 */
public final class AvifException extends Exception {
  /** {@link #result()} when the binding itself refused, not libavif. */
  public static final int REFUSED = -1;

  private static final long serialVersionUID = 1L;

  /** {@code AVIF_RESULT_UNSUPPORTED_DEPTH}. */
  private static final int UNSUPPORTED_DEPTH = 6;

  /** {@code AVIF_RESULT_NO_CODEC_AVAILABLE}. */
  private static final int NO_CODEC_AVAILABLE = 15;

  /** {@code AVIF_RESULT_NOT_IMPLEMENTED}. */
  private static final int NOT_IMPLEMENTED = 25;

  private final int result;
  private final boolean tooLarge;

  AvifException(String message, int result, boolean tooLarge) {
    super(message);
    this.result = result;
    this.tooLarge = tooLarge;
  }

  /** A refusal by the binding: the image is larger than the caller allows. */
  static AvifException tooLarge(String message) {
    return new AvifException(message, REFUSED, true);
  }

  /** A refusal by the binding: the header cannot describe a real image. */
  static AvifException invalid(String message) {
    return new AvifException(message, REFUSED, false);
  }

  /** libavif's {@code avifResult} code, or {@link #REFUSED}. */
  public int result() {
    return result;
  }

  /** Whether the image was refused for its size (more pixels than allowed), before decoding. */
  public boolean tooLarge() {
    return tooLarge;
  }

  /**
   * Whether the data is valid AVIF as far as libavif can tell but uses something it cannot decode
   * (a bit depth, a codec that is not built in, a feature not implemented), rather than being
   * corrupt or truncated.
   */
  public boolean unsupported() {
    return result == UNSUPPORTED_DEPTH || result == NO_CODEC_AVAILABLE || result == NOT_IMPLEMENTED;
  }
}
