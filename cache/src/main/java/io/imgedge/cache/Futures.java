package io.imgedge.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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

  /**
   * {@code first.thenCompose(then)}, made so that cancelling the result cancels {@code first} or,
   * once it has completed, the future {@code then} returned (which {@code thenCompose} alone leaves
   * running).
   */
  public static <T extends @Nullable Object, U> CompletableFuture<U> composeCancelling(
      CompletableFuture<T> first, Function<? super T, CompletableFuture<U>> then) {
    CompletableFuture<U> composed = new CompletableFuture<>();
    AtomicReference<CompletableFuture<U>> second = new AtomicReference<>();
    first.whenComplete(
        (value, error) -> {
          if (error != null) {
            composed.completeExceptionally(error);
            return;
          }
          if (composed.isDone()) {
            return; // cancelled while the first part ran
          }
          CompletableFuture<U> next;
          try {
            next = then.apply(value);
          } catch (RuntimeException e) {
            composed.completeExceptionally(e);
            return;
          }
          second.set(next);
          next.whenComplete(
              (result, failure) -> {
                if (failure != null) {
                  composed.completeExceptionally(failure);
                } else {
                  composed.complete(result);
                }
              });
          if (composed.isCancelled()) {
            next.cancel(true);
          }
        });
    composed.whenComplete(
        (value, error) -> {
          if (composed.isCancelled()) {
            first.cancel(true);
            CompletableFuture<U> next = second.get();
            if (next != null) {
              next.cancel(true);
            }
          }
        });
    return composed;
  }
}
