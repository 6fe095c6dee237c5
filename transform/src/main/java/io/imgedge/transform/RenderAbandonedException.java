package io.imgedge.transform;

/**
 * Every client that waited for a render has gone (timed out or disconnected), so it was stopped:
 * HTTP 503 should anyone still read it. Never remembered as a verdict on the image.
 */
public final class RenderAbandonedException extends TransformException {
  private static final long serialVersionUID = 1L;

  /**
   * @param where what was about to run
   */
  public RenderAbandonedException(String where) {
    super("the transform was stopped before '" + where + "': nobody waits for it any more");
  }

  @Override
  public int status() {
    return 503;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0506";
  }
}
