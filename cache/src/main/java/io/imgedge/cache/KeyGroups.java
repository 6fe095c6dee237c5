package io.imgedge.cache;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An index of a tier's keys by group (a derivative's source; a key may be in several, {@link
 * Groups}): a purge of one source finds its derivatives here instead of scanning the whole tier.
 * Every change for a group happens inside that group's {@code compute}; a key joins its group after
 * the tier stores it (if still held) and leaves it after the tier removes it (unless held again),
 * so a key the tier holds is always indexed, whatever the interleaving of puts and removals.
 *
 * @param <K> the tier's key
 */
final class KeyGroups<K> {
  private final Function<? super K, ?> groupOf;
  private final ConcurrentHashMap<Object, Set<K>> groups = new ConcurrentHashMap<>();

  KeyGroups(Function<? super K, ?> groupOf) {
    this.groupOf = groupOf;
  }

  Object groupOf(K key) {
    return groupOf.apply(key);
  }

  /**
   * Indexes a key the tier has just stored, if {@code held} says it still holds it (a tier at its
   * bound may evict a newcomer at once).
   */
  void add(K key, Predicate<K> held) {
    for (Object group : Groups.of(groupOf(key))) {
      groups.compute(
          group,
          (g, keys) -> {
            if (!held.test(key)) {
              return keys;
            }
            Set<K> set = keys == null ? ConcurrentHashMap.newKeySet() : keys;
            set.add(key);
            return set;
          });
    }
  }

  /** Un-indexes a key the tier has removed, unless {@code held} says it holds the key again. */
  void remove(K key, Predicate<K> held) {
    for (Object group : Groups.of(groupOf(key))) {
      groups.computeIfPresent(
          group,
          (g, keys) -> {
            if (!held.test(key)) {
              keys.remove(key);
            }
            return keys.isEmpty() ? null : keys;
          });
    }
  }

  /** The keys of a group now (a snapshot). */
  List<K> keys(Object group) {
    Set<K> keys = groups.get(group);
    return keys == null ? List.of() : List.copyOf(keys);
  }

  /** Every indexed key now (a snapshot). */
  List<K> all() {
    return groups.values().stream().flatMap(Set::stream).distinct().toList();
  }

  /** How many groups have keys (for tests). */
  int size() {
    return groups.size();
  }
}
