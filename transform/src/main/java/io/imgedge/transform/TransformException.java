package io.imgedge.transform;

import java.util.Objects;

/**
 * A transform could not be done. Each subtype carries its HTTP status, a stable message ID and a
 * public message that tells the client what to change; none of them is ever cached as a success.
 */
public abstract sealed class TransformException extends RuntimeException
    permits InvalidParameterException,
        UnsupportedImageException,
        InvalidImageException,
        ImageTooLargeException,
        TransformTimeoutException,
        RenderAbandonedException,
        InsufficientMemoryException {
  private static final long serialVersionUID = 1L;

  TransformException(String message, Throwable cause) {
    super(message, cause);
  }

  TransformException(String message) {
    super(message);
  }

  /** The HTTP status that describes this failure. */
  public abstract int status();

  /** A stable ID for the kind of failure, e.g. {@code IMGEDGE-0101}; documented in the README. */
  public abstract String errorId();

  /** The public message; every constructor takes one. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "constructed with a message");
  }
}
