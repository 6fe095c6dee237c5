package io.imgedge.transform;

/**
 * The source exceeds a limit (bytes, dimensions, frames, decompressed metadata), found from its
 * header before any decoding: HTTP 422.
 */
public final class ImageTooLargeException extends TransformException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which limit was exceeded and by how much, for the client
   */
  public ImageTooLargeException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 422;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0204";
  }
}
