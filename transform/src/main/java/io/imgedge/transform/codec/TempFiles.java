package io.imgedge.transform.codec;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the temporary folders the codecs that run programs work in. */
final class TempFiles {
  private static final Logger LOG = System.getLogger(TempFiles.class.getName());

  private TempFiles() {}

  /** Deletes {@code dir} and everything in it; a failure is logged, never thrown. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete the temporary folder " + dir + ": " + e);
    }
  }
}
