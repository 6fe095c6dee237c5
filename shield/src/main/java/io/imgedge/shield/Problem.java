package io.imgedge.shield;

import io.imgedge.transform.TransformException;
import io.imgedge.transform.TransformTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What a failed request answers: an HTTP status, a stable message ID, a message a person can act
 * on, and, for overload, when to retry.
 *
 * @param status the HTTP status
 * @param errorId the stable message ID, e.g. {@code IMGEDGE-0101}
 * @param message the reason, safe to show to the client
 * @param retryAfterSeconds for 503/504, the Retry-After value; 0 for none
 * @param internal whether it is an unexpected failure, logged with its stack trace
 */
public record Problem(
    int status, String errorId, String message, int retryAfterSeconds, boolean internal) {

  /** The request method is not GET or HEAD. */
  public static final Problem METHOD_NOT_ALLOWED =
      new Problem(405, "IMGEDGE-0103", "only GET and HEAD are supported", 0, false);

  /** A signed origin's URL without a valid signature. */
  public static final Problem SIGNATURE_INVALID =
      new Problem(403, "IMGEDGE-0105", "the URL's signature is missing or not valid", 0, false);

  /** A signed URL past its {@code expires} time. */
  public static final Problem SIGNATURE_EXPIRED =
      new Problem(403, "IMGEDGE-0106", "the signed URL has expired", 0, false);

  /** A path and query longer than accepted. */
  public static final Problem URI_TOO_LONG =
      new Problem(414, "IMGEDGE-0104", "the URL is too long", 0, false);

  /** Maps any failure to the problem it describes; unknown failures are a 500. */
  public static Problem of(Throwable failure) {
    Throwable t = unwrap(failure);
    return switch (t) {
      case TransformTimeoutException e ->
          new Problem(e.status(), e.errorId(), e.getMessage(), 1, false);
      case io.imgedge.transform.RenderAbandonedException e ->
          new Problem(e.status(), e.errorId(), e.getMessage(), 1, false);
      case io.imgedge.transform.InsufficientMemoryException e ->
          new Problem(e.status(), e.errorId(), e.getMessage(), 2, false);
      case java.util.concurrent.CancellationException e ->
          new Problem(
              503, "IMGEDGE-0506", "the work was stopped: nobody waits for it any more", 1, false);
      case TransformException e -> new Problem(e.status(), e.errorId(), e.getMessage(), 0, false);
      case OverloadedException e ->
          new Problem(e.status(), e.errorId(), e.getMessage(), e.retryAfterSeconds(), false);
      case TooManyVariantsException e ->
          new Problem(e.status(), e.errorId(), e.getMessage(), e.retryAfterSeconds(), false);
      case ShieldException e -> new Problem(e.status(), e.errorId(), e.getMessage(), 0, false);
      case TimeoutException e ->
          new Problem(
              504, "IMGEDGE-0503", "the image could not be produced in time; try again", 1, false);
      default -> new Problem(500, "IMGEDGE-0500", "internal error", 0, true);
    };
  }

  /** The failure inside completion and execution wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
