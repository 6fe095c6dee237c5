package io.imgedge.edge.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts image requests per source, for the status page's "top sources". Bounded: when it holds
 * {@code capacity} sources, the less requested half is forgotten, so that a long tail of one-off
 * sources can neither grow it without bound nor push out the popular ones.
 */
public final class TopSources {
  private final int capacity;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /**
   * One source and its count.
   *
   * @param source the source's key (origin and path)
   * @param requests requests counted for it
   */
  public record Entry(String source, long requests) {}

  /**
   * @param capacity how many sources are tracked at most
   */
  public TopSources(int capacity) {
    this.capacity = capacity;
  }

  /** Counts one request for a source. */
  public void record(String source) {
    LongAdder n = counts.get(source);
    if (n == null) {
      if (counts.size() >= capacity) {
        shrink();
      }
      n = counts.computeIfAbsent(source, s -> new LongAdder());
    }
    n.increment();
  }

  private synchronized void shrink() {
    if (counts.size() < capacity) {
      return;
    }
    List<Map.Entry<String, LongAdder>> all = new ArrayList<>(counts.entrySet());
    all.sort(Comparator.comparingLong(e -> e.getValue().sum()));
    all.subList(0, all.size() / 2).forEach(e -> counts.remove(e.getKey()));
  }

  /** The {@code n} most requested sources, most first. */
  public List<Entry> top(int n) {
    return counts.entrySet().stream()
        .map(e -> new Entry(e.getKey(), e.getValue().sum()))
        .sorted(Comparator.comparingLong(Entry::requests).reversed().thenComparing(Entry::source))
        .limit(n)
        .toList();
  }
}
