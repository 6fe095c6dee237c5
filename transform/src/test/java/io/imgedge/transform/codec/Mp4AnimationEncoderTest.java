package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.imgedge.transform.Deadline;
import io.imgedge.transform.RenderAbandonedException;
import io.imgedge.transform.RenderScope;
import io.imgedge.transform.TransformTimeoutException;
import io.imgedge.transform.testing.Ffprobe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MP4 encoder's process hygiene: when the render is abandoned or its time is up while ffmpeg
 * runs, ffmpeg is killed (no child process is left) within a fraction of a second, and the
 * temporary frames are deleted, as they are after a normal encode. Also its small rules: CRF per
 * quality and even sides.
 */
class Mp4AnimationEncoderTest {
  private static Ffmpeg ffmpeg;

  @BeforeAll
  static void ffmpeg() {
    Ffprobe.assumeInstalled();
    ffmpeg = java.util.Objects.requireNonNull(Ffmpeg.locate("ffmpeg"));
  }

  /** Noise frames large enough that libx264 on one thread takes seconds over them. */
  private static Mp4AnimationEncoder slowEncode() {
    Mp4AnimationEncoder encoder = new Mp4AnimationEncoder(ffmpeg, new EncodeOptions(100, false));
    SplittableRandom random = new SplittableRandom(7);
    int[] pixels = new int[1280 * 720];
    for (int f = 0; f < 40; f++) {
      BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = random.nextInt();
      }
      frame.setRGB(0, 0, 1280, 720, pixels, 0, 1280);
      encoder.add(frame, 40);
    }
    return encoder;
  }

  private static List<ProcessHandle> ffmpegChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
        .toList();
  }

  private static List<Path> temporaryFolders() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("imgedge-mp4-")).toList();
    }
  }

  @Test
  void abandoned_whileFfmpegRuns_killsItAtOnce_andDeletesTheFrames() throws Exception {
    List<Path> before = temporaryFolders();
    Mp4AnimationEncoder encoder = slowEncode();
    assertThat(temporaryFolders()).hasSize(before.size() + 1);
    Deadline deadline = Deadline.after(Duration.ofMinutes(1), System::nanoTime);
    java.util.concurrent.atomic.AtomicLong abandonedAt =
        new java.util.concurrent.atomic.AtomicLong();
    try (ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor()) {
      watcher.scheduleWithFixedDelay(
          () -> {
            if (abandonedAt.get() == 0 && !ffmpegChildren().isEmpty()) {
              abandonedAt.set(System.nanoTime());
              deadline.abandon();
            }
          },
          5,
          5,
          TimeUnit.MILLISECONDS);
      Throwable stopped = catchThrowable(() -> RenderScope.call(deadline, encoder::finish));
      long after = System.nanoTime() - abandonedAt.get();

      assertThat(stopped).isInstanceOf(RenderAbandonedException.class);
      assertThat(abandonedAt.get()).as("ffmpeg was seen running").isPositive();
      assertThat(TimeUnit.NANOSECONDS.toMillis(after)).isLessThan(1000);
    }
    assertThat(ffmpegChildren()).as("no ffmpeg left running").isEmpty();
    assertThat(temporaryFolders()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void pastItsDeadline_whileFfmpegRuns_killsIt() throws Exception {
    List<Path> before = temporaryFolders();
    Mp4AnimationEncoder encoder = slowEncode();
    Deadline deadline = Deadline.after(Duration.ofMillis(300), System::nanoTime);
    long start = System.nanoTime();
    Throwable stopped = catchThrowable(() -> RenderScope.call(deadline, encoder::finish));

    assertThat(stopped).isInstanceOf(TransformTimeoutException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
    assertThat(ffmpegChildren()).isEmpty();
    assertThat(temporaryFolders()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void closedWithoutFinishing_deletesTheFrames() throws Exception {
    List<Path> before = temporaryFolders();
    Mp4AnimationEncoder encoder = new Mp4AnimationEncoder(ffmpeg, new EncodeOptions(85, false));
    encoder.add(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), 50);
    assertThat(temporaryFolders()).hasSize(before.size() + 1);
    encoder.close();
    assertThat(temporaryFolders()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void crf_followsQuality_default85IsLibx264sDefault23() {
    assertThat(Mp4AnimationEncoder.crf(85)).isEqualTo(23);
    assertThat(Mp4AnimationEncoder.crf(100)).isEqualTo(17);
    assertThat(Mp4AnimationEncoder.crf(50)).isEqualTo(37);
    assertThat(Mp4AnimationEncoder.crf(1)).isEqualTo(51);
  }

  @Test
  void even_dropsAnOddPixel_andDoublesASinglePixel() {
    assertThat(Mp4AnimationEncoder.even(41)).isEqualTo(40);
    assertThat(Mp4AnimationEncoder.even(40)).isEqualTo(40);
    assertThat(Mp4AnimationEncoder.even(1)).isEqualTo(2);
  }

  @Test
  void ffmpeg_isDescribed() {
    assertThat(Ffmpeg.describe(ffmpeg)).startsWith("ffmpeg ").endsWith("(libx264)");
    assertThat(Ffmpeg.describe(null)).startsWith("unavailable");
    assertThat(Ffmpeg.locate("/nonexistent/ffmpeg")).isNull();
    assertThat(Ffmpeg.locate("")).isNull();
  }
}
