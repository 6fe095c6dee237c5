package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.probe.FrameTable;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.Ffprobe;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code format=mp4} (issue 19): H.264 in MP4 from animated GIF and WebP, checked with ffprobe as
 * the independent decoder: codec, 4:2:0, even sides, frame count and every frame's duration, the
 * profile and level asked for (also read from the {@code avcC} box, which copies the SPS), the
 * index before the data ({@code +faststart}), and the size against the GIF. Skipped only where
 * ffmpeg is not installed.
 */
class TransformerMp4Test {
  private static final TestTransformer T = TestTransformer.withFastlyDefaults();

  /** Varying delays, as GIFs have them: 40 to 130 ms, in whole hundredths. */
  private static final int[] DELAYS = {
    40, 60, 80, 100, 50, 70, 90, 110, 130, 40, 60, 80, 100, 50, 70, 90, 110, 130, 40, 200
  };

  @BeforeAll
  static void ffmpeg() {
    Ffprobe.assumeInstalled();
  }

  /**
   * 20 frames of 320x240 panning across the corpus' photograph (sharp's benchmark photo, 2725x2225,
   * halved), written as a GIF by imgedge's own GIF encoder (a 256-colour palette per frame).
   */
  static byte[] photographicGif() {
    BufferedImage photo =
        TestImages.boxDownscale(TestImages.decode(Corpus.bytes("perf-2725x2225.jpg")), 2);
    var gif = new Encoders().animation(ImageFormat.GIF, new EncodeOptions(85, false), 0);
    for (int i = 0; i < DELAYS.length; i++) {
      BufferedImage frame = new BufferedImage(320, 240, BufferedImage.TYPE_INT_ARGB);
      var g = frame.createGraphics();
      g.drawImage(photo, -(300 + 12 * i), -(400 + 5 * i), null);
      g.dispose();
      gif.add(frame, DELAYS[i]);
    }
    return gif.finish();
  }

  @Test
  void photographicGif_isAnH264Mp4_withTheSameFramesAndDurations_atMostAQuarterOfTheBytes() {
    byte[] gif = photographicGif();
    RenderResult r = T.render(gif, "format=mp4");

    assertThat(r.format()).isEqualTo(ImageFormat.MP4);
    assertThat(r.format().mediaType()).isEqualTo("video/mp4");
    assertThat(r.warnings()).isEmpty();
    Map<String, String> stream = Ffprobe.stream(r.bytes());
    assertThat(stream)
        .containsEntry("codec_name", "h264")
        .containsEntry("pix_fmt", "yuv420p")
        .containsEntry("width", "320")
        .containsEntry("height", "240")
        .containsEntry("profile", "Constrained Baseline")
        .containsEntry("level", "30");
    assertThat(Ffprobe.frames(r.bytes())).hasSize(20);
    assertThat(Ffprobe.frameMillis(r.bytes()))
        .containsExactlyElementsOf(java.util.Arrays.stream(DELAYS).boxed().toList());
    assertThat(topLevelBoxes(r.bytes())).containsSubsequence("ftyp", "moov", "mdat");
    assertThat(topLevelBoxes(r.bytes()).indexOf("moov"))
        .isLessThan(topLevelBoxes(r.bytes()).indexOf("mdat"));
    assertThat((double) r.bytes().length)
        .as("MP4 %d bytes against the GIF's %d", r.bytes().length, gif.length)
        .isLessThanOrEqualTo(0.25 * gif.length);
    assertThat(r.info()).contains("ofmt=mp4").contains("odim=320x240");
  }

  @Test
  void corpusAnimatedGif_keepsItsThirtyFramesOf30Ms_flattenedOntoWhite() {
    byte[] gif = Corpus.bytes("gif-animated.gif");
    FrameTable source = FrameTable.scan(gif, ImageFormat.GIF);
    RenderResult r = T.render(gif, "format=mp4");

    assertThat(Ffprobe.stream(r.bytes()))
        .containsEntry("width", "80")
        .containsEntry("height", "80");
    assertThat(Ffprobe.frames(r.bytes())).hasSize(source.frames().size()).hasSize(30);
    assertThat(Ffprobe.frameMillis(r.bytes()))
        .containsExactlyElementsOf(
            source.frames().stream().map(FrameTable.Frame::delayMillis).toList());
  }

  @Test
  void animatedWebp_keepsItsNineDurations() {
    RenderResult r = T.render(TestImages.resource("webp-animated.webp"), "format=mp4&width=40");
    assertThat(r.format()).isEqualTo(ImageFormat.MP4);
    assertThat(Ffprobe.frameMillis(r.bytes()))
        .containsExactly(120, 120, 90, 120, 120, 90, 120, 90, 30);
  }

  @Test
  void profileHighLevel40_isInTheSps() {
    byte[] gif = TestImages.resource("gif-animated.gif");
    RenderResult r = T.render(gif, "format=mp4&profile=high&level=4.0");

    assertThat(Ffprobe.stream(r.bytes()))
        .containsEntry("profile", "High")
        .containsEntry("level", "40");
    byte[] avcC = box(r.bytes(), "avcC");
    assertThat(avcC[1] & 0xFF).as("profile_idc").isEqualTo(100);
    assertThat(avcC[3] & 0xFF).as("level_idc").isEqualTo(40);
    RenderResult main = T.render(gif, "format=mp4&profile=main&level=5.2");
    assertThat(Ffprobe.stream(main.bytes()))
        .containsEntry("profile", "Main")
        .containsEntry("level", "52");
  }

  @Test
  void oddSides_loseTheirLastPixel() {
    RenderResult r = T.render(TestImages.resource("gif-animated.gif"), "format=mp4&width=41");
    assertThat(r.width()).isEqualTo(40);
    assertThat(r.height()).isEqualTo(40);
    assertThat(Ffprobe.stream(r.bytes()))
        .containsEntry("width", "40")
        .containsEntry("height", "40");
  }

  @Test
  void tinyDelays_areShownFor100Ms_asBrowsersShowThem() {
    var gif = new Encoders().animation(ImageFormat.GIF, new EncodeOptions(85, false), 0);
    gif.add(TestImages.solid(16, 16, 0xFFFF0000), 0);
    gif.add(TestImages.solid(16, 16, 0xFF00FF00), 10);
    gif.add(TestImages.solid(16, 16, 0xFF0000FF), 20);
    RenderResult r = T.render(gif.finish(), "format=mp4");
    assertThat(Ffprobe.frameMillis(r.bytes())).containsExactly(100, 100, 20);
  }

  @Test
  void stillImage_isServedInItsOwnFormat_withAWarning() {
    RenderResult jpeg = T.render(TestImages.resource("icc-displayp3-small.jpg"), "format=mp4");
    assertThat(jpeg.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(jpeg.warnings()).anyMatch(w -> w.contains("format=mp4 is for animations"));

    RenderResult first = T.render(TestImages.resource("gif-animated.gif"), "format=mp4&frame=1");
    assertThat(first.format()).isEqualTo(ImageFormat.GIF);
    assertThat(FrameTable.scan(first.bytes(), ImageFormat.GIF).frames()).hasSize(1);
    assertThat(first.warnings()).anyMatch(w -> w.contains("served as GIF"));
  }

  @Test
  void autoWebp_besideFormatMp4_winsForAWebpClient_asOverAnyFormat() {
    byte[] gif = TestImages.resource("gif-animated.gif");
    assertThat(T.render(gif, "format=mp4&auto=webp", "image/webp,*/*").format())
        .isEqualTo(ImageFormat.WEBP);
    assertThat(T.render(gif, "format=mp4&auto=webp", "image/png").format())
        .isEqualTo(ImageFormat.MP4);
  }

  @Test
  void withoutFfmpeg_theAnimationKeepsItsFormat_withAWarning() {
    Transformer noFfmpeg =
        new Transformer(
            ImageLimits.FASTLY,
            TransformDefaults.FASTLY,
            new ImageDecoder(NativeCodecs.none()),
            new Encoders(NativeCodecs.none(), null),
            new ConvolutionResizer(),
            System::nanoTime);
    TransformSpec spec = new TransformSpecParser(TransformDefaults.FASTLY).parse("format=mp4");
    RenderResult r =
        noFfmpeg.render(
            TestImages.resource("gif-animated.gif"),
            null,
            spec,
            FormatNegotiation.negotiate(spec, null),
            TestTransformer.BUDGET);
    assertThat(r.format()).isEqualTo(ImageFormat.GIF);
    assertThat(FrameTable.scan(r.bytes(), ImageFormat.GIF).frames()).hasSize(30);
    assertThat(r.warnings()).anyMatch(w -> w.contains("ffmpeg is not installed"));
  }

  @Test
  void badProfileOrLevel_isA400_namingTheParameter() {
    assertThatThrownBy(
            () ->
                T.render(
                    TestImages.resource("gif-animated.gif"),
                    "format=mp4&profile=extended&level=3.0"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'profile'")
        .hasMessageContaining("baseline, main or high")
        .satisfies(e -> assertThat(((TransformException) e).status()).isEqualTo(400));
    assertThatThrownBy(
            () ->
                T.render(
                    TestImages.resource("gif-animated.gif"), "format=mp4&profile=high&level=1.4"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'level'");
  }

  @Test
  void oversizedAnimation_isRefusedFromTheHeader_beforeAnyEncode() {
    assertThatThrownBy(
            () -> T.render(TestImages.resource("bomb-gif-frame-65535x65535.gif"), "format=mp4"))
        .isInstanceOf(TransformException.class)
        .satisfies(e -> assertThat(((TransformException) e).status()).isBetween(400, 499));
  }

  /** Random byte mutations of the animated GIF: each is an MP4 or a clean 4xx, never a 5xx. */
  @Test
  void mutations_ofTheAnimatedGif_areAnMp4OrA4xx() {
    byte[] gif = TestImages.resource("gif-animated.gif");
    SplittableRandom random = new SplittableRandom(19);
    int mp4 = 0;
    for (int i = 0; i < 16; i++) {
      byte[] m = gif.clone();
      for (int j = 0; j < 8; j++) {
        m[13 + random.nextInt(m.length - 13)] = (byte) random.nextInt(256);
      }
      try {
        RenderResult r = T.render(m, "format=mp4&width=32");
        if (r.format() == ImageFormat.MP4) {
          assertThat(Ffprobe.stream(r.bytes())).containsEntry("codec_name", "h264");
          mp4++;
        }
      } catch (TransformException e) {
        assertThat(e.status()).as(e.getMessage()).isBetween(400, 499);
      }
    }
    assertThat(mp4).as("mutations still rendered as MP4").isPositive();
  }

  /** The four-character types of the top-level boxes, in order. */
  static List<String> topLevelBoxes(byte[] mp4) {
    List<String> types = new ArrayList<>();
    long at = 0;
    while (at + 8 <= mp4.length) {
      long size = u32(mp4, (int) at);
      types.add(new String(mp4, (int) at + 4, 4, StandardCharsets.US_ASCII));
      if (size < 8) {
        break;
      }
      at += size;
    }
    return types;
  }

  /** The payload of the first box of this type, found by its name (enough for {@code avcC}). */
  static byte[] box(byte[] mp4, String type) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    for (int i = 4; i + 4 <= mp4.length; i++) {
      if (java.util.Arrays.equals(mp4, i, i + 4, name, 0, 4)) {
        int size = (int) u32(mp4, i - 4);
        return java.util.Arrays.copyOfRange(mp4, i + 4, i - 4 + size);
      }
    }
    throw new AssertionError("no " + type + " box");
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xFFL) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | (b[at + 3] & 0xFF);
  }
}
