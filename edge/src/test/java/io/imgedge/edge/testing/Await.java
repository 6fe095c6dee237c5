package io.imgedge.edge.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for an effect of background work (a refresh landing, a purge travelling the cluster, a line
 * in a log) by checking for it, up to a deadline: the test goes on the moment it holds, and a
 * deadline passed is a failure that says what was awaited. Tests never wait for time to pass this
 * way; they advance a {@code FakeClock}.
 */
public final class Await {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

  private Await() {}

  /** Returns once {@code condition} holds; fails after 10 seconds. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + DEADLINE.toSeconds() + " s, and still not: " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
