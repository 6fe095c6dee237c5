package io.imgedge.transform;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a render must stop: its time is up, or every client that waited for it has gone (it is
 * abandoned). Checked between pipeline steps and, through {@link RenderScope#checkpoint()}, inside
 * the long loops (rows of a resize, blur and sharpen passes, frames of an animation), so that a
 * render nobody waits for stops within a row's time, not after minutes.
 */
public final class Deadline {
  private final long deadlineNanos;
  private final LongSupplier nanoTime;
  private volatile boolean abandoned;

  private Deadline(long deadlineNanos, LongSupplier nanoTime) {
    this.deadlineNanos = deadlineNanos;
    this.nanoTime = nanoTime;
  }

  /** A deadline {@code budget} from now on the {@code nanoTime} clock. */
  public static Deadline after(Duration budget, LongSupplier nanoTime) {
    return new Deadline(nanoTime.getAsLong() + budget.toNanos(), nanoTime);
  }

  /** Marks the render abandoned: the next check stops it. */
  public void abandon() {
    abandoned = true;
  }

  /** Whether the render was abandoned. */
  public boolean abandoned() {
    return abandoned;
  }

  /** Whether the time is up. */
  public boolean passed() {
    return nanoTime.getAsLong() - deadlineNanos > 0;
  }

  /**
   * Stops the render if it must: cheap (a volatile read and a clock read), meant for every row.
   *
   * @param where what was about to run, for the message
   * @throws RenderAbandonedException if nobody waits for it any more
   * @throws TransformTimeoutException if its time is up
   */
  public void check(String where) {
    if (abandoned) {
      throw new RenderAbandonedException(where);
    }
    if (passed()) {
      throw new TransformTimeoutException(where);
    }
  }
}
