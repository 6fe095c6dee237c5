package io.imgedge.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collapses concurrent requests for one key into one piece of work: while a call for a key is in
 * flight, further calls join it. Nothing is kept once it completes, successfully or not, so a
 * failure is never replayed to later callers.
 *
 * <p>Each caller gets a future of its own. A caller that no longer wants the result cancels it and
 * leaves the flight; the work keeps running while anyone else waits, and when the last caller has
 * left before it completed, the work's future is cancelled too (if this flight is made to {@link
 * #SingleFlight(boolean) cancel abandoned work}), so that work nobody waits for stops.
 *
 * @param <K> the key
 * @param <V> the result
 */
public final class SingleFlight<K, V> {
  private final ConcurrentHashMap<K, Shared<V>> inFlight = new ConcurrentHashMap<>();
  private final boolean cancelAbandoned;

  /** A flight that cancels work every caller has left. */
  public SingleFlight() {
    this(true);
  }

  /**
   * @param cancelAbandoned whether work every caller has left is cancelled (false: it runs to its
   *     end, e.g. a fetch whose result is worth keeping anyway)
   */
  public SingleFlight(boolean cancelAbandoned) {
    this.cancelAbandoned = cancelAbandoned;
  }

  /**
   * One caller's part in a flight.
   *
   * @param result this caller's future of the flight's result; cancelling it leaves the flight
   * @param leader whether this caller started the work (the others joined it)
   */
  public record Flight<V>(CompletableFuture<V> result, boolean leader) {}

  /**
   * Runs {@code work} for the key unless a call for it is already in flight, which is then joined.
   */
  public CompletableFuture<V> run(K key, Supplier<CompletableFuture<V>> work) {
    return join(key, work).result();
  }

  /**
   * Like {@link #run}, saying whether this caller leads: a follower that must not share the
   * leader's result (e.g. an uncacheable, private answer) can then make its own call.
   */
  public Flight<V> join(K key, Supplier<CompletableFuture<V>> work) {
    while (true) {
      Shared<V> mine = new Shared<>();
      Shared<V> existing = inFlight.putIfAbsent(key, mine);
      if (existing == null) {
        start(key, mine, work);
        return new Flight<>(mine.view(), true);
      }
      if (existing.join()) {
        return new Flight<>(existing.view(), false);
      }
      inFlight.remove(key, existing); // completed and about to go: start afresh
    }
  }

  private void start(K key, Shared<V> shared, Supplier<CompletableFuture<V>> work) {
    CompletableFuture<V> started;
    try {
      started = work.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    shared.started(started);
    started.whenComplete(
        (value, error) -> {
          inFlight.remove(key, shared);
          if (error != null) {
            shared.outcome.completeExceptionally(error);
          } else {
            shared.outcome.complete(value);
          }
        });
  }

  /** How many keys are in flight now. */
  public int inFlight() {
    return inFlight.size();
  }

  /** One flight: its outcome, its work, and how many callers still wait for it. */
  private final class Shared<T> {
    final CompletableFuture<T> outcome = new CompletableFuture<>();
    private @Nullable CompletableFuture<T> started;
    private int callers = 1;

    /** Joins unless it is done; false if it is. */
    synchronized boolean join() {
      if (outcome.isDone() || callers == 0) {
        return false;
      }
      callers++;
      return true;
    }

    synchronized void started(CompletableFuture<T> work) {
      started = work;
      if (callers == 0 && cancelAbandoned) {
        work.cancel(true);
      }
    }

    synchronized void leave() {
      callers--;
      if (callers == 0 && !outcome.isDone() && cancelAbandoned && started != null) {
        started.cancel(true);
      }
    }

    /** A caller's own future of the outcome: cancelling it leaves the flight. */
    CompletableFuture<T> view() {
      CompletableFuture<T> view =
          new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
              boolean cancelled = super.cancel(mayInterruptIfRunning);
              if (cancelled) {
                leave();
              }
              return cancelled;
            }
          };
      outcome.whenComplete(
          (value, error) -> {
            if (error != null) {
              view.completeExceptionally(error);
            } else {
              view.complete(value);
            }
          });
      return view;
    }
  }
}
