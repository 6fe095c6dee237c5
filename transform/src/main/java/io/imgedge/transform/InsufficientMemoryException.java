package io.imgedge.transform;

/**
 * The node ran out of memory during a render: HTTP 503 with Retry-After, never cached, never a
 * verdict on the image (the same request may well succeed a moment later, with less going on).
 */
public final class InsufficientMemoryException extends TransformException {
  private static final long serialVersionUID = 1L;

  /**
   * @param cause the error the JVM or a decoder raised
   */
  public InsufficientMemoryException(Throwable cause) {
    super("the node ran out of memory while rendering; try again in a moment", cause);
  }

  @Override
  public int status() {
    return 503;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0507";
  }

  /** Whether a failure was caused, anywhere in its chain, by running out of memory. */
  public static boolean causedBy(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (e instanceof OutOfMemoryError) {
        return true;
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return false;
  }
}
