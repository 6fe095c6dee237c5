package io.imgedge.loadtest.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a process's {@code VmRSS} every 200 ms on a scheduler, labelled with the phase the run is
 * in: the largest sample of each phase, and one line per second (the largest sample of that second)
 * for {@code raw.txt}.
 */
final class RssSampler implements AutoCloseable {
  static final long PERIOD_MILLIS = 200;

  private final long pid;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "imgedge-hostile-rss");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Long> maxByPhase = new LinkedHashMap<>();
  private final List<String> seconds = new ArrayList<>();
  private volatile String phase = "start";
  private long samples;
  private long currentSecond = -1;
  private long currentMax = -1;
  private String currentPhase = "start";

  RssSampler(long pid) {
    this.pid = pid;
    scheduler.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** From now on, samples count for {@code name}. */
  void phase(String name) {
    phase = name;
  }

  private synchronized void sample() {
    long kib = ProcStats.vmRssKib(pid);
    if (kib < 0) {
      return;
    }
    String p = phase;
    samples++;
    maxByPhase.merge(p, kib, Math::max);
    long second = (System.nanoTime() - start) / 1_000_000_000L;
    if (second != currentSecond) {
      flushSecond();
      currentSecond = second;
      currentMax = kib;
      currentPhase = p;
    } else if (kib > currentMax) {
      currentMax = kib;
      currentPhase = p;
    }
  }

  private void flushSecond() {
    if (currentSecond >= 0) {
      seconds.add(
          String.format(
              Locale.ROOT,
              "RSS second=%d phase=%s maxVmRssMiB=%.1f",
              currentSecond,
              currentPhase,
              currentMax / 1024.0));
    }
  }

  /** The largest VmRSS sample of each phase, in MiB, in the order the phases came. */
  synchronized Map<String, Double> maxMibByPhase() {
    Map<String, Double> out = new LinkedHashMap<>();
    maxByPhase.forEach((k, v) -> out.put(k, v / 1024.0));
    return out;
  }

  /** The largest sample of all, in MiB (NaN without samples). */
  synchronized double maxMib() {
    long max = maxByPhase.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    return max < 0 ? Double.NaN : max / 1024.0;
  }

  /** How many samples were taken. */
  synchronized long samples() {
    return samples;
  }

  /** One line per second: its largest sample and the phase it was taken in. */
  synchronized List<String> perSecond() {
    List<String> out = new ArrayList<>(seconds);
    if (currentSecond >= 0) {
      out.add(
          String.format(
              Locale.ROOT,
              "RSS second=%d phase=%s maxVmRssMiB=%.1f",
              currentSecond,
              currentPhase,
              currentMax / 1024.0));
    }
    return out;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
