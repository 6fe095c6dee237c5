package io.imgedge.shield;

/**
 * Too many different new derivatives of one source were asked for in the current minute: 429 with
 * {@code Retry-After}. Derivatives already rendered are still served.
 */
public final class TooManyVariantsException extends ShieldException {
  private static final long serialVersionUID = 1L;

  private final int retryAfterSeconds;

  /**
   * @param limit the per-minute limit
   * @param retryAfterSeconds seconds until the window resets
   */
  public TooManyVariantsException(int limit, int retryAfterSeconds) {
    super(
        "more than %d different versions of this image were requested in the last minute; retry later"
            .formatted(limit));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public int status() {
    return 429;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0505";
  }

  /** Seconds until new variants are accepted again. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
