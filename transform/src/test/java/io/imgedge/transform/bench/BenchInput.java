package io.imgedge.transform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark source: {@code -Dimgedge.bench.input}, else the corpus' sharp photo. */
final class BenchInput {
  private BenchInput() {}

  static byte[] bytes() {
    String file =
        System.getProperty(
            "imgedge.bench.input",
            System.getProperty("imgedge.shared.dir", "../shared") + "/corpus/perf-2725x2225.jpg");
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("benchmark input " + file + " (set -Dimgedge.bench.input)", e);
    }
  }
}
