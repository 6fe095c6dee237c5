package io.imgedge.transform;

/**
 * The source is not an image imgedge can read (unknown format, unsupported JPEG coding, content
 * that contradicts its declared type): HTTP 415.
 */
public final class UnsupportedImageException extends TransformException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is unsupported, for the client
   */
  public UnsupportedImageException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 415;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0201";
  }
}
