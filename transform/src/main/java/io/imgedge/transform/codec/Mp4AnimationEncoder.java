package io.imgedge.transform.codec;

import io.imgedge.transform.RenderScope;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes an animation as H.264 in MP4 with the {@code ffmpeg} program (libx264): each frame goes to
 * a temporary folder as a PPM file as it comes; {@link #finish()} runs ffmpeg once over them with
 * the concat demuxer, whose list gives every frame its own duration, and reads the result.
 *
 * <ul>
 *   <li>Timing: the track's timescale is 1,000 (milliseconds, GIF's centiseconds and WebP's
 *       milliseconds exactly); frames keep their timestamps ({@code -fps_mode passthrough}), and
 *       the last frame's duration, which a concat list cannot carry, is set on its packet ({@code
 *       setts} bitstream filter). A delay of 10 ms or less is shown for 100 ms, as browsers show
 *       such GIF frames. No B-frames, in any profile, so that decoding order is display order and
 *       the last packet is the last frame.
 *   <li>Pixels: 4:2:0 ({@code yuv420p}), BT.709 matrix in limited range, signalled as BT.709
 *       primaries with the sRGB transfer (as imgedge's AVIF); frames arrive opaque (flattened onto
 *       {@code bg-color} or white). 4:2:0 needs even sides: an odd side loses its last column or
 *       row ({@link #even(int)}), a side of one pixel is doubled.
 *   <li>Quality: CRF {@link #crf(int)} of the quality; {@code profile=} and {@code level=} as
 *       asked; {@code +faststart} (the index before the data, so that playback starts while it
 *       loads); no audio; one thread (renders already run in parallel).
 * </ul>
 *
 * The temporary folder is deleted by {@link #finish()} and by {@link #close()}, whichever comes
 * first. ffmpeg runs under the render's deadline and is killed when the render stops ({@link
 * BoundedProcess}).
 */
final class Mp4AnimationEncoder implements AnimationEncoder {
  /** The largest MP4 read back; an encode beyond it is refused rather than held. */
  static final long MAX_OUTPUT_BYTES = 256L * 1024 * 1024;

  /** ffmpeg's own limit, beyond the render's deadline (which normally stops it first). */
  static final Duration RUN_LIMIT = Duration.ofMinutes(5);

  private final Ffmpeg ffmpeg;
  private final EncodeOptions options;
  private final List<Integer> durations = new ArrayList<>();
  private @Nullable Path dir;
  private int width;
  private int height;

  Mp4AnimationEncoder(Ffmpeg ffmpeg, EncodeOptions options) {
    this.ffmpeg = ffmpeg;
    this.options = options;
  }

  /**
   * The CRF for a quality: {@code round(57 - 0.4 q)} within libx264's 0-51, so that the default
   * quality 85 gives libx264's own default, 23 (see README: MP4).
   */
  static int crf(int quality) {
    return Math.clamp(Math.round(57 - 0.4f * quality), 0, 51);
  }

  /** An even side: an odd one less one, except that 1 becomes 2. */
  static int even(int side) {
    return side == 1 ? 2 : side & ~1;
  }

  /** How long a frame shows: browsers show 10 ms or less as 100 ms. */
  static int shownMillis(int delayMillis) {
    return delayMillis <= 10 ? 100 : delayMillis;
  }

  @Override
  public void add(BufferedImage frame, int delayMillis) {
    Path folder = folder(frame);
    if (frame.getWidth() != width || frame.getHeight() != height) {
      throw new IllegalArgumentException("every frame of an animation has the same size");
    }
    Path file = folder.resolve(frameName(durations.size()));
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      writePpm(frame, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an MP4 frame to " + folder, e);
    }
    durations.add(shownMillis(delayMillis));
  }

  private Path folder(BufferedImage first) {
    Path d = dir;
    if (d == null) {
      width = first.getWidth();
      height = first.getHeight();
      try {
        d = Files.createTempDirectory("imgedge-mp4-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make a temporary folder for an MP4", e);
      }
      dir = d;
    }
    return d;
  }

  private static String frameName(int index) {
    return String.format(Locale.ROOT, "f%05d.ppm", index);
  }

  /** Binary PPM of the even part of the frame (a one-pixel side doubled). */
  private static void writePpm(BufferedImage frame, OutputStream out) throws IOException {
    int w = frame.getWidth();
    int h = frame.getHeight();
    int ew = even(w);
    int eh = even(h);
    out.write(("P6\n" + ew + " " + eh + "\n255\n").getBytes(StandardCharsets.US_ASCII));
    int[] argb = new int[w];
    byte[] rgb = new byte[ew * 3];
    for (int y = 0; y < eh; y++) {
      frame.getRGB(0, Math.min(y, h - 1), w, 1, argb, 0, w);
      for (int x = 0; x < ew; x++) {
        int p = argb[Math.min(x, w - 1)];
        rgb[3 * x] = (byte) (p >> 16);
        rgb[3 * x + 1] = (byte) (p >> 8);
        rgb[3 * x + 2] = (byte) p;
      }
      out.write(rgb);
    }
  }

  @Override
  public byte[] finish() {
    Path folder = dir;
    if (folder == null) {
      throw new IllegalStateException("an MP4 needs at least one frame");
    }
    try {
      RenderScope.checkpoint();
      Files.writeString(folder.resolve("frames.ffconcat"), concatList(), StandardCharsets.US_ASCII);
      Path output = folder.resolve("out.mp4");
      BoundedProcess.Outcome o = BoundedProcess.run(command(output), folder, RUN_LIMIT);
      if (o.exitCode() != 0 || !Files.isRegularFile(output)) {
        throw new IllegalStateException(
            "ffmpeg failed (exit code " + o.exitCode() + "): " + o.errors());
      }
      if (Files.size(output) > MAX_OUTPUT_BYTES) {
        throw new IllegalStateException("ffmpeg wrote more than " + MAX_OUTPUT_BYTES + " bytes");
      }
      return Files.readAllBytes(output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode an MP4 in " + folder, e);
    } finally {
      close();
    }
  }

  /**
   * The concat demuxer's list: every frame read at 1,000 frames a second (so that timestamps are in
   * milliseconds) and lasting its own duration.
   */
  String concatList() {
    StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
    for (int i = 0; i < durations.size(); i++) {
      list.append("file ")
          .append(frameName(i))
          .append("\noption framerate 1000\nduration ")
          .append(seconds(durations.get(i)))
          .append('\n');
    }
    return list.toString();
  }

  private static String seconds(int millis) {
    return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
  }

  List<String> command(Path output) {
    int last = durations.size() - 1;
    return List.of(
        ffmpeg.program().toString(),
        "-hide_banner",
        "-nostdin",
        "-v",
        "error",
        "-y",
        "-filter_threads",
        "1",
        "-protocol_whitelist",
        "file",
        "-f",
        "concat",
        "-safe",
        "0", // for the list's "option framerate" lines; the list and its file names are ours
        "-i",
        "frames.ffconcat",
        "-an",
        "-sn",
        "-dn",
        "-map_metadata",
        "-1",
        "-fps_mode",
        "passthrough",
        "-vf",
        "scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int,"
            + "format=yuv420p",
        "-c:v",
        "libx264",
        "-threads",
        "1",
        "-profile:v",
        options.h264().profile().token(),
        "-level:v",
        options.h264().level(),
        "-crf",
        Integer.toString(crf(options.quality())),
        "-bf",
        "0",
        "-colorspace",
        "bt709",
        "-color_primaries",
        "bt709",
        "-color_trc",
        "iec61966-2-1",
        "-color_range",
        "tv",
        "-bsf:v",
        "setts=duration=if(eq(N\\,%d)\\,round(%s/TB)\\,DURATION)"
            .formatted(last, seconds(durations.get(last))),
        "-video_track_timescale",
        "1000",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
        output.getFileName().toString());
  }

  /** Deletes the frames (and the output); nothing after it. */
  @Override
  public void close() {
    Path folder = dir;
    if (folder != null) {
      dir = null;
      TempFiles.deleteTree(folder);
    }
  }
}
