package io.imgedge.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load generator: {@code concurrency} virtual threads each send a request, wait
 * for the answer, and send the next, round robin over the paths. It stops by itself after the
 * warm-up plus the duration, or after the request cap.
 */
public final class LoadGenerator {
  private final LoadPlan plan;
  private final HttpClient client;

  /**
   * @param plan what to run
   */
  public LoadGenerator(LoadPlan plan) {
    this.plan = plan;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }

  /** Runs the plan and returns what was measured. */
  public LoadReport run() throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + plan.warmUp().toNanos();
    long stopAt = measureFrom + plan.duration().toNanos();
    Recorder recorder = new Recorder((int) Math.min(plan.maxRequests(), 20_000_000));
    AtomicLong next = new AtomicLong();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < plan.concurrency(); i++) {
        workers.submit(() -> loop(next, measureFrom, stopAt, recorder));
      }
    }
    long measuredFor =
        Math.min(System.nanoTime(), recorder.lastEnd.get() == 0 ? stopAt : recorder.lastEnd.get())
            - measureFrom;
    return recorder.report(Duration.ofNanos(Math.max(1, measuredFor)));
  }

  private void loop(AtomicLong next, long measureFrom, long stopAt, Recorder recorder) {
    while (System.nanoTime() < stopAt && recorder.count.sum() < plan.maxRequests()) {
      String path = plan.paths().get((int) (next.getAndIncrement() % plan.paths().size()));
      long t0 = System.nanoTime();
      int status;
      long bytes = 0;
      boolean hit = false;
      try {
        HttpResponse<byte[]> r =
            client.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        status = r.statusCode();
        bytes = r.body().length;
        hit = r.headers().firstValue("X-Cache").map("HIT"::equals).orElse(false);
      } catch (IOException e) {
        status = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long t1 = System.nanoTime();
      if (t0 >= measureFrom && t1 <= stopAt) {
        recorder.record(t1 - t0, status, hit, bytes, t1);
      }
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(plan.target() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "image/webp,image/*,*/*;q=0.8")
        .build();
  }

  /** Thread-safe accumulation of measured requests. */
  private static final class Recorder {
    final long[] latencies;
    final AtomicLong slot = new AtomicLong();
    final LongAdder count = new LongAdder();
    final LongAdder hits = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final AtomicLong lastEnd = new AtomicLong();
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    Recorder(int capacity) {
      this.latencies = new long[capacity];
    }

    void record(long nanos, int status, boolean hit, long size, long end) {
      long i = slot.getAndIncrement();
      if (i < latencies.length) {
        latencies[(int) i] = nanos;
      }
      count.increment();
      statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
      if (hit) {
        hits.increment();
      }
      bytes.add(size);
      lastEnd.accumulateAndGet(end, Math::max);
    }

    LoadReport report(Duration elapsed) {
      int n = (int) Math.min(slot.get(), latencies.length);
      long[] measured = java.util.Arrays.copyOf(latencies, n);
      Map<Integer, Long> byStatus = new java.util.TreeMap<>();
      statuses.forEach((s, c) -> byStatus.put(s, c.sum()));
      return new LoadReport(
          count.sum(), elapsed, LoadReport.sorted(measured), byStatus, hits.sum(), bytes.sum());
    }
  }
}
