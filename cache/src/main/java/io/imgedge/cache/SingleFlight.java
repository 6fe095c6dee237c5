package io.imgedge.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Collapses concurrent requests for one key into one piece of work: while a call for a key is in
 * flight, further calls get the same future. Nothing is kept once it completes, successfully or
 * not, so a failure is never replayed to later callers.
 *
 * @param <K> the key
 * @param <V> the result
 */
public final class SingleFlight<K, V> {
  private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

  /**
   * One caller's part in a flight.
   *
   * @param result the flight's result
   * @param leader whether this caller started the work (the others joined it)
   */
  public record Flight<V>(CompletableFuture<V> result, boolean leader) {}

  /**
   * Runs {@code work} for the key unless a call for it is already in flight, whose future is then
   * returned instead.
   */
  public CompletableFuture<V> run(K key, Supplier<CompletableFuture<V>> work) {
    return join(key, work).result();
  }

  /**
   * Like {@link #run}, saying whether this caller leads: a follower that must not share the
   * leader's result (e.g. an uncacheable, private answer) can then make its own call.
   */
  public Flight<V> join(K key, Supplier<CompletableFuture<V>> work) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing = inFlight.putIfAbsent(key, mine);
    if (existing != null) {
      return new Flight<>(existing, false);
    }
    CompletableFuture<V> started;
    try {
      started = work.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete((value, error) -> {
      inFlight.remove(key, mine);
      if (error != null) {
        mine.completeExceptionally(error);
      } else {
        mine.complete(value);
      }
    });
    return new Flight<>(mine, true);
  }

  /** How many keys are in flight now. */
  public int inFlight() {
    return inFlight.size();
  }
}
