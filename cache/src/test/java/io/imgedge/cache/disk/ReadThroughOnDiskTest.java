package io.imgedge.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.ReadThrough;
import io.imgedge.cache.ReadThrough.Result;
import io.imgedge.cache.ReadThrough.Source;
import io.imgedge.cache.testing.FakeClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-through protocol with a disk tier below memory: a "restart" is a new memory tier over
 * the same folder. Time is a fake clock; only the disk's own threads are real.
 */
class ReadThroughOnDiskTest {
  @TempDir Path dir;
  private final FakeClock clock = new FakeClock();
  private final AtomicInteger loads = new AtomicInteger();
  private final List<@Nullable Blob> revalidated = new ArrayList<>();
  private final List<DiskStore<String, Blob>> stores = new ArrayList<>();

  @AfterEach
  void close() {
    stores.forEach(DiskStore::close);
  }

  /** A node's tier as it starts: empty memory over what the folder holds. */
  private ReadThrough<String, Blob> start(ReadThrough.Policy<Blob> policy) {
    DiskStore<String, Blob> disk =
        new DiskStore<>(
            "test",
            dir,
            8 << 20,
            Duration.ofSeconds(5),
            Duration.ofHours(1),
            Blob.CODEC,
            clock,
            new SimpleMeterRegistry());
    stores.add(disk);
    LocalTier<String, Blob> memory =
        new LocalTier<>(
            "test",
            1 << 20,
            Duration.ofHours(1),
            Blob.CODEC::groupOf,
            clock.ticker(),
            Runnable::run,
            new SimpleMeterRegistry());
    return new ReadThrough<>(memory, disk, clock, policy);
  }

  /** The last tier started, as if the node stopped: every write is on disk, memory is gone. */
  private void stop() {
    DiskStore<String, Blob> disk = stores.getLast();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (disk.pendingWrites() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    disk.close();
  }

  private Blob blob(String name, long freshSeconds, long swrSeconds, long sieSeconds) {
    return new Blob(
        name,
        name.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        new Freshness(
            clock.instant(),
            Duration.ZERO,
            Duration.ofSeconds(freshSeconds),
            Duration.ofSeconds(swrSeconds),
            Duration.ofSeconds(sieSeconds),
            true),
        List.of("sk"));
  }

  private ReadThrough.Loader<String, Blob> loader(CompletableFuture<Blob> result) {
    return (key, stale) -> {
      loads.incrementAndGet();
      revalidated.add(stale);
      return result;
    };
  }

  private ReadThrough.Loader<String, Blob> loader(Blob value) {
    return loader(CompletableFuture.completedFuture(value));
  }

  @Test
  void afterARestart_aFreshCopyOnDisk_isAHit_withoutLoading() {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    before.get("g/k", loader(blob("a", 60, 0, 0))).join();
    stop();

    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    Result<Blob> r = after.get("g/k", loader(blob("b", 60, 0, 0))).join();
    assertThat(r.source()).isEqualTo(Source.HIT);
    assertThat(r.value().name()).isEqualTo("a");
    assertThat(loads).hasValue(1);
    assertThat(after.fresh("g/k")).as("put back in memory").isNotNull();
  }

  @Test
  void afterARestart_aStaleCopyWithinStaleWhileRevalidate_isServed_andRevalidatedOnce() {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    before.get("g/k", loader(blob("a", 60, 120, 0))).join();
    stop();
    clock.advance(Duration.ofSeconds(90));

    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    CompletableFuture<Blob> refresh = new CompletableFuture<>();
    Result<Blob> r = after.get("g/k", loader(refresh)).join();
    assertThat(r.source()).isEqualTo(Source.STALE);
    assertThat(r.value().name()).isEqualTo("a");
    assertThat(loads).hasValue(2);
    assertThat(revalidated.getLast()).as("revalidated with the copy from disk").isNotNull();
    assertThat(revalidated.getLast().name()).isEqualTo("a");
    refresh.complete(blob("a2", 60, 120, 0));
    assertThat(after.get("g/k", loader(blob("x", 60, 0, 0))).join().value().name()).isEqualTo("a2");
  }

  @Test
  void afterARestart_aCopyPastItsWindows_isRevalidatedWithTheStoredValidator_beforeAnswering() {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    before.get("g/k", loader(blob("a", 60, 0, 0))).join();
    stop();
    clock.advance(Duration.ofMinutes(5));

    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    Result<Blob> r = after.get("g/k", loader(blob("a-revalidated", 60, 0, 0))).join();
    assertThat(r.source()).isEqualTo(Source.MISS);
    assertThat(r.value().name()).isEqualTo("a-revalidated");
    assertThat(revalidated.getLast()).isNotNull();
    assertThat(revalidated.getLast().name()).isEqualTo("a");
  }

  @Test
  void afterARestart_whenTheNextTierFails_aCopyWithinStaleIfError_isServed() {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    before.get("g/k", loader(blob("a", 60, 0, 600))).join();
    stop();
    clock.advance(Duration.ofMinutes(5));

    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    Result<Blob> r =
        after
            .get("g/k", loader(CompletableFuture.failedFuture(new IOException("origin down"))))
            .join();
    assertThat(r.source()).isEqualTo(Source.STALE);
    assertThat(r.value().name()).isEqualTo("a");
  }

  @Test
  void aCorruptCopyOnDisk_isLoadedAgain_neverServed() throws IOException {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    before.get("g/k", loader(blob("original", 60, 0, 0))).join();
    stop();
    Path file;
    try (Stream<Path> files = Files.walk(dir.resolve("objects"))) {
      file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(f.length() - 2);
      f.write('X');
    }

    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    Result<Blob> r = after.get("g/k", loader(blob("original", 60, 0, 0))).join();
    assertThat(r.source()).isEqualTo(Source.MISS);
    assertThat(r.value().bytes()).isEqualTo("original".getBytes());
    assertThat(loads).hasValue(2);
    assertThat(revalidated.getLast()).isNull();
  }

  @Test
  void purges_reachTheDisk_soARestartDoesNotBringThemBack() {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    before.get("g1/a", loader(blob("a", 60, 0, 0))).join();
    before.get("g1/b", loader(blob("b", 60, 0, 0))).join();
    before.get("g2/c", loader(blob("c", 60, 0, 0))).join();
    before.get("g3/d", loader(blob("d", 60, 0, 0))).join();
    before.invalidateGroup("g1");
    before.invalidate("g2/c");
    stop();

    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    for (String key : List.of("g1/a", "g1/b", "g2/c")) {
      assertThat(after.get(key, loader(blob("new", 60, 0, 0))).join().source())
          .as(key)
          .isEqualTo(Source.MISS);
    }
    assertThat(after.get("g3/d", loader(blob("new", 60, 0, 0))).join().source())
        .isEqualTo(Source.HIT);
    after.invalidateSurrogateKey("sk");
    stop();
    ReadThrough<String, Blob> third = start(ReadThrough.Policy.plain());
    assertThat(third.get("g3/d", loader(blob("new", 60, 0, 0))).join().source())
        .isEqualTo(Source.MISS);
  }

  @Test
  void anAnswerThatMayNotBeStored_neverReachesTheDisk() {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    Blob secret =
        new Blob(
            "secret", new byte[] {1}, Freshness.notStorable(clock.instant()), List.of("private"));
    before.get("g/k", loader(secret)).join();
    stop();
    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    assertThat(after.get("g/k", loader(blob("b", 60, 0, 0))).join().source())
        .isEqualTo(Source.MISS);
  }

  @Test
  void load_alone_findsTheDiskCopy() {
    ReadThrough<String, Blob> before = start(ReadThrough.Policy.plain());
    before.load("g/k", loader(blob("a", 60, 0, 0))).join();
    stop();
    ReadThrough<String, Blob> after = start(ReadThrough.Policy.plain());
    assertThat(after.load("g/k", loader(blob("b", 60, 0, 0))).join().name()).isEqualTo("a");
    assertThat(loads).hasValue(1);
  }
}
