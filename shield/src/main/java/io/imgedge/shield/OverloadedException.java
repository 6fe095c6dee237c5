package io.imgedge.shield;

/** Every transform slot and queue place is taken: 503 with {@code Retry-After}; try again soon. */
public final class OverloadedException extends ShieldException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public OverloadedException() {
    super("the image service is busy; retry shortly");
  }

  @Override
  public int status() {
    return 503;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0502";
  }

  /** Seconds the client should wait before retrying. */
  public int retryAfterSeconds() {
    return 1;
  }
}
