package io.imgedge.loadtest.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase C: sharp's task ({@code ?width=720&height=588&fit=crop} of the corpus photo, JPEG) a fixed
 * number of requests in flight for a fixed time, every request a miss: each asks for a source name
 * never asked before, a hard link to the photo made in the origin folder just before the request (a
 * copy where links cannot be made), so that the node reads, decodes, resizes and encodes every
 * time.
 */
final class SharpTask {
  static final String QUERY = "width=720&height=588&fit=crop";

  /**
   * What the phase gave.
   *
   * @param inFlight requests in flight
   * @param requests requests answered or failed
   * @param statuses answers by status
   * @param xCache the 200s by {@code X-Cache}
   * @param seconds from the first request to the last answer
   * @param millis latencies of the 200s, sorted
   * @param cpuSeconds the node's CPU seconds over the phase
   * @param errors the first few answers that were not 200, with their message
   */
  record Result(
      int inFlight,
      long requests,
      Map<String, Long> statuses,
      Map<String, Long> xCache,
      double seconds,
      List<Double> millis,
      double cpuSeconds,
      List<String> errors) {
    long ok() {
      return statuses.getOrDefault("200", 0L);
    }

    double perSecond() {
      return seconds > 0 ? ok() / seconds : Double.NaN;
    }

    double percentile(double p) {
      if (millis.isEmpty()) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100 * millis.size()) - 1;
      return millis.get(Math.max(0, Math.min(millis.size() - 1, i)));
    }

    double cpuMsPerRequest() {
      return requests == 0 ? Double.NaN : cpuSeconds * 1000 / requests;
    }
  }

  private SharpTask() {}

  static Result run(
      Client client, Path photo, Path origin, Duration duration, int inFlight, long pid)
      throws IOException, InterruptedException {
    Path folder = Files.createDirectories(origin.resolve("p"));
    AtomicLong names = new AtomicLong();
    Map<String, Long> statuses = Collections.synchronizedMap(new TreeMap<>());
    Map<String, Long> xCache = Collections.synchronizedMap(new TreeMap<>());
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    double cpu0 = ProcStats.cpuSeconds(pid);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < inFlight; w++) {
      workers.add(
          Thread.ofVirtual()
              .name("imgedge-hostile-sharp-" + w)
              .start(
                  () -> {
                    do {
                      long n = names.incrementAndGet();
                      String name = String.format(Locale.ROOT, "sharp-%06d.jpg", n);
                      Reply r;
                      try {
                        link(photo, folder.resolve(name));
                        r = client.get("/p/" + name + "?" + QUERY, Duration.ofSeconds(30));
                      } catch (IOException e) {
                        r = Reply.failed("/p/" + name, 0, e);
                      }
                      statuses.merge(r.statusText(), 1L, Long::sum);
                      if (r.status() == 200) {
                        millis.add(r.millis());
                        xCache.merge(r.xCache().isEmpty() ? "(none)" : r.xCache(), 1L, Long::sum);
                      } else if (errors.size() < 5) {
                        errors.add(r.statusText() + " " + r.url() + ": " + r.shortMessage(200));
                      }
                    } while (System.nanoTime() < end);
                  }));
    }
    for (Thread t : workers) {
      t.join(duration.toMillis() + 60_000);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = ProcStats.cpuSeconds(pid) - cpu0;
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    long requests = statuses.values().stream().mapToLong(Long::longValue).sum();
    return new Result(
        inFlight,
        requests,
        new TreeMap<>(statuses),
        new TreeMap<>(xCache),
        seconds,
        sorted,
        cpu,
        List.copyOf(errors));
  }

  /** A new name for the photo: a hard link, else a copy. */
  private static void link(Path photo, Path name) throws IOException {
    try {
      Files.createLink(name, photo);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(photo, name);
    }
  }
}
