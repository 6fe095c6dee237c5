package io.imgedge.cache.disk;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Whether a disk tier is on, and the counts of faults in a row that turn it off: {@value
 * #OFF_AFTER} IO errors or operations slower than the tier's timeout in a row, {@value
 * #FULL_OFF_AFTER} disk-full failures in a row (each of which shrinks the tier first), or at once a
 * read-only file system or a permission error. Once off, a tier stays off until the node restarts;
 * the node goes on from memory and the origins.
 */
final class Health {
  private static final Logger LOG = System.getLogger(DiskStore.class.getName());

  /** IO errors, or operations slower than the timeout, in a row that turn the tier off. */
  static final int OFF_AFTER = 8;

  /** Disk-full failures in a row (each shrinking the tier) that turn it off. */
  static final int FULL_OFF_AFTER = 3;

  private final String tier;
  private final long slowNanos;
  private final DiskMetrics metrics;
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger slow = new AtomicInteger();
  private final AtomicInteger full = new AtomicInteger();
  private volatile @Nullable String offReason;

  Health(String tier, Duration slow, DiskMetrics metrics) {
    this.tier = tier;
    this.slowNanos = slow.toNanos();
    this.metrics = metrics;
  }

  /** Whether the tier is on. */
  boolean on() {
    return offReason == null;
  }

  /** Why the tier is off, or null. */
  @Nullable String offReason() {
    return offReason;
  }

  /** An operation that succeeded in {@code nanos}: slow ones count towards turning off. */
  void succeeded(long nanos) {
    errors.set(0);
    if (nanos <= slowNanos) {
      slow.set(0);
      return;
    }
    metrics.error("slow");
    if (slow.incrementAndGet() >= OFF_AFTER) {
      off(
          "the disk was slower than cache.disk.timeout ("
              + Duration.ofNanos(slowNanos).toMillis()
              + " ms) "
              + OFF_AFTER
              + " times in a row");
    }
  }

  /** A write that succeeded: the disk is not full (any more). */
  void wrote() {
    full.set(0);
  }

  /** A failed operation: counts it by kind, and turns the tier off if it must. */
  void failed(String operation, IOException e, Fault fault) {
    metrics.error(fault.tag());
    switch (fault) {
      case READ_ONLY, PERMISSION ->
          off("cannot " + operation + " (" + fault.tag() + "): " + e.getMessage());
      case IO -> {
        if (errors.incrementAndGet() >= OFF_AFTER) {
          off(OFF_AFTER + " IO errors in a row, the last on " + operation + ": " + e.getMessage());
        }
      }
      case FULL -> {
        // counted by fullInARow(), which the tier asks before shrinking
      }
    }
  }

  /** One more disk-full failure; returns how many in a row. */
  int fullInARow() {
    return full.incrementAndGet();
  }

  /** Turns the tier off (once), with a warning. */
  synchronized void off(String why) {
    if (offReason != null) {
      return;
    }
    offReason = why;
    LOG.log(
        Level.WARNING,
        "disk tier '"
            + tier
            + "' is off: "
            + why
            + "; the node goes on from memory and the origins (restart it to try the disk again)");
  }
}
