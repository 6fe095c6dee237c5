package io.imgedge.loadtest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Requests one at a time (the next is sent when the previous answer has been read in full), or from
 * a few such senders side by side, each for a name never asked for before, for a fixed time; counts
 * answers, what they were, and the server process's CPU time over the loop.
 */
final class SerialMisses implements AutoCloseable {
  static final String ACCEPT = "image/avif,image/jxl,image/webp,image/apng,image/*,*/*;q=0.8";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final AtomicLong names;

  /**
   * @param names the counter the names' numbers come from, shared by every loop of a run so that no
   *     name repeats
   */
  SerialMisses(AtomicLong names) {
    this.names = names;
  }

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} received ("" when none)
   * @param body the body
   * @param warning the {@code Imgedge-IO-Warning} received ("" when none)
   * @param cache the {@code X-Cache} received ("" when none)
   * @param url what was asked for
   */
  record Answer(
      int status, String contentType, byte[] body, String warning, String cache, URI url) {
    /** The Content-Type, and what the bytes are when that is something else. */
    String received() {
      Signature sniffed = Signature.of(body);
      String type = contentType.isEmpty() ? "(no Content-Type)" : contentType;
      return Signature.ofMediaType(contentType) == sniffed
          ? type
          : type + " (bytes: " + sniffed + ")";
    }
  }

  /**
   * A loop's figures.
   *
   * @param requests answers with status 200
   * @param errors other answers and failed requests
   * @param seconds from the first request to the last answer
   * @param cpuSeconds the server process's CPU time (user + system) over the loop, or NaN
   * @param received answers by {@link Answer#received()}
   * @param cache answers by {@code X-Cache}
   */
  record Loop(
      long requests,
      long errors,
      double seconds,
      double cpuSeconds,
      Map<String, Long> received,
      Map<String, Long> cache) {
    double perSecond() {
      return requests / seconds;
    }

    double cpuMsPerRequest() {
      return requests == 0 ? Double.NaN : cpuSeconds * 1000 / requests;
    }
  }

  /** One request for a new name. */
  Answer once(LongFunction<URI> url) throws IOException, InterruptedException {
    URI u = url.apply(names.incrementAndGet());
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(u).timeout(TIMEOUT).header("Accept", ACCEPT).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.body(),
        r.headers().firstValue("Imgedge-IO-Warning").orElse(""),
        r.headers().firstValue("X-Cache").orElse(""),
        u);
  }

  /**
   * Requests for {@code seconds} (at least one), one at a time; {@code pid} is the server's
   * process, for its CPU time.
   */
  Loop run(LongFunction<URI> url, double seconds, OptionalLong pid) throws InterruptedException {
    return run(url, seconds, pid, 1);
  }

  /**
   * Requests for {@code seconds} from {@code inFlight} senders side by side, each sending its next
   * request when its previous answer has been read (so {@code inFlight} requests are in flight at
   * any time); {@code pid} is the server's process, for its CPU time.
   */
  Loop run(LongFunction<URI> url, double seconds, OptionalLong pid, int inFlight)
      throws InterruptedException {
    if (inFlight < 1) {
      throw new IllegalArgumentException("in flight must be at least 1: " + inFlight);
    }
    double cpu0 = cpuSeconds(pid);
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    List<Tally> tallies = new ArrayList<>();
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      Tally t = new Tally();
      tallies.add(t);
      senders.add(Thread.ofPlatform().name("serial-misses-" + i).start(() -> send(url, end, t)));
    }
    for (Thread t : senders) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = cpuSeconds(pid) - cpu0;
    Tally all = new Tally();
    tallies.forEach(all::add);
    return new Loop(all.ok, all.errors, elapsed, cpu, all.received, all.cache);
  }

  /** One sender's counts. */
  private static final class Tally {
    long ok;
    long errors;
    final Map<String, Long> received = new TreeMap<>();
    final Map<String, Long> cache = new TreeMap<>();

    void add(Tally other) {
      ok += other.ok;
      errors += other.errors;
      other.received.forEach((k, v) -> received.merge(k, v, Long::sum));
      other.cache.forEach((k, v) -> cache.merge(k, v, Long::sum));
    }
  }

  /** One sender: requests one at a time until {@code end} (at least one). */
  private void send(LongFunction<URI> url, long end, Tally t) {
    do {
      try {
        Answer a = once(url);
        if (a.status() == 200) {
          t.ok++;
          t.received.merge(a.received(), 1L, Long::sum);
          t.cache.merge(a.cache().isEmpty() ? "(none)" : a.cache(), 1L, Long::sum);
        } else {
          t.errors++;
          t.received.merge("status " + a.status(), 1L, Long::sum);
        }
      } catch (IOException e) {
        t.errors++;
        t.received.merge("failed: " + e.getClass().getSimpleName(), 1L, Long::sum);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    } while (System.nanoTime() < end);
  }

  /**
   * User + system CPU seconds of a process so far, from {@code /proc/<pid>/stat} (Linux), or NaN.
   */
  static double cpuSeconds(OptionalLong pid) {
    if (pid.isEmpty()) {
      return Double.NaN;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid.getAsLong() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state is field 3; utime and stime are fields 14 and 15
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static final long CLOCK_TICKS = clockTicks();

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
