package io.imgedge.cache.disk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The real file system, with the faults this machine cannot be made to have on demand while a test
 * runs in one process: writes refused with an operating system's message (ENOSPC, EROFS), and reads
 * that take long. (A real full and a real read-only file system are tested with a node process on a
 * tmpfs: DiskFaultsTest in edge.)
 */
final class FaultyIo implements DiskIo {
  private final AtomicReference<@Nullable String> refuseWrites = new AtomicReference<>();
  private final AtomicReference<Duration> slowReads = new AtomicReference<>(Duration.ZERO);
  final AtomicInteger refused = new AtomicInteger();

  /** New files are refused with this operating-system reason (null: accepted). */
  void refuseWrites(@Nullable String reason) {
    refuseWrites.set(reason);
  }

  /** Each open for reading takes this long first. */
  void slowReads(Duration delay) {
    slowReads.set(delay);
  }

  @Override
  public FileChannel openRead(Path file) throws IOException {
    Duration delay = slowReads.get();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
    }
    return SYSTEM.openRead(file);
  }

  @Override
  public FileChannel createNew(Path file) throws IOException {
    String reason = refuseWrites.get();
    if (reason != null) {
      refused.incrementAndGet();
      throw new FileSystemException(file.toString(), null, reason);
    }
    return SYSTEM.createNew(file);
  }

  @Override
  public void moveAtomically(Path from, Path to) throws IOException {
    SYSTEM.moveAtomically(from, to);
  }

  @Override
  public boolean deleteIfExists(Path file) throws IOException {
    return SYSTEM.deleteIfExists(file);
  }

  @Override
  public DirectoryStream<Path> list(Path folder) throws IOException {
    return SYSTEM.list(folder);
  }

  @Override
  public void createDirectories(Path folder) throws IOException {
    SYSTEM.createDirectories(folder);
  }
}
