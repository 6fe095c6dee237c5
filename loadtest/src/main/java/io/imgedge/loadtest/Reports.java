package io.imgedge.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Where load reports go and where the imgedge jar is, as the launcher tells (system properties).
 */
final class Reports {
  private Reports() {}

  /**
   * The repository root the launcher runs from ({@code imgedge.root}), else the working directory.
   */
  static Path root() {
    return Path.of(System.getProperty("imgedge.root", ".")).toAbsolutePath().normalize();
  }

  /** The imgedge fat jar ({@code imgedge.jar}, else {@code edge/target/imgedge.jar}). */
  static Path jar() {
    Path jar =
        Path.of(
            System.getProperty(
                "imgedge.jar", root().resolve("edge/target/imgedge.jar").toString()));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "no imgedge jar at " + jar + "; build it with ./imgedge build");
    }
    return jar;
  }

  /** A new report folder: {@code out} when given, else {@code loadtest/reports/<name>-<time>}. */
  static Path folder(@Nullable Path out, String name) throws IOException {
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = out != null ? out : root().resolve("loadtest/reports").resolve(name + "-" + time);
    return Files.createDirectories(dir);
  }
}
