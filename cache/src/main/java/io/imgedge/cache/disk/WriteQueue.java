package io.imgedge.cache.disk;

import io.imgedge.cache.Cacheable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Values waiting to be written, at most one per key (a newer value replaces one still waiting),
 * bounded in bytes: when full, new values are refused (the tier drops them) rather than holding the
 * heap. A value stays visible here until its file is in place, so that a look-up in between finds
 * it.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class WriteQueue<K, V extends Cacheable> {

  /** A value waiting, with the bytes it was counted for. */
  record Pending<V>(V value, long bytes) {}

  private final ConcurrentHashMap<K, Pending<V>> pending = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<K> keys = new LinkedBlockingQueue<>();
  private final AtomicLong bytes = new AtomicLong();
  private final long maxBytes;

  WriteQueue(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Queues a value; false if the queue is full (one value is always let in). */
  boolean offer(K key, V value) {
    long size = value.sizeInBytes();
    if (bytes.get() + size > maxBytes && !pending.isEmpty()) {
      return false;
    }
    boolean[] added = {false};
    pending.compute(
        key,
        (k, previous) -> {
          bytes.addAndGet(size - (previous == null ? 0 : previous.bytes()));
          added[0] = previous == null;
          return new Pending<>(value, size);
        });
    if (added[0]) {
      keys.add(key);
    }
    return true;
  }

  /** The next key to write, or null after {@code millis} without one. */
  @Nullable K next(long millis) throws InterruptedException {
    return keys.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** What waits for a key, or null. */
  @Nullable Pending<V> pending(K key) {
    return pending.get(key);
  }

  /** Whether {@code written} is still what waits for its key (not replaced, not removed). */
  boolean isCurrent(K key, Pending<V> written) {
    return pending.get(key) == written;
  }

  /**
   * The value {@code written} is in place (or given up): forgets it, unless a newer value replaced
   * it meanwhile, which is then queued again.
   */
  void done(K key, Pending<V> written) {
    boolean[] again = {false};
    pending.compute(
        key,
        (k, current) -> {
          if (current == written) {
            bytes.addAndGet(-current.bytes());
            return null;
          }
          again[0] = current != null;
          return current;
        });
    if (again[0]) {
      keys.add(key);
    }
  }

  /** Forgets what waits for the keys that match; returns whether anything did. */
  boolean removeIf(BiPredicate<K, V> matches) {
    boolean[] removed = {false};
    pending
        .entrySet()
        .removeIf(
            e -> {
              boolean hit = matches.test(e.getKey(), e.getValue().value());
              if (hit) {
                bytes.addAndGet(-e.getValue().bytes());
                removed[0] = true;
              }
              return hit;
            });
    return removed[0];
  }

  /** Forgets what waits for one key; returns whether anything did. */
  boolean remove(K key) {
    Pending<V> gone = pending.remove(key);
    if (gone != null) {
      bytes.addAndGet(-gone.bytes());
    }
    return gone != null;
  }

  /** Values waiting. */
  int size() {
    return pending.size();
  }

  /** Whether nothing waits. */
  boolean isEmpty() {
    return pending.isEmpty();
  }
}
