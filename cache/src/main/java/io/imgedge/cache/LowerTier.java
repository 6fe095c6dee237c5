package io.imgedge.cache;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A tier below a {@link ReadThrough}'s memory tier that outlives it: the disk. The protocol looks
 * here when memory holds nothing for a key, before loading from the next tier, and stores here what
 * it keeps in memory; purges reach it as they reach memory.
 *
 * <p>It never fails a request: a lookup that cannot be answered (a fault, a slow disk, a corrupt
 * object) completes with null, and a store that cannot be done is dropped. Implementations are
 * thread-safe and never block the caller on IO.
 *
 * @param <K> the key
 * @param <V> the value
 */
public interface LowerTier<K, V> {

  /**
   * The copy held for a key (fresh or not: the protocol judges), or null; never fails, and
   * completes within the tier's own time limit.
   */
  CompletableFuture<@Nullable V> get(K key);

  /** Stores a value, replacing what is held, in the background (best effort). */
  void put(K key, V value);

  /** Forgets a key. */
  void remove(K key);

  /** Forgets every key that matches. */
  void removeIf(Predicate<K> matches);

  /** Forgets every key of a group (e.g. a source's derivatives). */
  void removeGroup(Object group);

  /** Forgets every value that carries a surrogate key. */
  void removeSurrogateKey(String surrogateKey);

  /** Forgets everything. */
  void clear();

  /** No lower tier: lookups find nothing at once, stores and purges do nothing. */
  static <K, V> LowerTier<K, V> none() {
    @SuppressWarnings("unchecked")
    LowerTier<K, V> none = (LowerTier<K, V>) None.INSTANCE;
    return none;
  }

  /** The tier of {@link #none()}. */
  final class None implements LowerTier<Object, Object> {
    static final None INSTANCE = new None();
    private static final CompletableFuture<@Nullable Object> NOTHING =
        CompletableFuture.completedFuture(null);

    private None() {}

    @Override
    public CompletableFuture<@Nullable Object> get(Object key) {
      return NOTHING;
    }

    @Override
    public void put(Object key, Object value) {}

    @Override
    public void remove(Object key) {}

    @Override
    public void removeIf(Predicate<Object> matches) {}

    @Override
    public void removeGroup(Object group) {}

    @Override
    public void removeSurrogateKey(String surrogateKey) {}

    @Override
    public void clear() {}
  }
}
