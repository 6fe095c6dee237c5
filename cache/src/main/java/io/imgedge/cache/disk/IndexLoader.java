package io.imgedge.cache.disk;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a tier's index from its files, bucket by bucket: reads each file's header (not its
 * body), checks it and its key, and hands what is whole to the tier; a file that fails (torn,
 * flipped, another tier's, misplaced) is deleted.
 *
 * @param <K> the tier's key
 */
final class IndexLoader<K> {
  private static final Logger LOG = System.getLogger(DiskStore.class.getName());

  /** Where the files found go. */
  interface Sink<K> {
    /** Whether to stop (the tier closes or turned off). */
    boolean stopped();

    /** A whole file of a key. */
    void found(K key, Path file, ObjectFile.Header header);

    /** How much is done, 0 to 1. */
    void progress(double done);
  }

  private final String tier;
  private final ObjectFolder folder;
  private final DiskIo io;
  private final DiskCodec<K, ?> codec;
  private final DiskMetrics metrics;

  IndexLoader(
      String tier, ObjectFolder folder, DiskIo io, DiskCodec<K, ?> codec, DiskMetrics metrics) {
    this.tier = tier;
    this.folder = folder;
    this.io = io;
    this.codec = codec;
    this.metrics = metrics;
  }

  /** Reads every bucket (unless stopped); returns how many files it saw. */
  int load(Sink<K> sink) {
    int seen = 0;
    for (int b = 0; b < ObjectFolder.BUCKETS && !sink.stopped(); b++) {
      seen += loadBucket(folder.bucket(b), sink);
      sink.progress((b + 1) / (double) ObjectFolder.BUCKETS);
    }
    return seen;
  }

  private int loadBucket(Path bucket, Sink<K> sink) {
    int seen = 0;
    try (DirectoryStream<Path> files = io.list(bucket)) {
      for (Path file : files) {
        if (sink.stopped()) {
          break;
        }
        seen++;
        loadFile(file, sink);
      }
    } catch (NoSuchFileException e) {
      // an empty bucket
    } catch (IOException | DirectoryIteratorException e) {
      metrics.error(Fault.IO.tag());
      LOG.log(Level.WARNING, "disk tier '" + tier + "': cannot list " + bucket + ": " + e);
    }
    return seen;
  }

  private void loadFile(Path file, Sink<K> sink) {
    ObjectFile.Header header;
    try (FileChannel channel = io.openRead(file)) {
      header = ObjectFile.readHeader(channel);
    } catch (NoSuchFileException e) {
      return; // evicted or purged meanwhile
    } catch (CorruptObjectException e) {
      drop(file, e.getMessage());
      return;
    } catch (IOException e) {
      metrics.error(Fault.of(e).tag());
      return;
    }
    K key;
    try {
      key = codec.decodeKey(header.key());
    } catch (IOException | RuntimeException e) {
      drop(file, "not a key of this tier: " + e.getMessage());
      return;
    }
    if (!folder.fileOf(header.key()).equals(file)) {
      drop(file, "not where its key puts it");
      return;
    }
    sink.found(key, file, header);
  }

  private void drop(Path file, @Nullable String why) {
    LOG.log(
        Level.WARNING,
        "disk tier '" + tier + "': dropping the object file " + file + " (" + why + ")");
    metrics.error("corrupt");
    folder.deleteQuietly(file);
  }
}
