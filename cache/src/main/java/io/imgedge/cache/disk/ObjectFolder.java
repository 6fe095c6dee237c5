package io.imgedge.cache.disk;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tier's folder: {@code objects/<ab>/<32 hex digits>}, each object's file named by the first 128
 * bits of the SHA-256 of its key (256 buckets, made at start), and {@code tmp/}, where files are
 * written before they are renamed into place (emptied at start: what is there is what a crash
 * interrupted).
 */
final class ObjectFolder {
  private static final Logger LOG = System.getLogger(DiskStore.class.getName());

  /** Buckets of {@code objects/}, {@code 00} to {@code ff}. */
  static final int BUCKETS = 256;

  private final String tier;
  private final Path dir;
  private final Path objects;
  private final Path temporary;
  private final DiskIo io;
  private final DiskMetrics metrics;
  private final AtomicLong temporaries = new AtomicLong();

  ObjectFolder(String tier, Path dir, DiskIo io, DiskMetrics metrics) {
    this.tier = tier;
    this.dir = dir;
    this.objects = dir.resolve("objects");
    this.temporary = dir.resolve("tmp");
    this.io = io;
    this.metrics = metrics;
  }

  /**
   * Makes the folders, deletes unfinished writes and tries one, and says if the share is more than
   * the free space.
   *
   * @throws IOException if the folder cannot be used (the tier then stays off)
   */
  void open(long share) throws IOException {
    io.createDirectories(temporary);
    for (int b = 0; b < BUCKETS; b++) {
      io.createDirectories(bucket(b));
    }
    int leftovers = 0;
    try (DirectoryStream<Path> temps = io.list(temporary)) {
      for (Path temp : temps) {
        leftovers += io.deleteIfExists(temp) ? 1 : 0;
      }
    }
    if (leftovers > 0) {
      LOG.log(
          Level.INFO,
          "disk tier '%s': deleted %d unfinished writes left by the last run"
              .formatted(tier, leftovers));
    }
    Path probe = temporary.resolve("probe." + ProcessHandle.current().pid());
    io.createNew(probe).close();
    io.deleteIfExists(probe);
    long usable = Files.getFileStore(dir).getUsableSpace();
    if (usable < share) {
      LOG.log(
          Level.INFO,
          "disk tier '%s': its share (%s) is more than the free space on %s (%s): it shrinks if the disk fills"
              .formatted(tier, mib(share), dir, mib(usable)));
    }
  }

  /** Where the object of a key (its encoded bytes) is. */
  Path fileOf(byte[] encodedKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(encodedKey);
      String name = HexFormat.of().formatHex(hash, 0, 16);
      return objects.resolve(name.substring(0, 2)).resolve(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** A new temporary file for an object's file. */
  Path temporaryFor(Path file) {
    return temporary.resolve(file.getFileName() + "." + temporaries.incrementAndGet());
  }

  /** A bucket of {@code objects/}. */
  Path bucket(int b) {
    return objects.resolve(String.format(Locale.ROOT, "%02x", b));
  }

  /** Deletes a file if it is there; a failure is counted, never thrown. */
  void deleteQuietly(Path file) {
    try {
      io.deleteIfExists(file);
    } catch (IOException e) {
      metrics.error(Fault.of(e).tag());
      LOG.log(Level.DEBUG, "disk tier '" + tier + "': cannot delete " + file + ": " + e);
    }
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
