package io.imgedge.loadtest.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the derivatives a simulation asked for, and writes them at the end as lines of {@code
 * count<TAB>source<TAB>width<TAB>format}: the report compares distinct sources and derivatives with
 * the servers' origin fetches and transforms.
 */
public final class RequestLog {
  private final Map<ZipfCatalog.Item, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one request. */
  public void add(ZipfCatalog.Item item) {
    counts.computeIfAbsent(item, i -> new LongAdder()).increment();
  }

  /** Writes the counts. */
  public void write(Path file) {
    List<String> lines = new ArrayList<>();
    counts.forEach(
        (i, n) -> lines.add(n.sum() + "\t" + i.source() + "\t" + i.width() + "\t" + i.format()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a written log says.
   *
   * @param requests requests sent
   * @param sources distinct sources asked for
   * @param derivatives distinct derivatives asked for
   * @param perItem requests per derivative
   */
  public record Summary(
      long requests, int sources, int derivatives, Map<ZipfCatalog.Item, Long> perItem) {}

  /** Reads a written log. */
  public static Summary read(Path file) {
    try {
      Map<ZipfCatalog.Item, Long> per =
          new TreeMap<>(java.util.Comparator.comparing(ZipfCatalog.Item::toString));
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split("\t");
        per.put(
            new ZipfCatalog.Item(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]),
            Long.parseLong(f[0]));
      }
      long requests = per.values().stream().mapToLong(Long::longValue).sum();
      int sources =
          (int) per.keySet().stream().mapToInt(ZipfCatalog.Item::source).distinct().count();
      return new Summary(requests, sources, per.size(), per);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
