package io.imgedge.transform.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * FFmpeg's {@code ffprobe}, the independent decoder MP4 output is checked with: streams, packets
 * and decoded frames of an MP4 given as bytes. Tests that need it call {@link #assumeInstalled()}
 * and are skipped only where ffmpeg is not installed (CI installs it).
 */
public final class Ffprobe {
  private Ffprobe() {}

  /** Skips the calling test when ffmpeg or ffprobe is not on {@code PATH}. */
  public static void assumeInstalled() {
    assumeTrue(onPath("ffmpeg") && onPath("ffprobe"), "ffmpeg and ffprobe are not installed");
  }

  /** Whether a program is on {@code PATH}. */
  public static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** The video stream's fields ({@code codec_name}, {@code profile}, {@code level}, ...). */
  public static Map<String, String> stream(byte[] mp4) {
    List<Map<String, String>> s =
        sections(mp4, "-select_streams", "v:0", "-show_streams", "-show_entries", "stream");
    if (s.isEmpty()) {
      throw new AssertionError("ffprobe found no video stream");
    }
    return s.getFirst();
  }

  /** Every decoded frame, in display order ({@code pts_time}, {@code duration_time}, ...). */
  public static List<Map<String, String>> frames(byte[] mp4) {
    return sections(mp4, "-select_streams", "v:0", "-show_frames");
  }

  /** Every packet ({@code pts_time}, {@code duration_time}, ...), in file order. */
  public static List<Map<String, String>> packets(byte[] mp4) {
    return sections(mp4, "-select_streams", "v:0", "-show_packets");
  }

  /** Display durations in milliseconds: each frame until the next, the last until the end. */
  public static List<Integer> frameMillis(byte[] mp4) {
    List<Double> pts = new ArrayList<>();
    for (Map<String, String> f : frames(mp4)) {
      pts.add(Double.parseDouble(f.get("pts_time")));
    }
    List<Map<String, String>> packets = packets(mp4);
    double end = 0;
    for (Map<String, String> p : packets) {
      end =
          Math.max(
              end,
              Double.parseDouble(p.get("pts_time")) + Double.parseDouble(p.get("duration_time")));
    }
    List<Integer> millis = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      double next = i + 1 < pts.size() ? pts.get(i + 1) : end;
      millis.add((int) Math.round((next - pts.get(i)) * 1000));
    }
    return millis;
  }

  private static List<Map<String, String>> sections(byte[] mp4, String... options) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("imgedge-ffprobe-");
      Path in = dir.resolve("in.mp4");
      Files.write(in, mp4);
      Path out = dir.resolve("out.txt");
      List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
      command.addAll(List.of(options));
      command.addAll(List.of("-of", "flat=s=_", in.toString()));
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("ffprobe ran for more than a minute");
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("ffprobe failed with " + p.exitValue() + " on " + command);
      }
      return parse(Files.readAllLines(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
          Files.delete(dir);
        } catch (IOException ignored) {
          // a temporary folder; the machine cleans it
        }
      }
    }
  }

  /** {@code streams_stream_0_codec_name="h264"} lines, grouped by section and index. */
  private static List<Map<String, String>> parse(List<String> lines) {
    Map<String, Map<String, String>> bySection = new LinkedHashMap<>();
    java.util.regex.Pattern line =
        java.util.regex.Pattern.compile("(\\w+?_\\w+?_\\d+)_(\\w+)=\"?(.*?)\"?");
    for (String l : lines) {
      var m = line.matcher(l);
      if (m.matches()) {
        bySection
            .computeIfAbsent(m.group(1), k -> new LinkedHashMap<>())
            .put(m.group(2), m.group(3));
      }
    }
    return new ArrayList<>(bySection.values());
  }
}
