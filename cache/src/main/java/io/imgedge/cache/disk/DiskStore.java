package io.imgedge.cache.disk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.imgedge.cache.Cacheable;
import io.imgedge.cache.Freshness;
import io.imgedge.cache.Groups;
import io.imgedge.cache.LowerTier;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One tier's objects on disk, below its memory tier ({@link LowerTier}), bounded in bytes and safe
 * across restarts and crashes.
 *
 * <ul>
 *   <li><b>Files.</b> Each object is one file, {@code objects/<ab>/<32 hex digits>} named by a hash
 *       of its key, in the format of {@link ObjectFile} (a header with the key, lengths, freshness,
 *       ETag, surrogate keys and CRC32C checksums, then the body). It is written to {@code tmp/}
 *       and renamed into place, so a file is either whole or absent; a kill in the middle of a
 *       write leaves only a temporary file, and {@code tmp/} is emptied at start.
 *   <li><b>Reads.</b> Every read checks both checksums, the length and the key: a file that fails
 *       is deleted (and the object loaded again by the tier above), never served. Reads run on a
 *       small pool; a request waits at most {@code timeout} for one and otherwise goes on without
 *       the disk.
 *   <li><b>Writes.</b> Values are queued (bounded in bytes; beyond it they are dropped) and written
 *       by one thread, so requests never wait for the disk.
 *   <li><b>Bound.</b> An index in memory (Caffeine, weighed in 4 KiB blocks, W-TinyLFU admission,
 *       each entry expiring when its object is past every stale window and {@code keepStale}) holds
 *       every object's key; evicting an entry deletes its file. The index holds at most the share
 *       less one largest object (1/16 of the share), the room for the object being written, so the
 *       files never take more than the share.
 *   <li><b>Restart.</b> The index is rebuilt from the files' headers in the background; meanwhile a
 *       look-up for a key not indexed yet reads its file directly, so the tier serves at once.
 *   <li><b>Faults</b> ({@link Health}): a full disk shrinks the tier (and turns it off if it stays
 *       full), a read-only file system or a permission error turns it off at once, and repeated IO
 *       errors or a disk slower than {@code timeout} turn it off: with a warning, {@code
 *       imgedge.disk.errors{kind}} and {@code imgedge.disk.on} 0. No request fails because of it.
 *   <li><b>Purges</b> delete matching files (by key, by group, by surrogate key, all), including
 *       files not indexed yet while the index loads, and values still waiting to be written.
 * </ul>
 *
 * <p>Publishes {@link DiskMetrics}' counters and the gauges {@code imgedge.disk.size} and {@code
 * imgedge.disk.limit} (bytes), {@code imgedge.disk.objects}, {@code imgedge.disk.pending}, {@code
 * imgedge.disk.on} and {@code imgedge.disk.index.progress}, and the time gauge {@code
 * imgedge.disk.index.load}, all tagged by tier.
 *
 * @param <K> the tier's key
 * @param <V> the tier's value
 */
public final class DiskStore<K, V extends Cacheable> implements LowerTier<K, V>, AutoCloseable {
  private static final Logger LOG = System.getLogger(DiskStore.class.getName());

  /** Files take whole blocks of the file system: the unit they are weighed in. */
  static final int BLOCK = 4096;

  private static final long MAX_OBJECT = 1L << 30;
  private static final long MAX_QUEUED_BYTES = 32L << 20;

  /**
   * An object in the index.
   *
   * @param bytes its file's length
   * @param surrogateKeys its surrogate keys, for purges
   * @param expiresAt when it is past every stale window and the time stale objects are kept
   */
  private record Entry(long bytes, List<String> surrogateKeys, Instant expiresAt) {}

  private final String tier;
  private final ObjectFolder folder;
  private final long share;
  private final long maxObject;
  private final Duration timeout;
  private final Duration keepStale;
  private final DiskCodec<K, V> codec;
  private final DiskIo io;
  private final Clock clock;
  private final DiskMetrics metrics;
  private final Health health;
  private final Cache<K, Entry> index;
  private final WriteQueue<K, V> writes = new WriteQueue<>(MAX_QUEUED_BYTES);
  private final ConcurrentHashMap<K, CompletableFuture<@Nullable V>> reading =
      new ConcurrentHashMap<>();

  /**
   * Held to place a file (shared), and to purge (exclusive): a value being written when a purge
   * takes it away is never put in place after the purge.
   */
  private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();

  /** Moves on with every removal: a read that a removal overtook answers "nothing". */
  private final AtomicLong removals = new AtomicLong();

  /** Purges made while the index loads, applied to the files it has not reached yet. */
  private final List<BiPredicate<K, List<String>>> purgedWhileLoading =
      new CopyOnWriteArrayList<>();

  /** Keys removed one by one while the index loads (as {@link #purgedWhileLoading}). */
  private final java.util.Set<K> removedWhileLoading = ConcurrentHashMap.newKeySet();

  private final ThreadPoolExecutor readers;
  private final ExecutorService maintenance;
  private final Thread writer;
  private final Thread loader;
  private volatile boolean loading = true;
  private volatile boolean closing;
  private volatile double loadProgress;
  private volatile @Nullable Duration loadTime;

  /**
   * Opens a tier's folder (making it if missing, emptying {@code tmp/}) and starts rebuilding its
   * index in the background. A folder that cannot be made or written leaves the tier off, with a
   * warning; it never stops the node.
   *
   * @param tier the tier's name, the {@code tier} tag of its metrics ({@code source}, ...)
   * @param dir the tier's own folder
   * @param share the most bytes its files take
   * @param timeout how long a request waits for a read; slower operations count towards turning the
   *     tier off
   * @param keepStale how long objects are kept past their stale windows (for revalidation)
   * @param codec how keys and values are stored
   * @param clock the wall clock freshness is judged on
   * @param registry where metrics go
   */
  public DiskStore(
      String tier,
      Path dir,
      long share,
      Duration timeout,
      Duration keepStale,
      DiskCodec<K, V> codec,
      Clock clock,
      MeterRegistry registry) {
    this(tier, dir, share, timeout, keepStale, codec, clock, registry, DiskIo.SYSTEM);
  }

  DiskStore(
      String tier,
      Path dir,
      long share,
      Duration timeout,
      Duration keepStale,
      DiskCodec<K, V> codec,
      Clock clock,
      MeterRegistry registry,
      DiskIo io) {
    this.tier = tier;
    this.share = share;
    this.maxObject = Math.min(MAX_OBJECT, share / 16);
    this.timeout = timeout;
    this.keepStale = keepStale;
    this.codec = codec;
    this.io = io;
    this.clock = clock;
    this.metrics = new DiskMetrics(registry, tier);
    this.health = new Health(tier, timeout, metrics);
    this.folder = new ObjectFolder(tier, dir, io, metrics);
    this.maintenance = Executors.newSingleThreadExecutor(daemon("imgedge-disk-" + tier + "-evict"));
    this.index =
        Caffeine.newBuilder()
            .maximumWeight(share - maxObject)
            .weigher((K k, Entry e) -> (int) blocks(e.bytes()))
            .expireAfter(Expiry.writing((K k, Entry e) -> untilExpiry(e)))
            .ticker(() -> nanosOf(clock.instant()))
            .executor(maintenance)
            .evictionListener(
                (@Nullable K k, @Nullable Entry e, RemovalCause cause) -> {
                  if (k != null && cause.wasEvicted()) {
                    evicted(k);
                  }
                })
            .build();
    int threads = Math.min(8, Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.readers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(256),
            daemon("imgedge-disk-" + tier + "-read"));
    metrics.gauges(this);
    open(dir);
    this.writer = daemon("imgedge-disk-" + tier + "-write").newThread(this::writeLoop);
    IndexLoader<K> files = new IndexLoader<>(tier, folder, io, codec, metrics);
    this.loader = daemon("imgedge-disk-" + tier + "-load").newThread(() -> loadIndex(files));
    writer.start();
    loader.start();
  }

  // --- look-ups -----------------------------------------------------------------------------

  @Override
  public CompletableFuture<@Nullable V> get(K key) {
    if (!health.on() || closing) {
      return CompletableFuture.completedFuture(null);
    }
    WriteQueue.Pending<V> queued = writes.pending(key);
    if (queued != null) {
      metrics.get("hit");
      return CompletableFuture.completedFuture(queued.value());
    }
    Entry entry = index.getIfPresent(key);
    if (entry == null && !loading) {
      metrics.get("miss");
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<@Nullable V> mine = new CompletableFuture<>();
    CompletableFuture<@Nullable V> shared = reading.putIfAbsent(key, mine);
    if (shared == null) {
      shared = mine;
      long before = removals.get();
      try {
        readers.execute(
            () -> {
              V value = null;
              try {
                value = read(key, entry, before);
              } finally {
                reading.remove(key, mine);
                mine.complete(value);
              }
            });
      } catch (RejectedExecutionException e) {
        reading.remove(key, mine);
        metrics.get("busy");
        mine.complete(null);
      }
    }
    return shared.copy().completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Reads a key's file, checking it; null when absent, corrupt, failing, or overtaken by a removal.
   *
   * @param indexed the key's entry in the index, or null (the index is then loading, and a file
   *     found is one a previous run left)
   */
  private @Nullable V read(K key, @Nullable Entry indexed, long removalsBefore) {
    byte[] encoded = codec.encodeKey(key);
    Path file = folder.fileOf(encoded);
    long start = System.nanoTime();
    DiskObject object;
    long length;
    try (FileChannel channel = io.openRead(file)) {
      object = ObjectFile.read(channel, encoded);
      length = channel.size();
    } catch (NoSuchFileException e) {
      if (indexed != null) {
        index.asMap().remove(key, indexed); // gone meanwhile (evicted, purged)
      }
      metrics.get("miss");
      return null;
    } catch (CorruptObjectException e) {
      dropCorrupt(key, file, e.getMessage());
      return null;
    } catch (IOException e) {
      metrics.get("error");
      health.failed("read", e, Fault.of(e));
      return null;
    }
    health.succeeded(System.nanoTime() - start);
    if (indexed == null && !adopt(key, file, entry(length, object))) {
      metrics.get("miss");
      return null;
    }
    if (removals.get() != removalsBefore && !index.asMap().containsKey(key)) {
      metrics.get("miss"); // removed while it was being read
      return null;
    }
    try {
      V value = codec.decode(key, object);
      metrics.hit(length);
      return value;
    } catch (IOException | RuntimeException e) {
      dropCorrupt(key, file, "unreadable metadata: " + e.getMessage());
      return null;
    }
  }

  private void dropCorrupt(K key, Path file, @Nullable String why) {
    LOG.log(
        Level.WARNING,
        "disk tier '"
            + tier
            + "': dropping the corrupt object file "
            + file
            + " ("
            + why
            + "); it is loaded again from the next tier");
    metrics.get("corrupt");
    metrics.error("corrupt");
    index
        .asMap()
        .compute(
            key,
            (k, old) -> {
              folder.deleteQuietly(file);
              return null;
            });
  }

  // --- writes -------------------------------------------------------------------------------

  @Override
  public void put(K key, V value) {
    if (!health.on() || closing) {
      return;
    }
    if (value.sizeInBytes() > maxObject) {
      metrics.write("too_large");
    } else if (!writes.offer(key, value)) {
      metrics.write("dropped");
    }
  }

  private void writeLoop() {
    while (true) {
      K key;
      try {
        key = writes.next(100);
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        if (closing) {
          return;
        }
        continue;
      }
      WriteQueue.Pending<V> pending = writes.pending(key);
      if (pending == null) {
        continue;
      }
      try {
        if (health.on()) {
          write(key, pending);
        }
      } catch (RuntimeException e) {
        metrics.write("failed");
        LOG.log(Level.WARNING, "disk tier '" + tier + "': writing " + key + " failed", e);
      } finally {
        writes.done(key, pending);
      }
    }
  }

  private void write(K key, WriteQueue.Pending<V> pending) {
    byte[] encoded = codec.encodeKey(key);
    DiskObject object = codec.encode(pending.value());
    long length = ObjectFile.lengthOf(encoded, object);
    if (length > maxObject) {
      metrics.write("too_large");
      return;
    }
    Path file = folder.fileOf(encoded);
    Path temp = folder.temporaryFor(file);
    long start = System.nanoTime();
    try {
      try (FileChannel channel = io.createNew(temp)) {
        ObjectFile.write(channel, encoded, object);
      }
      if (commit(key, pending, temp, file, entry(length, object))) {
        health.succeeded(System.nanoTime() - start);
        health.wrote();
        metrics.wrote(length);
      }
    } catch (IOException e) {
      folder.deleteQuietly(temp);
      writeFailed(e);
    } catch (UncheckedIOException e) {
      folder.deleteQuietly(temp);
      writeFailed(java.util.Objects.requireNonNull(e.getCause(), "wraps an IOException"));
    }
  }

  /**
   * Renames a written file into place and indexes it, unless the value was removed or replaced
   * meanwhile; then evicts down to the bound at once.
   */
  private boolean commit(K key, WriteQueue.Pending<V> pending, Path temp, Path file, Entry entry)
      throws IOException {
    commits.readLock().lock();
    try {
      if (!writes.isCurrent(key, pending) || !health.on()) {
        folder.deleteQuietly(temp);
        return false;
      }
      index
          .asMap()
          .compute(
              key,
              (k, old) -> {
                try {
                  io.moveAtomically(temp, file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                return entry;
              });
    } finally {
      commits.readLock().unlock();
    }
    index.cleanUp();
    return true;
  }

  private void writeFailed(IOException e) {
    metrics.write("failed");
    Fault fault = Fault.of(e);
    health.failed("write", e, fault);
    if (fault == Fault.FULL) {
      shrink(e);
    }
  }

  /** The disk is full: holds a tenth less than now (and turns off if it stays full). */
  private void shrink(IOException e) {
    Policy.Eviction<K, Entry> eviction = index.policy().eviction().orElseThrow();
    long held = eviction.weightedSize().orElse(0);
    long to = held * 9 / 10;
    int inARow = health.fullInARow();
    if (inARow >= Health.FULL_OFF_AFTER || to < maxObject) {
      health.off(
          "the disk is full ("
              + e.getMessage()
              + ") with "
              + ObjectFolder.mib(held)
              + " of this tier's objects on it");
      return;
    }
    eviction.setMaximum(to);
    index.cleanUp();
    LOG.log(
        Level.WARNING,
        "disk tier '"
            + tier
            + "': the disk is full ("
            + e.getMessage()
            + "); shrinking from "
            + ObjectFolder.mib(held)
            + " to "
            + ObjectFolder.mib(to));
  }

  // --- purges -------------------------------------------------------------------------------

  @Override
  public void remove(K key) {
    commits.writeLock().lock();
    try {
      boolean queued = writes.remove(key);
      if (loading) {
        removedWhileLoading.add(key);
      } else if (!queued && !index.asMap().containsKey(key)) {
        return; // nothing here (e.g. an answer that may not be stored)
      }
      removals.incrementAndGet();
      Path file = folder.fileOf(codec.encodeKey(key));
      index
          .asMap()
          .compute(
              key,
              (k, old) -> {
                folder.deleteQuietly(file);
                return null;
              });
    } finally {
      commits.writeLock().unlock();
    }
  }

  @Override
  public void removeIf(Predicate<K> matches) {
    purge((key, tags) -> matches.test(key));
  }

  @Override
  public void removeGroup(Object group) {
    purge((key, tags) -> Groups.matches(codec.groupOf(key), group));
  }

  @Override
  public void removeSurrogateKey(String surrogateKey) {
    purge((key, tags) -> tags.contains(surrogateKey));
  }

  @Override
  public void clear() {
    purge((key, tags) -> true);
  }

  /** Deletes every object that matches (by key and surrogate keys), written or waiting. */
  private void purge(BiPredicate<K, List<String>> matches) {
    commits.writeLock().lock();
    try {
      removals.incrementAndGet();
      if (loading) {
        purgedWhileLoading.add(matches);
      }
      writes.removeIf((k, v) -> matches.test(k, v.surrogateKeys()));
      for (K key : List.copyOf(index.asMap().keySet())) {
        index
            .asMap()
            .computeIfPresent(
                key,
                (k, e) -> {
                  if (!matches.test(k, e.surrogateKeys())) {
                    return e;
                  }
                  folder.deleteQuietly(folder.fileOf(codec.encodeKey(k)));
                  return null;
                });
      }
    } finally {
      commits.writeLock().unlock();
    }
  }

  // --- the index ----------------------------------------------------------------------------

  private void evicted(K key) {
    metrics.evicted();
    folder.deleteQuietly(folder.fileOf(codec.encodeKey(key)));
  }

  /**
   * Indexes a file a previous run left (found by the loader, or by a look-up while it loads),
   * unless a purge since start covers it or it is past keeping; such a file is deleted. Returns
   * whether the key is indexed now.
   */
  private boolean adopt(K key, Path file, Entry entry) {
    commits.readLock().lock();
    try {
      Entry now =
          index
              .asMap()
              .compute(
                  key,
                  (k, old) -> {
                    if (old != null) {
                      return old; // written (or found) by this run meanwhile
                    }
                    if (purged(k, entry.surrogateKeys())
                        || !entry.expiresAt().isAfter(clock.instant())) {
                      folder.deleteQuietly(file);
                      return null;
                    }
                    return Files.exists(file) ? entry : null;
                  });
      return now != null;
    } finally {
      commits.readLock().unlock();
    }
  }

  private boolean purged(K key, List<String> surrogateKeys) {
    if (removedWhileLoading.contains(key)) {
      return true;
    }
    for (BiPredicate<K, List<String>> purge : purgedWhileLoading) {
      if (purge.test(key, surrogateKeys)) {
        return true;
      }
    }
    return false;
  }

  /** Rebuilds the index from the files' headers, in the background. */
  private void loadIndex(IndexLoader<K> files) {
    long start = System.nanoTime();
    int seen = 0;
    try {
      seen =
          files.load(
              new IndexLoader.Sink<>() {
                @Override
                public boolean stopped() {
                  return closing || !health.on();
                }

                @Override
                public void found(K key, Path file, ObjectFile.Header header) {
                  adopt(
                      key,
                      file,
                      entry(header.fileLength(), header.freshness(), header.surrogateKeys()));
                }

                @Override
                public void progress(double done) {
                  loadProgress = done;
                }
              });
    } finally {
      loadTime = Duration.ofNanos(System.nanoTime() - start);
      commits.writeLock().lock();
      try {
        loading = false;
        purgedWhileLoading.clear();
        removedWhileLoading.clear();
      } finally {
        commits.writeLock().unlock();
      }
    }
    index.cleanUp();
    if (health.on() && !closing) {
      LOG.log(
          Level.INFO,
          "disk tier '%s': %d objects (%s) indexed from %d files in %d ms"
              .formatted(
                  tier,
                  index.estimatedSize(),
                  ObjectFolder.mib(weightedSize()),
                  seen,
                  loadTime.toMillis()));
    }
  }

  private Entry entry(long length, DiskObject object) {
    return entry(length, object.freshness(), object.surrogateKeys());
  }

  private Entry entry(long length, Freshness freshness, List<String> surrogateKeys) {
    Instant expires = freshness.receivedAt().plus(freshness.retention()).plus(keepStale);
    return new Entry(length, surrogateKeys, expires);
  }

  private Duration untilExpiry(Entry e) {
    Duration left = Duration.between(clock.instant(), e.expiresAt());
    return left.isNegative() ? Duration.ZERO : left;
  }

  // --- start and stop -------------------------------------------------------------------------

  /** Opens the folder; one that cannot be used leaves the tier off, with a warning. */
  private void open(Path dir) {
    try {
      folder.open(share);
    } catch (IOException | RuntimeException e) {
      IOException cause = e instanceof IOException failure ? failure : new IOException(e);
      Fault fault = Fault.of(cause);
      metrics.error(fault.tag());
      health.off("cannot use " + dir + " (" + fault.tag() + "): " + e.getMessage());
    }
  }

  /**
   * Stops: objects still waiting are written for up to 5 seconds, then the threads stop. Files stay
   * for the next start.
   */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.interrupt();
    loader.interrupt();
    readers.shutdownNow();
    maintenance.shutdown();
  }

  // --- status -------------------------------------------------------------------------------

  /** The tier at a glance. */
  public DiskStatus status() {
    String state = !health.on() ? "off" : loading ? "loading" : "on";
    Policy.Eviction<K, Entry> eviction = index.policy().eviction().orElseThrow();
    return new DiskStatus(
        tier,
        state,
        health.offReason(),
        loadProgress,
        loadTime,
        index.estimatedSize(),
        weightedSize(),
        eviction.getMaximum() + maxObject,
        writes.size());
  }

  /** Whether the index is still being rebuilt from the files. */
  public boolean loading() {
    return loading;
  }

  /** Whether the tier is on (false after a fault turned it off). */
  public boolean on() {
    return health.on();
  }

  /** The bytes the tier's files take, in whole blocks. */
  public long weightedSize() {
    return index.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  /** Objects waiting to be written. */
  public int pendingWrites() {
    return writes.size();
  }

  private static long blocks(long bytes) {
    return (bytes + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static long nanosOf(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
  }
}
