package io.imgedge.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A node-local cache tier: Caffeine, bounded in bytes, each entry kept while it is fresh or within
 * its stale windows (callers check {@link Freshness} to tell fresh from stale). Concurrent misses
 * for one key share a single load ("applied at most once per key"); a failed load is removed at
 * once, so errors are never cached; a value that may not be stored is handed to everyone waiting
 * for it and then dropped.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class LocalTier<K, V extends Cacheable> {
  private final AsyncCache<K, V> cache;
  private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();
  private final @Nullable KeyGroups<K> groups;

  /**
   * @param name the tier's name, the {@code cache} tag of its metrics
   * @param maxBytes the most bytes held; 0 holds nothing but still coalesces concurrent loads
   * @param ticker the clock expiry is measured on ({@link Ticker#systemTicker()} in production)
   * @param executor where Caffeine runs maintenance and callbacks
   * @param registry where {@code cache.gets}, {@code cache.evictions} and sizes are published
   */
  public LocalTier(
      String name, long maxBytes, Ticker ticker, Executor executor, MeterRegistry registry) {
    this(name, maxBytes, Duration.ZERO, ticker, executor, registry);
  }

  /**
   * A tier that keeps entries {@code keepStale} longer than their freshness and stale windows, so
   * that they can be revalidated with a conditional request instead of fetched again.
   */
  public LocalTier(
      String name,
      long maxBytes,
      Duration keepStale,
      Ticker ticker,
      Executor executor,
      MeterRegistry registry) {
    this(name, maxBytes, keepStale, null, ticker, executor, registry);
  }

  /**
   * A tier whose keys are also indexed by {@code groupOf} (e.g. a derivative's source), so that
   * {@link #invalidateGroup} removes a group's entries without scanning the tier.
   *
   * @param groupOf the group of a key, or null for no index
   */
  public LocalTier(
      String name,
      long maxBytes,
      Duration keepStale,
      @Nullable Function<? super K, ?> groupOf,
      Ticker ticker,
      Executor executor,
      MeterRegistry registry) {
    KeyGroups<K> index = groupOf == null ? null : new KeyGroups<>(groupOf);
    this.groups = index;
    Caffeine<Object, Object> builder = Caffeine.newBuilder();
    if (index != null) {
      // runs atomically with the eviction (size or expiry), before any new put of the key indexes
      // it again
      builder.evictionListener(
          (@Nullable K k, @Nullable V v, RemovalCause cause) -> {
            if (k != null) {
              index.remove(k, key -> false);
            }
          });
    }
    this.cache =
        builder
            .maximumWeight(maxBytes)
            .weigher((K k, V v) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1, v.sizeInBytes())))
            .expireAfter(
                Expiry.writing(
                    (K k, V v) ->
                        v.freshness().storable()
                            ? v.freshness().retention().plus(keepStale)
                            : Duration.ZERO))
            .ticker(ticker)
            .executor(executor)
            .recordStats(() -> stats)
            .buildAsync();
    CaffeineCacheMetrics.monitor(registry, cache, name);
  }

  /**
   * The value for a key, loading it on a miss. Every concurrent caller for the same key gets the
   * same future, and the loader runs once.
   */
  public CompletableFuture<V> get(K key, Function<K, CompletableFuture<V>> loader) {
    CompletableFuture<V> future = cache.get(key, (k, executor) -> loader.apply(k));
    future.thenAccept(
        value -> {
          if (!value.freshness().storable()) {
            cache.asMap().remove(key, future);
            unindex(key);
          } else {
            index(key);
          }
        });
    return future;
  }

  /** A completed value still held (fresh or within a stale window), or null; never waits. */
  public @Nullable V getIfPresent(K key) {
    CompletableFuture<V> future = cache.getIfPresent(key);
    if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
      return null;
    }
    return future.getNow(null);
  }

  /**
   * Counts a hit for a value a caller found with {@link #peek} and answers with: one look that
   * counts as {@link #getIfPresent} would, for a caller that leaves misses to be counted by whoever
   * answers them.
   */
  public void countHit() {
    stats.recordHits(1);
  }

  /**
   * As {@link #getIfPresent}, without counting a hit or a miss: for a second look within one
   * request (each request counts once per tier, or hit ratios are wrong).
   */
  public @Nullable V peek(K key) {
    CompletableFuture<V> future = cache.asMap().get(key);
    if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
      return null;
    }
    return future.getNow(null);
  }

  /** Stores a value (e.g. a refreshed one), replacing what is there. */
  public void put(K key, V value) {
    if (value.freshness().storable()) {
      cache.put(key, CompletableFuture.completedFuture(value));
      index(key);
    }
  }

  /** Removes every completed entry that matches; returns how many were removed (for purges). */
  public int removeIf(java.util.function.BiPredicate<K, V> matches) {
    int[] removed = {0};
    List<K> gone = new ArrayList<>();
    cache
        .synchronous()
        .asMap()
        .entrySet()
        .removeIf(
            e -> {
              boolean hit = matches.test(e.getKey(), e.getValue());
              removed[0] += hit ? 1 : 0;
              if (hit) {
                gone.add(e.getKey());
              }
              return hit;
            });
    gone.forEach(this::unindex);
    return removed[0];
  }

  /** Removes a key. */
  public void invalidate(K key) {
    cache.synchronous().invalidate(key);
    unindex(key);
  }

  /**
   * Removes every key of a group (through the index, without scanning the tier); returns how many
   * were held.
   *
   * @throws IllegalStateException if this tier has no index
   */
  public int invalidateGroup(Object group) {
    if (groups == null) {
      throw new IllegalStateException("this tier has no index by group");
    }
    int removed = 0;
    for (K key : groups.keys(group)) {
      removed += cache.synchronous().asMap().remove(key) != null ? 1 : 0;
      unindex(key);
    }
    return removed;
  }

  /** The group of a key in this tier's index, or null without one. */
  public @Nullable Object groupOf(K key) {
    return groups == null ? null : groups.groupOf(key);
  }

  /** How many groups the index holds keys of (0 without one). */
  int indexedGroups() {
    return groups == null ? 0 : groups.size();
  }

  /** Removes everything. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
    if (groups != null) {
      groups.all().forEach(this::unindex);
    }
  }

  private void index(K key) {
    if (groups != null) {
      groups.add(key, k -> cache.asMap().containsKey(k));
    }
  }

  private void unindex(K key) {
    if (groups != null) {
      groups.remove(key, k -> cache.asMap().containsKey(k));
    }
  }

  /** The bytes currently held (after pending maintenance). */
  public long weightedBytes() {
    var policy = cache.synchronous().policy().eviction();
    cache.synchronous().cleanUp();
    return policy.isPresent() ? policy.get().weightedSize().orElse(0) : 0;
  }
}
