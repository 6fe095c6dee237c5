package io.imgedge.cache.disk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations the disk tier performs, in one place: the boundary where tests put a disk
 * that is slow or failing in ways this machine cannot be made to fail.
 */
interface DiskIo {

  /** Opens a file to read. */
  FileChannel openRead(Path file) throws IOException;

  /** Creates a new file to write (failing if it exists). */
  FileChannel createNew(Path file) throws IOException;

  /** Renames a file over another, atomically. */
  void moveAtomically(Path from, Path to) throws IOException;

  /** Deletes a file if it is there. */
  boolean deleteIfExists(Path file) throws IOException;

  /** The entries of a folder. */
  DirectoryStream<Path> list(Path folder) throws IOException;

  /** Makes a folder and its parents. */
  void createDirectories(Path folder) throws IOException;

  /** The file system's own operations. */
  DiskIo SYSTEM =
      new DiskIo() {
        @Override
        public FileChannel openRead(Path file) throws IOException {
          return FileChannel.open(file, StandardOpenOption.READ);
        }

        @Override
        public FileChannel createNew(Path file) throws IOException {
          return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void moveAtomically(Path from, Path to) throws IOException {
          Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public boolean deleteIfExists(Path file) throws IOException {
          return Files.deleteIfExists(file);
        }

        @Override
        public DirectoryStream<Path> list(Path folder) throws IOException {
          return Files.newDirectoryStream(folder);
        }

        @Override
        public void createDirectories(Path folder) throws IOException {
          Files.createDirectories(folder);
        }
      };
}
