package io.imgedge.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.testing.FakeClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk tier on a real file system (a temporary folder): files, checksums, the byte bound,
 * restarts, purges; and, through {@link FaultyIo}, a disk that fills, turns read-only or is slow.
 */
class DiskStoreTest {
  private static final long MIB = 1 << 20;

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<DiskStore<String, Blob>> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(DiskStore::close);
  }

  private DiskStore<String, Blob> store(long share) {
    return store(share, DiskIo.SYSTEM, Duration.ofSeconds(5));
  }

  private DiskStore<String, Blob> store(long share, DiskIo io, Duration timeout) {
    DiskStore<String, Blob> store =
        new DiskStore<>(
            "test", dir, share, timeout, Duration.ofHours(1), Blob.CODEC, clock, registry, io);
    opened.add(store);
    return store;
  }

  private Blob blob(String name, int size, String... surrogateKeys) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (name.hashCode() * 31 + i);
    }
    return new Blob(
        name,
        bytes,
        new Freshness(
            clock.instant(),
            Duration.ofSeconds(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            true),
        List.of(surrogateKeys));
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 10 s, and still not: " + what);
      }
      LockSupport.parkNanos(2_000_000);
    }
  }

  private static void written(DiskStore<String, Blob> store) {
    await("every write done", () -> store.pendingWrites() == 0);
  }

  private static void loaded(DiskStore<String, Blob> store) {
    await("index loaded", () -> !store.loading());
  }

  private static @Nullable Blob get(DiskStore<String, Blob> store, String key) {
    return store.get(key).join();
  }

  /** The object files now (listed bucket by bucket, as files come and go). */
  private List<Path> objectFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> buckets = Files.list(dir.resolve("objects"))) {
      for (Path bucket : buckets.toList()) {
        try (Stream<Path> inBucket = Files.list(bucket)) {
          files.addAll(inBucket.toList());
        }
      }
    }
    return files;
  }

  /** The bytes of the tier's files (objects and temporary files) now. */
  private long bytesOnDisk() throws IOException {
    List<Path> files = new ArrayList<>(objectFiles());
    try (Stream<Path> temps = Files.list(dir.resolve("tmp"))) {
      files.addAll(temps.toList());
    }
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (java.nio.file.NoSuchFileException e) {
        // evicted, or renamed into place, since the listing
      }
    }
    return total;
  }

  private double count(String name, String tag, String value) {
    var counter = registry.find(name).tags("tier", "test", tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void put_survivesARestart_withItsFreshnessMetadataAndSurrogateKeys() {
    DiskStore<String, Blob> first = store(8 * MIB);
    Blob a = blob("a", 10_000, "k1", "k2");
    first.put("g/a", a);
    written(first);
    first.close();

    DiskStore<String, Blob> second = store(8 * MIB);
    Blob back = get(second, "g/a");
    assertThat(back).isNotNull();
    assertThat(back.name()).isEqualTo("a");
    assertThat(back.bytes()).isEqualTo(a.bytes());
    assertThat(back.freshness()).isEqualTo(a.freshness());
    assertThat(back.surrogateKeys()).containsExactly("k1", "k2");
    loaded(second);
    DiskStatus status = second.status();
    assertThat(status.state()).isEqualTo("on");
    assertThat(status.objects()).isEqualTo(1);
    assertThat(status.loadProgress()).isEqualTo(1.0);
    assertThat(status.loadTime()).isNotNull();
    assertThat(get(second, "g/missing")).isNull();
  }

  @Test
  void get_whileTheIndexLoads_readsTheFileDirectly() throws IOException {
    DiskStore<String, Blob> first = store(8 * MIB);
    for (int i = 0; i < 200; i++) {
      first.put("g/" + i, blob("b" + i, 2_000));
    }
    written(first);
    first.close();

    DiskStore<String, Blob> second = store(8 * MIB);
    // whatever the loader has reached, every object answers at once
    for (int i = 199; i >= 0; i--) {
      assertThat(get(second, "g/" + i)).as("g/" + i).isNotNull();
    }
    loaded(second);
    assertThat(second.status().objects()).isEqualTo(200);
    assertThat(objectFiles()).hasSize(200);
  }

  @Test
  void aFlippedByteInTheBody_isDroppedNotServed() throws IOException {
    DiskStore<String, Blob> first = store(8 * MIB);
    first.put("g/a", blob("a", 5_000));
    written(first);
    first.close();
    Path file = objectFiles().getFirst();
    flip(file, Files.size(file) - 100);

    DiskStore<String, Blob> second = store(8 * MIB);
    loaded(second);
    assertThat(second.status().objects()).as("the header is intact: indexed").isEqualTo(1);
    assertThat(get(second, "g/a")).isNull();
    assertThat(Files.exists(file)).isFalse();
    assertThat(count("imgedge.disk.gets", "result", "corrupt")).isEqualTo(1);
    assertThat(second.status().objects()).isZero();
  }

  @Test
  void aFlippedByteInTheHeader_isDroppedWhenTheIndexLoads() throws IOException {
    DiskStore<String, Blob> first = store(8 * MIB);
    first.put("g/a", blob("a", 5_000));
    written(first);
    first.close();
    Path file = objectFiles().getFirst();
    flip(file, ObjectFile.PREFIX + 6);

    DiskStore<String, Blob> second = store(8 * MIB);
    loaded(second);
    assertThat(Files.exists(file)).isFalse();
    assertThat(get(second, "g/a")).isNull();
    assertThat(count("imgedge.disk.errors", "kind", "corrupt")).isEqualTo(1);
  }

  @Test
  void aTruncatedFile_isNeverServed() throws IOException {
    DiskStore<String, Blob> first = store(8 * MIB);
    first.put("g/a", blob("a", 5_000));
    written(first);
    first.close();
    Path file = objectFiles().getFirst();
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() - 1);
    }
    DiskStore<String, Blob> second = store(8 * MIB);
    assertThat(get(second, "g/a")).isNull();
    loaded(second);
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void unfinishedWrites_areDeletedAtStart() throws IOException {
    Files.createDirectories(dir.resolve("tmp"));
    Path leftover = Files.write(dir.resolve("tmp/0123456789abcdef.17"), new byte[] {1, 2, 3});
    DiskStore<String, Blob> store = store(8 * MIB);
    assertThat(Files.exists(leftover)).isFalse();
    assertThat(store.on()).isTrue();
  }

  @Test
  void fillingBeyondTheShare_keepsTheFilesWithinIt() throws IOException {
    long share = 2 * MIB;
    DiskStore<String, Blob> store = store(share);
    for (int i = 0; i < 150; i++) {
      store.put("g/" + i, blob("b" + i, 30_000));
      assertThat(bytesOnDisk()).isLessThanOrEqualTo(share);
    }
    written(store);
    assertThat(bytesOnDisk()).isLessThanOrEqualTo(share);
    assertThat(bytesOnDisk()).isGreaterThan(share / 2);
    assertThat(store.weightedSize()).isLessThanOrEqualTo(share);
    assertThat(registry.find("imgedge.disk.evictions").counter().count())
        .isEqualTo(150 - store.status().objects());
    assertThat(objectFiles()).hasSize((int) store.status().objects());
  }

  @Test
  void objectsPastKeeping_areNotIndexedAtStart() throws IOException {
    DiskStore<String, Blob> first = store(8 * MIB);
    first.put("g/a", blob("a", 1_000));
    written(first);
    first.close();
    // fresh 10 min, stale windows 2 min at most, kept 1 h more; received 5 s old
    clock.advance(Duration.ofMinutes(73));
    DiskStore<String, Blob> second = store(8 * MIB);
    loaded(second);
    assertThat(second.status().objects()).isZero();
    assertThat(objectFiles()).isEmpty();
  }

  @Test
  void purges_deleteFiles_byKeyGroupSurrogateKeyAndAll() throws IOException {
    DiskStore<String, Blob> store = store(8 * MIB);
    store.put("g1/a", blob("a", 1_000));
    store.put("g1/b", blob("b", 1_000));
    store.put("g2/c", blob("c", 1_000, "red"));
    store.put("g2/d", blob("d", 1_000));
    store.put("g3/e", blob("e", 1_000));
    written(store);
    loaded(store);
    assertThat(objectFiles()).hasSize(5);

    store.removeGroup("g1");
    assertThat(get(store, "g1/a")).isNull();
    assertThat(objectFiles()).hasSize(3);
    store.removeSurrogateKey("red");
    assertThat(get(store, "g2/c")).isNull();
    assertThat(get(store, "g2/d")).isNotNull();
    store.remove("g2/d");
    assertThat(objectFiles()).hasSize(1);
    store.clear();
    assertThat(objectFiles()).isEmpty();
    assertThat(store.status().objects()).isZero();
  }

  @Test
  void aPurgeWhileTheIndexLoads_reachesFilesItHasNotIndexedYet() throws IOException {
    DiskStore<String, Blob> first = store(8 * MIB);
    for (int i = 0; i < 300; i++) {
      first.put("g" + (i % 3) + "/" + i, blob("b" + i, 1_000));
    }
    written(first);
    first.close();

    DiskStore<String, Blob> second = store(8 * MIB);
    second.removeGroup("g1"); // most likely before the loader is done: either way it must hold
    loaded(second);
    assertThat(second.status().objects()).isEqualTo(200);
    assertThat(objectFiles()).hasSize(200);
    for (int i = 1; i < 300; i += 3) {
      assertThat(get(second, "g1/" + i)).isNull();
    }
    assertThat(get(second, "g0/0")).isNotNull();
  }

  @Test
  void aValueWaitingToBeWritten_isPurgedToo() {
    FaultyIo io = new FaultyIo();
    DiskStore<String, Blob> store = store(8 * MIB, io, Duration.ofSeconds(5));
    loaded(store);
    Blob a = blob("a", 1_000);
    store.put("g/a", a);
    store.removeGroup("g");
    written(store);
    assertThat(get(store, "g/a")).isNull();
  }

  @Test
  void aFullDisk_shrinksTheTier_thenTurnsItOff_andLookupsGoOn() throws IOException {
    FaultyIo io = new FaultyIo();
    DiskStore<String, Blob> store = store(16 * MIB, io, Duration.ofSeconds(5));
    for (int i = 0; i < 100; i++) {
      store.put("g/" + i, blob("b" + i, 40_000));
    }
    written(store);
    long before = store.status().maxBytes();
    long held = store.weightedSize();

    io.refuseWrites("No space left on device");
    store.put("g/full", blob("full", 40_000));
    written(store);
    assertThat(store.on()).isTrue();
    assertThat(store.status().maxBytes()).isLessThan(before);
    assertThat(store.weightedSize()).isLessThan(held);
    assertThat(count("imgedge.disk.errors", "kind", "full")).isEqualTo(1);
    long served =
        java.util.stream.IntStream.range(0, 100).filter(i -> get(store, "g/" + i) != null).count();
    assertThat(served).as("what it still holds is served").isGreaterThan(50);

    for (int i = 0; i < 2; i++) {
      store.put("g/full" + i, blob("full" + i, 40_000));
      written(store);
    }
    assertThat(store.on()).isFalse();
    assertThat(store.status().state()).isEqualTo("off");
    assertThat(store.status().reason()).contains("the disk is full");
    assertThat(get(store, "g/1")).isNull();
    store.put("g/later", blob("later", 100)); // dropped, never fails
    assertThat(store.pendingWrites()).isZero();
    assertThat(registry.find("imgedge.disk.on").gauge().value()).isZero();
  }

  @Test
  void aReadOnlyFileSystem_turnsTheTierOffAtOnce() {
    FaultyIo io = new FaultyIo();
    DiskStore<String, Blob> store = store(8 * MIB, io, Duration.ofSeconds(5));
    io.refuseWrites("Read-only file system");
    store.put("g/a", blob("a", 1_000));
    written(store);
    assertThat(store.on()).isFalse();
    assertThat(store.status().reason()).contains("read_only");
    assertThat(count("imgedge.disk.errors", "kind", "read_only")).isEqualTo(1);
  }

  @Test
  void aFolderThatCannotBeWritten_leavesTheTierOffFromTheStart() {
    FaultyIo io = new FaultyIo();
    io.refuseWrites("Permission denied");
    DiskStore<String, Blob> store = store(8 * MIB, io, Duration.ofSeconds(5));
    assertThat(store.on()).isFalse();
    assertThat(store.status().reason()).contains("permission");
    store.put("g/a", blob("a", 1_000));
    assertThat(get(store, "g/a")).isNull();
  }

  @Test
  void aSlowDisk_isNotWaitedFor_andTurnsTheTierOff() {
    FaultyIo io = new FaultyIo();
    DiskStore<String, Blob> store = store(8 * MIB, io, Duration.ofMillis(50));
    for (int i = 0; i < Health.OFF_AFTER; i++) {
      store.put("g/" + i, blob("b" + i, 1_000));
    }
    written(store);
    loaded(store);
    io.slowReads(Duration.ofMillis(600));
    for (int i = 0; i < Health.OFF_AFTER; i++) {
      long start = System.nanoTime();
      assertThat(get(store, "g/" + i)).as("given up after the timeout").isNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }
    await("turned off", () -> !store.on());
    assertThat(store.status().reason()).contains("slower than cache.disk.timeout");
    assertThat(count("imgedge.disk.errors", "kind", "slow")).isEqualTo(Health.OFF_AFTER);
  }

  private static void flip(Path file, long position) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(position);
      int b = f.read();
      f.seek(position);
      f.write(b ^ 0x40);
    }
  }
}
