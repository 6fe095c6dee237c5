package io.imgedge.shield;

/** Fetching a source from its origin failed. */
public final class OriginException extends ShieldException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, with its HTTP status and message ID. */
  public enum Kind {
    /** The request path cannot name an image (e.g. it contains {@code ..}): 400. */
    INVALID_PATH(400, "IMGEDGE-0102"),
    /** The origin has no such image (or no origin serves the path): 404. */
    NOT_FOUND(404, "IMGEDGE-0301"),
    /** The origin refused, failed, or answered with an error: 502. */
    UNAVAILABLE(502, "IMGEDGE-0302"),
    /** The origin did not answer in time: 504. */
    TIMEOUT(504, "IMGEDGE-0303"),
    /** The origin (or a redirect) leads to an address imgedge may not fetch from: 403. */
    REFUSED(403, "IMGEDGE-0304");

    private final int status;
    private final String errorId;

    Kind(int status, String errorId) {
      this.status = status;
      this.errorId = errorId;
    }
  }

  private final Kind kind;

  /**
   * @param message for the client: what failed, without internal addresses
   */
  public OriginException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /**
   * @param message for the client; the cause is logged only
   */
  public OriginException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public int status() {
    return kind.status;
  }

  @Override
  public String errorId() {
    return kind.errorId;
  }
}
