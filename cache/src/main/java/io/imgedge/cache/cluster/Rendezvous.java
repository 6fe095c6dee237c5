package io.imgedge.cache.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rendezvous (highest random weight) hashing: every node is ranked for a key by a hash of (key,
 * node id), and the first is the key's home. Every party that knows the same nodes computes the
 * same order, with no coordination; when a node leaves, only its keys move, each to its next ranked
 * node.
 */
public final class Rendezvous {
  private Rendezvous() {}

  /** The nodes ordered for a key, best first. Ties cannot reorder: ids are compared last. */
  public static <T> List<T> rank(String key, List<T> nodes, Function<T, String> id) {
    return nodes.stream()
        .sorted(
            Comparator.<T>comparingLong(n -> weight(key, id.apply(n))).reversed().thenComparing(id))
        .toList();
  }

  /** A well-mixed 64-bit weight of (key, node): FNV-1a over both, then SplitMix64 finalisation. */
  static long weight(String key, String node) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, key.getBytes(StandardCharsets.UTF_8));
    h = fnv(h, new byte[] {0});
    h = fnv(h, node.getBytes(StandardCharsets.UTF_8));
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  private static long fnv(long h, byte[] bytes) {
    for (byte b : bytes) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
