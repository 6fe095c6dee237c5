package io.imgedge.edge.app;

/**
 * A node could not start for a reason an operator can fix (a port in use, an address that is not
 * this machine's): said in one line that names the setting to change, without a stack trace.
 */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and which setting chooses it
   */
  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
