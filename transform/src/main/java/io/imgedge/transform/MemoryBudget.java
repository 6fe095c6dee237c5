package io.imgedge.transform;

/**
 * The memory renders may hold at once, shared by all of a node's renders as a weighted semaphore in
 * bytes (libvips accounts for its memory the same way): a render takes its estimated peak ({@link
 * RenderCost}) before it decodes anything and gives it back when done, so a few large renders wait
 * for each other instead of running the node out of memory together. A render that waits checks its
 * {@link Deadline}, so an abandoned one leaves the line.
 */
public final class MemoryBudget {
  private static final long WAIT_SLICE_MILLIS = 50;

  private final long totalBytes;
  private long takenBytes;

  /**
   * @param totalBytes what all renders may hold together
   */
  public MemoryBudget(long totalBytes) {
    if (totalBytes <= 0) {
      throw new IllegalArgumentException("a memory budget needs some bytes: " + totalBytes);
    }
    this.totalBytes = totalBytes;
  }

  /** A budget so large it never makes a render wait (tests and tools). */
  public static MemoryBudget unlimited() {
    return new MemoryBudget(Long.MAX_VALUE / 2);
  }

  /** The whole budget. */
  public long totalBytes() {
    return totalBytes;
  }

  /** What renders hold now. */
  public synchronized long takenBytes() {
    return takenBytes;
  }

  /**
   * Takes {@code bytes} (at most the whole budget), waiting while others hold too much; returns
   * what was taken, to be given back with {@link #release}.
   *
   * @throws TransformTimeoutException if the render's time is up while it waits
   * @throws RenderAbandonedException if nobody waits for the render any more
   */
  public synchronized long acquire(long bytes, Deadline deadline) {
    long want = Math.min(Math.max(0, bytes), totalBytes);
    while (takenBytes + want > totalBytes) {
      deadline.check("waiting for memory");
      try {
        wait(WAIT_SLICE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RenderAbandonedException("waiting for memory");
      }
    }
    takenBytes += want;
    return want;
  }

  /** Gives back what {@link #acquire} took. */
  public synchronized void release(long bytes) {
    takenBytes = Math.max(0, takenBytes - bytes);
    notifyAll();
  }

  @Override
  public String toString() {
    return "MemoryBudget[" + takenBytes() + " of " + totalBytes + " bytes]";
  }
}
