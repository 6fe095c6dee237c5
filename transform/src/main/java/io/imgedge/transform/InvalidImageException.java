package io.imgedge.transform;

/** The source claims a supported format but is corrupt or truncated: HTTP 422. */
public final class InvalidImageException extends TransformException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the image, for the client
   */
  public InvalidImageException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong with the image, for the client; the cause is logged only
   */
  public InvalidImageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 422;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0203";
  }
}
