package io.imgedge.shield;

import java.util.Objects;

/**
 * The shield could not produce a source or a derivative for reasons other than the image itself
 * (those are {@link io.imgedge.transform.TransformException}s). Carries its HTTP meaning.
 */
public abstract sealed class ShieldException extends RuntimeException
    permits OriginException, OverloadedException, RemoteException, TooManyVariantsException {
  private static final long serialVersionUID = 1L;

  ShieldException(String message, Throwable cause) {
    super(message, cause);
  }

  ShieldException(String message) {
    super(message);
  }

  /** The HTTP status that describes this failure. */
  public abstract int status();

  /** A stable ID for the kind of failure, documented in the README. */
  public abstract String errorId();

  /** The public message; every constructor takes one. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "constructed with a message");
  }
}
