package io.imgedge.transform.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ffmpeg} program (Debian's {@code ffmpeg} package: FFmpeg 5.1 with libx264) that writes
 * {@code format=mp4}, found once at start-up: a path, or a name looked up on {@code PATH}, that
 * runs ({@code ffmpeg -version}) and lists the libx264 encoder ({@code ffmpeg -encoders}). Without
 * it MP4 output is not available and animations asked for as MP4 keep their own format (with a
 * warning); {@link #describe(Ffmpeg)} says which, for the start-up log and {@code /status}.
 */
public final class Ffmpeg {
  /** The default {@code transform.ffmpeg}: the program's name, looked up on {@code PATH}. */
  public static final String DEFAULT_PROGRAM = "ffmpeg";

  /** How long the start-up checks may take. */
  private static final Duration CHECK_LIMIT = Duration.ofSeconds(10);

  private static final Logger LOG = System.getLogger(Ffmpeg.class.getName());

  private final Path program;
  private final String version;

  private Ffmpeg(Path program, String version) {
    this.program = program;
    this.version = version;
  }

  /**
   * Finds and checks the program, logging (at INFO, or WARNING when it is missing) what MP4 output
   * will use.
   *
   * @param program a path, or a name to look up on {@code PATH}; empty to do without
   * @return the program, or null when it is missing or does not work
   */
  public static @Nullable Ffmpeg locate(String program) {
    return locate(program, true);
  }

  /** As {@link #locate(String)} with the default name, logging at DEBUG only. */
  static @Nullable Ffmpeg locateQuietly() {
    return locate(DEFAULT_PROGRAM, false);
  }

  static @Nullable Ffmpeg locate(String program, boolean announce) {
    Level found = announce ? Level.INFO : Level.DEBUG;
    Level missing = announce ? Level.WARNING : Level.DEBUG;
    if (program.isBlank()) {
      LOG.log(missing, "MP4 encoder: " + unavailable("transform.ffmpeg is empty"));
      return null;
    }
    Optional<Path> path = resolve(program);
    if (path.isEmpty()) {
      LOG.log(missing, "MP4 encoder: " + unavailable(program + " is not installed"));
      return null;
    }
    try {
      Ffmpeg ffmpeg = check(path.get());
      LOG.log(found, "MP4 encoder: " + ffmpeg.version + " with libx264 (" + path.get() + ")");
      return ffmpeg;
    } catch (RuntimeException e) {
      LOG.log(missing, "MP4 encoder: " + unavailable(path.get() + " " + e.getMessage()));
      return null;
    }
  }

  /** What {@link #describe(Ffmpeg)} says without the program, and why. */
  private static String unavailable(String why) {
    return "unavailable (" + why + "): format=mp4 keeps the animation's own format; install ffmpeg";
  }

  /**
   * What MP4 output uses, for {@code /status} and metrics: {@code ffmpeg 5.1.9-0+deb12u1 (libx264)}
   * or {@code unavailable (fallback: the animation's own format)}.
   */
  public static String describe(@Nullable Ffmpeg ffmpeg) {
    return ffmpeg == null
        ? "unavailable (fallback: the animation's own format)"
        : ffmpeg.version + " (libx264)";
  }

  /** The program's version line's start, e.g. {@code ffmpeg 5.1.9-0+deb12u1}. */
  public String version() {
    return version;
  }

  /** The program. */
  Path program() {
    return program;
  }

  private static Optional<Path> resolve(String program) {
    if (program.contains("/")) {
      Path p = Path.of(program);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String pathVariable = System.getenv("PATH");
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static Ffmpeg check(Path program) {
    Path dir;
    try {
      dir = Files.createTempDirectory("imgedge-ffmpeg-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      String version = output(program, dir, "-version");
      if (!version.startsWith("ffmpeg version ")) {
        throw new IllegalStateException("does not say 'ffmpeg version'");
      }
      String[] words = version.split("\\s+", 4);
      if (!output(program, dir, "-encoders").contains(" libx264 ")) {
        throw new IllegalStateException("has no libx264 encoder");
      }
      return new Ffmpeg(program, "ffmpeg " + words[2]);
    } finally {
      TempFiles.deleteTree(dir);
    }
  }

  /** Runs the program with one option and returns what it printed (the first 64 KiB). */
  private static String output(Path program, Path dir, String option) {
    Path out = dir.resolve("out.txt");
    List<String> command = List.of(program.toString(), "-hide_banner", option);
    BoundedProcess.Outcome o = BoundedProcess.run(command, dir, out, CHECK_LIMIT);
    if (o.exitCode() != 0) {
      throw new IllegalStateException("exits with " + o.exitCode() + ": " + o.errors());
    }
    try (var in = Files.newInputStream(out)) {
      return new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "Ffmpeg[" + program + ", " + version + "]";
  }
}
