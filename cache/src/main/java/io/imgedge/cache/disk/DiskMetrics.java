package io.imgedge.cache.disk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A disk tier's counters, tagged by tier: {@code imgedge.disk.gets{result}} (hit, miss, corrupt,
 * error, busy), {@code imgedge.disk.writes{result}} (ok, dropped, too_large, failed), {@code
 * imgedge.disk.read} and {@code imgedge.disk.written} (bytes), {@code imgedge.disk.evictions} and
 * {@code imgedge.disk.errors{kind}} (full, read_only, permission, io, slow, corrupt); and a store's
 * gauges ({@link #gauges}).
 */
final class DiskMetrics {
  private final MeterRegistry registry;
  private final String tier;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Counter read;
  private final Counter written;
  private final Counter evictions;

  DiskMetrics(MeterRegistry registry, String tier) {
    this.registry = registry;
    this.tier = tier;
    this.read =
        Counter.builder("imgedge.disk.read")
            .baseUnit("bytes")
            .description("Bytes of objects read from the disk tier")
            .tag("tier", tier)
            .register(registry);
    this.written =
        Counter.builder("imgedge.disk.written")
            .baseUnit("bytes")
            .description("Bytes of objects written to the disk tier")
            .tag("tier", tier)
            .register(registry);
    this.evictions =
        Counter.builder("imgedge.disk.evictions")
            .description("Objects the disk tier dropped to stay within its bytes, or expired")
            .tag("tier", tier)
            .register(registry);
    for (String result : new String[] {"hit", "miss", "corrupt", "error", "busy"}) {
      get(result, 0);
    }
    for (String result : new String[] {"ok", "dropped", "too_large", "failed"}) {
      write(result, 0);
    }
    for (Fault kind : Fault.values()) {
      error(kind.tag(), 0);
    }
    error("slow", 0);
    error("corrupt", 0);
  }

  /** A look-up's outcome. */
  void get(String result) {
    get(result, 1);
  }

  private void get(String result, int n) {
    counter(
            "imgedge.disk.gets",
            "result",
            result,
            "Look-ups in the disk tier: hit, miss, corrupt (dropped, loaded again), error, busy")
        .increment(n);
  }

  /** A hit of {@code bytes}. */
  void hit(long bytes) {
    get("hit");
    read.increment(bytes);
  }

  /** A write's outcome. */
  void write(String result) {
    write(result, 1);
  }

  private void write(String result, int n) {
    counter(
            "imgedge.disk.writes",
            "result",
            result,
            "Writes to the disk tier: ok, dropped (queue full), too_large, failed")
        .increment(n);
  }

  /** A write of {@code bytes} done. */
  void wrote(long bytes) {
    write("ok");
    written.increment(bytes);
  }

  /** An object dropped for room or expiry. */
  void evicted() {
    evictions.increment();
  }

  /** A fault of a kind. */
  void error(String kind) {
    error(kind, 1);
  }

  private void error(String kind, int n) {
    counter(
            "imgedge.disk.errors",
            "kind",
            kind,
            "Disk tier faults: full, read_only, permission, io, slow, corrupt")
        .increment(n);
  }

  private Counter counter(String name, String tag, String value, String description) {
    return counters.computeIfAbsent(
        name + '|' + value,
        k ->
            Counter.builder(name)
                .description(description)
                .tags("tier", tier, tag, value)
                .register(registry));
  }

  /**
   * A store's gauges: {@code imgedge.disk.size} and {@code imgedge.disk.limit} (bytes), {@code
   * imgedge.disk.objects}, {@code imgedge.disk.pending}, {@code imgedge.disk.on}, {@code
   * imgedge.disk.index.progress} and the time gauge {@code imgedge.disk.index.load}.
   */
  void gauges(DiskStore<?, ?> store) {
    Gauge.builder("imgedge.disk.size", store, DiskStore::weightedSize)
        .baseUnit("bytes")
        .description("Bytes the disk tier's files take (in whole 4 KiB blocks)")
        .tag("tier", tier)
        .strongReference(true)
        .register(registry);
    Gauge.builder("imgedge.disk.limit", store, s -> s.status().maxBytes())
        .baseUnit("bytes")
        .description("The most the disk tier holds now: its share, or less after the disk filled")
        .tag("tier", tier)
        .strongReference(true)
        .register(registry);
    Gauge.builder("imgedge.disk.objects", store, s -> s.status().objects())
        .description("Objects in the disk tier")
        .tag("tier", tier)
        .strongReference(true)
        .register(registry);
    Gauge.builder("imgedge.disk.pending", store, DiskStore::pendingWrites)
        .description("Objects waiting to be written to the disk tier")
        .tag("tier", tier)
        .strongReference(true)
        .register(registry);
    Gauge.builder("imgedge.disk.on", store, s -> s.on() ? 1 : 0)
        .description("1 while the disk tier is on, 0 after a fault turned it off")
        .tag("tier", tier)
        .strongReference(true)
        .register(registry);
    Gauge.builder("imgedge.disk.index.progress", store, s -> s.status().loadProgress())
        .description("How much of the disk tier's index is rebuilt from its files (0 to 1)")
        .tag("tier", tier)
        .strongReference(true)
        .register(registry);
    TimeGauge.builder(
            "imgedge.disk.index.load",
            store,
            TimeUnit.SECONDS,
            s -> {
              Duration t = s.status().loadTime();
              return t == null ? 0 : t.toNanos() / 1e9;
            })
        .description("How long rebuilding the disk tier's index from its files took (0 until done)")
        .tag("tier", tier)
        .strongReference(true)
        .register(registry);
  }
}
