package io.imgedge.shield;

/**
 * Another node (a shield, or the edge that owns a key) answered with an error: its status, message
 * ID and message, passed on unchanged to the client.
 */
public final class RemoteException extends ShieldException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorId;

  /**
   * @param status the HTTP status the node answered
   * @param errorId its message ID
   * @param message its message
   */
  public RemoteException(int status, String errorId, String message) {
    super(message);
    this.status = status;
    this.errorId = errorId;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public String errorId() {
    return errorId;
  }
}
