package io.imgedge.transform;

/** The transform ran past its deadline and was abandoned between two steps: HTTP 503. */
public final class TransformTimeoutException extends TransformException {
  private static final long serialVersionUID = 1L;

  /**
   * @param step the step that was about to run
   */
  public TransformTimeoutException(String step) {
    super("the transform ran out of time before step '" + step + "'; try again later");
  }

  @Override
  public int status() {
    return 503;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0501";
  }
}
