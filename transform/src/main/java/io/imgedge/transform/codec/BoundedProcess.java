package io.imgedge.transform.codec;

import io.imgedge.transform.RenderAbandonedException;
import io.imgedge.transform.RenderScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs a program (no shell) to its end, within bounds: no input, its output discarded or written to
 * a file (programs write their results to files), its error output kept in a file of which only the
 * first {@link #MAX_MESSAGE} bytes are read, and a time limit. While it runs, the current render's
 * deadline is checked every {@link #POLL} ({@link RenderScope#checkpoint()}); when the render is
 * abandoned, its time is up, the limit passes or the thread is interrupted, the process is killed
 * ({@code SIGKILL}) and reaped before the exception goes on.
 */
final class BoundedProcess {
  /** How much of the error output a failure quotes. */
  static final int MAX_MESSAGE = 2048;

  /** How often the deadline is checked while the process runs. */
  static final Duration POLL = Duration.ofMillis(10);

  private BoundedProcess() {}

  /**
   * The outcome of a run.
   *
   * @param exitCode the exit code
   * @param errors the start of its error output
   */
  record Outcome(int exitCode, String errors) {}

  /**
   * Runs {@code command} in {@code directory} (which receives the error output as {@code
   * errors.txt}).
   *
   * @param limit how long it may run, whatever the render's deadline
   * @throws io.imgedge.transform.TransformException if the render must stop (the process is killed)
   * @throws IllegalStateException if the program cannot start or runs past {@code limit}
   */
  static Outcome run(List<String> command, Path directory, Duration limit) {
    return run(command, directory, null, limit);
  }

  /**
   * As {@link #run(List, Path, Duration)}, with the program's output in {@code output} (null:
   * discarded).
   */
  static Outcome run(List<String> command, Path directory, @Nullable Path output, Duration limit) {
    Path errors = directory.resolve("errors.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(
                output == null
                    ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(output.toFile()))
            .redirectError(errors.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command.getFirst(), e);
    }
    try {
      long end = System.nanoTime() + limit.toNanos();
      while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        RenderScope.checkpoint();
        if (System.nanoTime() - end > 0) {
          throw new IllegalStateException(
              command.getFirst() + " ran for more than " + limit.toMillis() + " ms and was killed");
        }
      }
      return new Outcome(process.exitValue(), head(errors));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderAbandonedException("the " + command.getFirst() + " run (interrupted)");
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static String head(Path file) {
    if (!Files.exists(file)) {
      return "";
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_MESSAGE), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
