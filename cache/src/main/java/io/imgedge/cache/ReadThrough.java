package io.imgedge.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The read-through protocol of a cache tier, written once for every tier (the edge's derivatives,
 * the shield's derivatives, the shield's sources):
 *
 * <ol>
 *   <li>look in the tier: a fresh copy is a {@link Source#HIT};
 *   <li>a stale copy within {@code stale-while-revalidate} is served ({@link Source#STALE}) while
 *       one refresh runs in the background;
 *   <li>a failure remembered moments ago ({@link Policy#remember}) is answered at once;
 *   <li>otherwise one load per key however many callers arrive together (single flight); the flight
 *       looks in the tier again first, so a caller that missed while the last load was being stored
 *       joins its result instead of loading again; the load is handed the stale copy, if any, to
 *       revalidate;
 *   <li>the loaded value is stored if it may be ({@link Freshness#storable()}); one that may not is
 *       handed to the caller that loaded it, the others that joined load their own, all at once,
 *       and the key is marked "pass" for a while so that its next callers load side by side instead
 *       of queueing behind one another;
 *   <li>when the load fails, a stale copy within {@code stale-if-error} (or any stale copy, for
 *       failures {@link Policy#serveAnyStale} names) is served instead ({@link Source#STALE}).
 * </ol>
 *
 * <p>A tier may have a {@link LowerTier} below its memory (the disk): when memory holds nothing for
 * a key, the protocol looks there first, and a copy found there is put back in memory and judged
 * like one memory held (fresh, within a stale window, or the stale copy a load revalidates). What
 * memory keeps is also stored below, and every purge reaches both. A lower tier that fails or is
 * slow only ever answers "nothing here".
 *
 * <p>A caller can see held values through a {@code view} (e.g. the shield's derivatives are as
 * fresh as their source, not as when they were rendered). Time comes from the injected clock only.
 * A caller that gives up cancels its future; the load goes on while anyone else waits, and is
 * cancelled when nobody does ({@link Policy#cancelAbandoned()}).
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class ReadThrough<K, V extends Cacheable> {
  private static final Duration PASS_MEMORY = Duration.ofMinutes(2);

  /** Where a value came from. */
  public enum Source {
    /** A fresh copy this tier held. */
    HIT,
    /** A stale copy this tier held, served within a stale window. */
    STALE,
    /**
     * Loaded from the next tier for this call (or for a flight it joined); it may itself be stale.
     */
    MISS
  }

  /**
   * A value and where it came from.
   *
   * @param value the value
   * @param source where it came from
   */
  public record Result<V>(V value, Source source) {}

  /** Loads from the next tier. */
  @FunctionalInterface
  public interface Loader<K, V> {
    /**
     * Loads a value.
     *
     * @param key the key
     * @param stale the copy this tier holds, to revalidate (e.g. with a conditional request), or
     *     null
     */
    CompletableFuture<V> load(K key, @Nullable V stale);
  }

  /**
   * What a tier remembers of failures and when it may serve stale copies.
   *
   * @param remember how long a failure is remembered and answered at once ({@link Duration#ZERO}:
   *     not remembered), e.g. a 404 for a few seconds
   * @param serveAnyStale failures for which any stale copy still held is served, beyond {@code
   *     stale-if-error} (e.g. every shield down, with {@code shield.fallback: stale})
   * @param maxRemembered the most failures remembered at once
   * @param keep which loaded values (that may be stored at all) this tier keeps; others are
   *     answered and shared with the callers that joined, but not kept (e.g. a stand-in)
   * @param staleWhileRevalidate whether a copy within {@code stale-while-revalidate} is served
   *     while it is refreshed (false for a tier behind another that already does so: the shield's
   *     sources are revalidated before a refresh the edge asked for is answered)
   * @param cancelAbandoned whether a load every caller has given up on is cancelled (true: a render
   *     nobody waits for stops; false: a fetch worth keeping runs to its end)
   */
  public record Policy<V>(
      Function<Throwable, Duration> remember,
      java.util.function.Predicate<Throwable> serveAnyStale,
      long maxRemembered,
      java.util.function.Predicate<V> keep,
      boolean staleWhileRevalidate,
      boolean cancelAbandoned) {

    /**
     * A policy that keeps every storable value, serves stale while revalidating and cancels loads
     * nobody waits for.
     */
    public Policy(
        Function<Throwable, Duration> remember,
        java.util.function.Predicate<Throwable> serveAnyStale,
        long maxRemembered) {
      this(remember, serveAnyStale, maxRemembered, v -> true, true, true);
    }

    /** The same policy without serving stale copies while revalidating. */
    public Policy<V> revalidatingFirst() {
      return new Policy<>(remember, serveAnyStale, maxRemembered, keep, false, cancelAbandoned);
    }

    /** The same policy keeping only the loaded values {@code keep} accepts. */
    public Policy<V> keeping(java.util.function.Predicate<V> keep) {
      return new Policy<>(
          remember, serveAnyStale, maxRemembered, keep, staleWhileRevalidate, cancelAbandoned);
    }

    /** The same policy letting loads run to their end when every caller has given up. */
    public Policy<V> finishingAbandonedLoads() {
      return new Policy<>(
          remember, serveAnyStale, maxRemembered, keep, staleWhileRevalidate, false);
    }

    /** Remembers no failure, serves stale copies only within their windows, keeps what it may. */
    public static <V> Policy<V> plain() {
      return new Policy<>(e -> Duration.ZERO, e -> false, 10_000);
    }
  }

  private final LocalTier<K, V> tier;
  private final LowerTier<K, V> lower;
  private final Clock clock;
  private final Policy<V> policy;
  private final SingleFlight<K, V> flights;
  private final Cache<K, Boolean> passes;
  private final Cache<K, Remembered> failures;

  private record Remembered(Throwable failure, Duration lifetime) {}

  /**
   * @param tier where values are kept
   * @param clock the wall clock freshness is judged on (a fake one in tests)
   * @param policy what failures are remembered and when stale copies are served
   */
  public ReadThrough(LocalTier<K, V> tier, Clock clock, Policy<V> policy) {
    this(tier, LowerTier.none(), clock, policy);
  }

  /**
   * @param tier where values are kept in memory
   * @param lower the tier below memory (the disk), looked in when memory holds nothing for a key
   *     and given what memory keeps
   * @param clock the wall clock freshness is judged on (a fake one in tests)
   * @param policy what failures are remembered and when stale copies are served
   */
  public ReadThrough(LocalTier<K, V> tier, LowerTier<K, V> lower, Clock clock, Policy<V> policy) {
    this.tier = tier;
    this.lower = lower;
    this.clock = clock;
    this.policy = policy;
    this.flights = new SingleFlight<>(policy.cancelAbandoned());
    com.github.benmanes.caffeine.cache.Ticker ticker = () -> clock.millis() * 1_000_000L;
    this.passes =
        Caffeine.newBuilder()
            .maximumSize(policy.maxRemembered())
            .ticker(ticker)
            .expireAfterWrite(PASS_MEMORY)
            .build();
    this.failures =
        Caffeine.newBuilder()
            .maximumSize(policy.maxRemembered())
            .ticker(ticker)
            .expireAfter(Expiry.creating((K k, Remembered r) -> r.lifetime()))
            .build();
  }

  /**
   * A fresh copy held now, or null: never waits, never loads (so it may run on an IO thread).
   * Counts as this request's look in the tier (a hit or a miss).
   */
  public @Nullable V fresh(K key) {
    V held = tier.getIfPresent(key);
    return held != null && held.freshness().isFresh(clock.instant()) ? held : null;
  }

  /**
   * A fresh copy held now, counted as a hit; null, counted as nothing, when there is none (for a
   * caller that hands a miss to another path, which counts its own look). One look in the tier,
   * which the tier's eviction policy sees as an access.
   */
  public @Nullable V freshIfHeld(K key) {
    V held = tier.peek(key);
    if (held != null && held.freshness().isFresh(clock.instant())) {
      tier.countHit();
      return held;
    }
    return null;
  }

  /** As {@link #fresh}, without counting: for a request that has looked already. */
  public @Nullable V peekFresh(K key) {
    V held = tier.peek(key);
    return held != null && held.freshness().isFresh(clock.instant()) ? held : null;
  }

  /** The value for a key, by the protocol above. */
  public CompletableFuture<Result<V>> get(K key, Loader<K, V> loader) {
    return get(key, UnaryOperator.identity(), loader);
  }

  /**
   * As {@link #get(Object, Loader)}, for a request that has looked in the tier already (with {@link
   * #fresh}): its looks here are not counted again.
   */
  public CompletableFuture<Result<V>> getAfterLookup(K key, Loader<K, V> loader) {
    return get(key, UnaryOperator.identity(), loader, false);
  }

  /**
   * The value for a key, by the protocol above, seeing held values through {@code view} (which
   * returns null for a held value that is no use to this caller).
   */
  public CompletableFuture<Result<V>> get(K key, UnaryOperator<V> view, Loader<K, V> loader) {
    return get(key, view, loader, true);
  }

  private CompletableFuture<Result<V>> get(
      K key, UnaryOperator<V> view, Loader<K, V> loader, boolean counted) {
    V stored = counted ? tier.getIfPresent(key) : tier.peek(key);
    if (stored != null) {
      return decide(key, view, loader, view.apply(stored));
    }
    CompletableFuture<@Nullable V> below = below(key);
    if (below.isDone()) { // nothing below, or known at once: no hop to another thread
      return decide(key, view, loader, viewed(view, below.join()));
    }
    return Futures.<@Nullable V, Result<V>>composeCancelling(
        below, found -> decide(key, view, loader, viewed(view, found)));
  }

  /** The protocol's decision on what this tier holds for a key ({@code held}, or null). */
  private CompletableFuture<Result<V>> decide(
      K key, UnaryOperator<V> view, Loader<K, V> loader, @Nullable V held) {
    if (held != null && held.freshness().isFresh(clock.instant())) {
      return done(held, Source.HIT);
    }
    if (held != null
        && policy.staleWhileRevalidate()
        && held.freshness().inStaleWhileRevalidate(clock.instant())) {
      load(key, view, loader, held); // the refresh runs on; this caller is answered now
      return done(held, Source.STALE);
    }
    Remembered failed = failures.getIfPresent(key);
    if (failed != null) {
      return CompletableFuture.failedFuture(failed.failure());
    }
    CompletableFuture<V> loading = load(key, view, loader, held);
    return Futures.cancelling(
        loading,
        loading.handle(
            (value, error) -> {
              if (error == null) {
                return new Result<>(value, Source.MISS);
              }
              Throwable cause = unwrap(error);
              if (held != null
                  && (held.freshness().inStaleIfError(clock.instant())
                      || policy.serveAnyStale().test(cause))) {
                return new Result<>(held, Source.STALE);
              }
              throw error instanceof CompletionException c ? c : new CompletionException(cause);
            }));
  }

  /** Whether a copy held now is stale but would be served within {@code stale-while-revalidate}. */
  public boolean heldWithinStaleWhileRevalidate(K key) {
    V held = tier.peek(key);
    return held != null
        && policy.staleWhileRevalidate()
        && held.freshness().inStaleWhileRevalidate(clock.instant());
  }

  /**
   * Loads and stores, once per key however many callers arrive together (the flight part of the
   * protocol alone: no stale copy is served, no remembered failure answered).
   */
  public CompletableFuture<V> load(K key, Loader<K, V> loader) {
    V held = tier.peek(key);
    if (held != null) {
      return load(key, UnaryOperator.identity(), loader, held);
    }
    return Futures.<@Nullable V, V>composeCancelling(
        below(key),
        found ->
            found != null && found.freshness().isFresh(clock.instant())
                ? CompletableFuture.<V>completedFuture(found)
                : load(key, UnaryOperator.identity(), loader, found));
  }

  /**
   * What the lower tier holds for a key that memory does not (put back in memory when found), or
   * null; never fails.
   */
  private CompletableFuture<@Nullable V> below(K key) {
    CompletableFuture<@Nullable V> found = lower.get(key);
    if (found.isDone() && !found.isCompletedExceptionally() && found.getNow(null) == null) {
      return found;
    }
    return found
        .exceptionally(e -> null)
        .thenApply(
            value -> {
              if (value != null && tier.peek(key) == null) {
                tier.put(key, value);
              }
              return value;
            });
  }

  private static <V> @Nullable V viewed(UnaryOperator<V> view, @Nullable V value) {
    return value == null ? null : view.apply(value);
  }

  /**
   * Loads once per key however many callers arrive together, looking in the tier again first; a
   * value that may not be stored is not shared (each follower loads its own).
   */
  private CompletableFuture<V> load(
      K key, UnaryOperator<V> view, Loader<K, V> loader, @Nullable V held) {
    if (passes.getIfPresent(key) != null) {
      return loader.load(key, null);
    }
    SingleFlight.Flight<V> flight =
        flights.join(
            key,
            () -> {
              V justStored = held(key, view);
              if (justStored != null && justStored.freshness().isFresh(clock.instant())) {
                return CompletableFuture.completedFuture(justStored);
              }
              Remembered failed = failures.getIfPresent(key);
              if (failed != null) {
                return CompletableFuture.failedFuture(failed.failure());
              }
              CompletableFuture<V> loaded = loader.load(key, held);
              // The flight ends only once the value is stored: a caller that misses after it ended
              // finds
              // the value on its look-again instead of loading a second time. Cancelling the
              // flight's
              // work still reaches the loader.
              return Futures.cancelling(
                  loaded, loaded.whenComplete((value, error) -> keep(key, value, error)));
            });
    return flight.leader()
        ? flight.result()
        : Futures.cancelling(
            flight.result(),
            flight
                .result()
                .thenCompose(
                    value ->
                        value.freshness().storable()
                            ? CompletableFuture.completedFuture(value)
                            : loader.load(key, null)));
  }

  /** Stores a loaded value (or marks its key "pass"), or remembers a failure the policy names. */
  private void keep(K key, @Nullable V value, @Nullable Throwable error) {
    if (error != null) {
      Duration lifetime = policy.remember().apply(unwrap(error));
      if (lifetime.isPositive()) {
        failures.put(key, new Remembered(unwrap(error), lifetime));
      }
      return;
    }
    if (value == null) {
      return;
    }
    if (value.freshness().storable()) {
      if (policy.keep().test(value)) {
        tier.put(key, value);
        lower.put(key, value);
      }
    } else {
      passes.put(key, Boolean.TRUE);
      tier.invalidate(key);
      lower.remove(key);
    }
  }

  /** A second look within a request (the flight's look-again): not counted. */
  private @Nullable V held(K key, UnaryOperator<V> view) {
    V held = tier.peek(key);
    return held == null ? null : view.apply(held);
  }

  /** Stores a value, replacing what is held (e.g. one rendered elsewhere), in memory and below. */
  public void put(K key, V value) {
    tier.put(key, value);
    if (value.freshness().storable()) {
      lower.put(key, value);
    }
  }

  /**
   * Forgets a key: its value (below memory first, so that a look below cannot bring it back), its
   * remembered failure and its "pass" mark.
   */
  public void invalidate(K key) {
    lower.remove(key);
    tier.invalidate(key);
    passes.invalidate(key);
    failures.invalidate(key);
  }

  /**
   * Forgets every key that matches: its value, its remembered failure, its "pass" mark (a purge by
   * source); returns how many values were held.
   */
  public int invalidateKeys(java.util.function.Predicate<K> matches) {
    lower.removeIf(matches);
    passes.asMap().keySet().removeIf(matches);
    failures.asMap().keySet().removeIf(matches);
    return tier.removeIf((k, v) -> matches.test(k));
  }

  /**
   * Forgets every key of a group of the tier's index (a purge by source: its derivatives, found
   * through the index), with their remembered failures and "pass" marks; returns how many values
   * were held.
   */
  public int invalidateGroup(Object group) {
    lower.removeGroup(group);
    passes.asMap().keySet().removeIf(k -> Groups.matches(tier.groupOf(k), group));
    failures.asMap().keySet().removeIf(k -> Groups.matches(tier.groupOf(k), group));
    return tier.invalidateGroup(group);
  }

  /**
   * Forgets every value carrying a surrogate key ({@link Cacheable#surrogateKeys()}), below memory
   * and in it; returns how many memory held.
   */
  public int invalidateSurrogateKey(String surrogateKey) {
    lower.removeSurrogateKey(surrogateKey);
    return tier.removeIf((k, v) -> v.surrogateKeys().contains(surrogateKey));
  }

  /** Forgets everything. */
  public void invalidateAll() {
    lower.clear();
    tier.invalidateAll();
    passes.invalidateAll();
    failures.invalidateAll();
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  private static <V> CompletableFuture<Result<V>> done(V value, Source source) {
    return CompletableFuture.completedFuture(new Result<>(value, source));
  }
}
