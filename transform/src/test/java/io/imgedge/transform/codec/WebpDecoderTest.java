package io.imgedge.transform.codec;

import static io.imgedge.transform.codec.webp.WebpFixtures.argb;
import static io.imgedge.transform.codec.webp.WebpFixtures.bytes;
import static io.imgedge.transform.codec.webp.WebpFixtures.frameEnds;
import static io.imgedge.transform.codec.webp.WebpFixtures.frames;
import static io.imgedge.transform.codec.webp.WebpFixtures.meanAlphaDifference;
import static io.imgedge.transform.codec.webp.WebpFixtures.meanColourDifference;
import static io.imgedge.transform.codec.webp.WebpFixtures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InsufficientMemoryException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.codec.webp.WebpException;
import io.imgedge.transform.probe.FrameTable;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 (WebP part): lossy WebP is decoded as libwebp decodes it by default, with fancy
 * (interpolated) chroma upsampling, not TwelveMonkeys' nearest-neighbour chroma (about 2 levels off
 * on strongly coloured photos); animations come out as libwebp's {@code WebPAnimDecoder} composes
 * them. References: {@code dwebp} and an {@code anim_dump} equivalent, checked in by {@code
 * src/test/resources/webp/make-fixtures.sh}; needs libwebp7 and libwebpdemux2.
 */
class WebpDecoderTest {
  private static final ImageDecoder LIBWEBP = new ImageDecoder(NativeCodecsTest.webp());
  private static final ImageDecoder IMAGEIO = new ImageDecoder(NativeCodecs.none());
  private static final HeaderProbe PROBE = new HeaderProbe(ImageLimits.FASTLY);

  private static ImageHeader header(byte[] data) {
    return PROBE.probe(data, null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fixture, alpha
    "tattoo-lossy, false",
    "tattoo-lossless, false",
    "tattoo-alpha-lossy, true",
    "tattoo-alpha-lossless, true"
  })
  void decode_matchesDwebp(String fixture, boolean alpha) {
    byte[] data = bytes(fixture + ".webp");
    DecodedImage decoded = LIBWEBP.decode(data, header(data));

    assertThat(decoded.image().getType())
        .isEqualTo(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    assertThat(decoded.pending()).as("no ICC profile").isNull();
    int[] reference = png(fixture + ".dwebp.png");
    double colour = meanColourDifference(argb(decoded.image()), reference);
    System.out.printf(
        "%s: libwebp against dwebp, mean colour difference %.4f levels%n", fixture, colour);
    assertThat(colour).as("mean |difference| of R, G, B in levels").isLessThan(0.1);
    assertThat(meanAlphaDifference(argb(decoded.image()), reference)).isZero();
  }

  /** The issue itself: what TwelveMonkeys gave, and what libwebp gives, against dwebp. */
  @Test
  void lossyChroma_isUpsampledAsLibwebpDoes_notAsTwelveMonkeysDid() {
    byte[] data = bytes("tattoo-lossy.webp");
    int[] reference = png("tattoo-lossy.dwebp.png");

    double before =
        meanColourDifference(argb(IMAGEIO.decode(data, header(data)).image()), reference);
    double after =
        meanColourDifference(argb(LIBWEBP.decode(data, header(data)).image()), reference);

    System.out.printf(
        "tattoo-lossy.webp against dwebp: TwelveMonkeys %.3f levels, libwebp %.3f%n",
        before, after);
    assertThat(before).as("TwelveMonkeys' non-fancy upsampling").isGreaterThan(1.0);
    assertThat(after).isLessThan(0.1);
  }

  @Test
  void lossless_isExactOnBothPaths() {
    byte[] data = bytes("tattoo-lossless.webp");
    int[] reference = png("tattoo-lossless.dwebp.png");
    assertThat(argb(LIBWEBP.decode(data, header(data)).image())).isEqualTo(reference);
    assertThat(argb(IMAGEIO.decode(data, header(data)).image())).isEqualTo(reference);
  }

  @Test
  void frames_areLibwebpsComposedCanvases_withTheFileTiming() {
    byte[] data = bytes("tattoo-animated.webp");
    List<int[]> frames = decodeFrames(LIBWEBP, data);

    List<int[]> animDump = frames("tattoo-animated.anim_dump.png", 96 * 72);
    List<int[]> vips = frames("tattoo-animated.vips.png", 96 * 72);
    assertThat(frames).hasSize(4).hasSameSizeAs(animDump);
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i)).as("frame %d, as anim_dump", i + 1).isEqualTo(animDump.get(i));
      assertThat(meanColourDifference(frames.get(i), vips.get(i)))
          .as("frame %d, as libvips", i + 1)
          .isLessThan(0.1);
      assertThat(meanAlphaDifference(frames.get(i), vips.get(i)))
          .as("blending rounds differently by 1")
          .isLessThan(0.5);
    }
    int disposedByFrame2 = frames.get(2)[20 * 96 + 20];
    assertThat(disposedByFrame2 >>> 24)
        .as("frame 2's area is cleared to transparent after it")
        .isZero();
    assertThat(frames.get(1)[20 * 96 + 20] >>> 24).as("frame 2 shows there").isNotZero();

    try (AnimationFrames decoded = LIBWEBP.frames(data, header(data))) {
      assertThat(decoded).isInstanceOf(WebpFrames.class);
      assertThat(decoded.table().loopCount()).isEqualTo(3);
      assertThat(decoded.table().frames())
          .extracting(FrameTable.Frame::delayMillis)
          .containsExactly(100, 80, 120, 60)
          .containsExactlyElementsOf(durations("tattoo-animated.anim_dump.txt"));
      assertThat(decoded.table().frames())
          .extracting(FrameTable.Frame::disposal)
          .containsExactly(
              FrameTable.Disposal.NONE,
              FrameTable.Disposal.BACKGROUND,
              FrameTable.Disposal.NONE,
              FrameTable.Disposal.NONE);
    }
  }

  @Test
  void frames_corpusAnimation_matchAnimDump_andTheImageIoPathIsOffByItsUpsampling() {
    byte[] data = bytes("rotating-squares.webp");
    List<int[]> animDump = frames("rotating-squares.anim_dump.png", 80 * 80);

    List<int[]> libwebp = decodeFrames(LIBWEBP, data);
    List<int[]> imageIo = decodeFrames(IMAGEIO, data);

    assertThat(libwebp).hasSize(9);
    assertThat(imageIo).hasSize(9);
    for (int i = 0; i < 9; i++) {
      assertThat(libwebp.get(i)).as("frame %d", i + 1).isEqualTo(animDump.get(i));
      double old = meanColourDifference(imageIo.get(i), animDump.get(i));
      System.out.printf(
          "rotating-squares frame %d: TwelveMonkeys + CoalescedFrames %.3f levels off anim_dump%n",
          i + 1, old);
    }
    try (AnimationFrames decoded = LIBWEBP.frames(data, header(data))) {
      assertThat(decoded.table().frames())
          .extracting(FrameTable.Frame::delayMillis)
          .containsExactlyElementsOf(durations("rotating-squares.anim_dump.txt"));
    }
  }

  @Test
  void decode_animation_isTheFirstFrameOnItsCanvas() {
    byte[] data = bytes("rotating-squares.webp");
    DecodedImage first = LIBWEBP.decode(data, header(data));
    assertThat(first.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(argb(first.image()))
        .isEqualTo(frames("rotating-squares.anim_dump.png", 80 * 80).getFirst());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "tattoo-lossy.webp",
    "tattoo-lossless.webp",
    "tattoo-alpha-lossy.webp",
    "tattoo-animated.webp"
  })
  void truncated_isInvalid422(String fixture) {
    byte[] data = bytes(fixture);
    ImageHeader header = header(data); // the probe would refuse some cut files itself
    for (int length : new int[] {data.length * 2 / 3, data.length - 1, 40}) {
      byte[] cut = Arrays.copyOf(data, length);
      var e =
          catchThrowableOfType(
              InvalidImageException.class,
              () -> {
                LIBWEBP.decode(cut, header);
                decodeFrames(LIBWEBP, cut);
              });
      assertThat(e).as("%s cut to %d bytes", fixture, length).isNotNull();
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.getMessage()).as(fixture).containsAnyOf("truncated", "corrupt");
    }
  }

  @Test
  void corrupt_isInvalid422_withLibwebpsStatus() {
    byte[] data = bytes("tattoo-lossy.webp");
    byte[] bad = data.clone();
    for (int i = 40; i < 60; i++) { // the VP8 frame header and first partition's start
      bad[i] = (byte) 0xFF;
    }
    var e = catchThrowableOfType(TransformException.class, () -> LIBWEBP.decode(bad, header(data)));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage()).contains("VP8_STATUS_");
  }

  @Test
  void largerThanTheProbeRead_isRefusedBeforeDecoding() {
    byte[] data = bytes("tattoo-lossy.webp");
    ImageHeader small = header(bytes("tattoo-lossless.webp")); // 96x72, the file is 320x240
    var e = catchThrowableOfType(TransformException.class, () -> LIBWEBP.decode(data, small));
    assertThat(e.status()).isBetween(400, 499);
    assertThat(e.getMessage()).contains("320x240");
  }

  @Test
  void libwebpOutOfMemory_isInsufficientMemory503() {
    TransformException e =
        WebpDecoder.failure(
            new WebpException(WebpException.Kind.OUT_OF_MEMORY, "VP8_STATUS_OUT_OF_MEMORY"));
    assertThat(e).isInstanceOf(InsufficientMemoryException.class);
    assertThat(e.status()).isEqualTo(503);
  }

  @Test
  void decoderName_saysWhichDecoderIsUsed() {
    assertThat(LIBWEBP.decoderName(ImageFormat.WEBP)).isEqualTo(WebpDecoder.class.getName());
    assertThat(IMAGEIO.decoderName(ImageFormat.WEBP)).startsWith("com.twelvemonkeys.");
  }

  private static List<int[]> decodeFrames(ImageDecoder decoder, byte[] data) {
    List<int[]> out = new ArrayList<>();
    try (AnimationFrames frames = decoder.frames(data, header(data))) {
      while (frames.hasNext()) {
        out.add(argb(frames.next()));
      }
    }
    return out;
  }

  private static List<Integer> durations(String animDump) {
    List<Integer> ends = frameEnds(animDump);
    List<Integer> durations = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      durations.add(ends.get(i) - (i == 0 ? 0 : ends.get(i - 1)));
    }
    return durations;
  }
}
