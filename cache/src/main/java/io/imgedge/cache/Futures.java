package io.imgedge.cache;

import java.util.concurrent.CompletableFuture;

/**
 * Carries cancellation upstream, which {@link CompletableFuture} does not: cancelling a dependent
 * future (e.g. made by {@code thenApply}) leaves the future it depends on running. Linked with
 * {@link #cancelling}, a caller that gives up (a client gone, a deadline passed) cancels the whole
 * chain back to the work, which {@link SingleFlight} then stops once nobody else waits for it.
 */
public final class Futures {
  private Futures() {}

  /**
   * Returns {@code downstream}, made so that cancelling it cancels {@code upstream}.
   *
   * @param upstream the future {@code downstream} was made from
   * @param downstream a future depending on it
   */
  public static <T, U> CompletableFuture<U> cancelling(
      CompletableFuture<T> upstream, CompletableFuture<U> downstream) {
    downstream.whenComplete(
        (value, error) -> {
          if (downstream.isCancelled()) {
            upstream.cancel(true);
          }
        });
    return downstream;
  }
}
