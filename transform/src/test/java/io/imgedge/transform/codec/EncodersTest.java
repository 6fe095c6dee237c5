package io.imgedge.transform.codec;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncodersTest {
  private static final Encoders ENCODERS = new Encoders();
  private static final ImageDecoder DECODER = new ImageDecoder();

  @Test
  void providers_coverEveryWritableFormat_withTheNativeCodecsInstalled() {
    java.util.List<ImageFormat> expected =
        new java.util.ArrayList<>(
            java.util.List.of(
                ImageFormat.JPEG,
                ImageFormat.PNG,
                ImageFormat.GIF,
                ImageFormat.WEBP,
                ImageFormat.AVIF,
                ImageFormat.JXL));
    if (io.imgedge.transform.testing.Ffprobe.onPath("ffmpeg")) {
      expected.add(ImageFormat.MP4); // the program, where it is installed (CI installs it)
    }
    assertThat(ENCODERS.providers()).containsOnlyKeys(expected);
    assertThat(ENCODERS.providers().get(ImageFormat.AVIF)).startsWith("libavif 0.11");
    assertThat(ENCODERS.providers().get(ImageFormat.JXL)).startsWith("libjxl 0.7");
    assertThat(ENCODERS.providers().get(ImageFormat.WEBP)).startsWith("com.luciad.imageio.webp.");
    assertThat(ENCODERS.providers().get(ImageFormat.JPEG))
        .isIn(ENCODERS.jpegCodec(), "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi");
  }

  @Test
  void providers_pureJava_jpegIsTheJdkWriter() {
    Encoders pureJava = new Encoders(NativeCodecs.none(), null);
    assertThat(pureJava.providers().get(ImageFormat.JPEG)).startsWith("com.sun.imageio.");
    assertThat(pureJava.formats())
        .as("no AVIF or JPEG XL without their libraries, no MP4 without ffmpeg")
        .containsExactlyInAnyOrder(
            ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP);
    assertThat(pureJava.jpegCodec()).isEqualTo("ImageIO");
  }

  @Test
  void encodeJpeg_bothCodecs_decodeToTheSameImage() {
    Encoders turbo = new Encoders(NativeCodecsTest.turbo());
    Encoders pureJava = new Encoders(NativeCodecs.none());
    BufferedImage image = TestImages.horizontalGradient(96, 40);
    EncodeOptions q90 = new EncodeOptions(90, false);
    BufferedImage a = TestImages.decode(turbo.encode(image, ImageFormat.JPEG, q90));
    BufferedImage b = TestImages.decode(pureJava.encode(image, ImageFormat.JPEG, q90));
    assertThatImage(a).hasSize(96, 40).isCloseTo(image, 1.0);
    assertThatImage(b).isCloseTo(a, 1.0);
  }

  /** The JDK writer is given interleaved bytes made from the pipeline's ints: red stays red. */
  @Test
  void encodeJpeg_pureJava_keepsEachChannel() {
    BufferedImage image = new BufferedImage(48, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 48; x++) {
        image.setRGB(x, y, x < 16 ? 0xE01010 : x < 32 ? 0x10C020 : 0x2030F0);
      }
    }
    BufferedImage out =
        TestImages.decode(
            new Encoders(NativeCodecs.none())
                .encode(image, ImageFormat.JPEG, new EncodeOptions(95, false)));
    assertThatImage(out)
        .hasColorCloseTo(4, 8, new Rgb(0xE0, 0x10, 0x10), 12)
        .hasColorCloseTo(24, 8, new Rgb(0x10, 0xC0, 0x20), 12)
        .hasColorCloseTo(44, 8, new Rgb(0x20, 0x30, 0xF0), 12);
  }

  @Test
  void encodeJpeg_turboProgressive_isProgressive() {
    Encoders turbo = new Encoders(NativeCodecsTest.turbo());
    byte[] jpeg =
        turbo.encode(
            TestImages.horizontalGradient(64, 64), ImageFormat.JPEG, new EncodeOptions(80, true));
    var header =
        new io.imgedge.transform.probe.HeaderProbe(io.imgedge.transform.ImageLimits.FASTLY)
            .probe(jpeg, null);
    assertThat(header.progressive()).isTrue();
  }

  @Test
  void decoders_areChosenByProvider() {
    assertThat(DECODER.decoderName(ImageFormat.JPEG)).startsWith("com.twelvemonkeys.");
    assertThat(DECODER.decoderName(ImageFormat.WEBP))
        .as("libwebp")
        .isEqualTo(WebpDecoder.class.getName());
    assertThat(DECODER.decoderName(ImageFormat.PNG)).startsWith("com.sun.imageio.");
  }

  @ParameterizedTest
  @EnumSource(
      value = ImageFormat.class,
      names = {"JPEG", "PNG", "GIF", "WEBP"})
  void encode_producesThatFormatAtThatSize(ImageFormat format) {
    BufferedImage image = TestImages.horizontalGradient(33, 7);
    byte[] bytes = ENCODERS.encode(image, format, new EncodeOptions(80, false));
    assertThat(ImageFormat.sniff(bytes)).isEqualTo(format);
    assertThatImage(bytes).hasSize(33, 7);
  }

  @ParameterizedTest
  @EnumSource(
      value = ImageFormat.class,
      names = {"PNG", "WEBP"})
  void encode_keepsAlpha(ImageFormat format) {
    BufferedImage image = TestImages.checkerboard(8, 8, 0x00000000, 0xFF00FF00);
    assertThatImage(ENCODERS.encode(image, format, new EncodeOptions(90, false)))
        .hasAlphaChannel()
        .hasTransparentPixels();
  }

  @Test
  void encode_unwritableFormat_isRejected() {
    assertThatThrownBy(
            () ->
                ENCODERS.encode(
                    TestImages.solid(1, 1, 0xFF000000),
                    ImageFormat.TIFF,
                    new EncodeOptions(80, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TIFF");
  }

  /**
   * Issue 14: {@code bw=} promises 1-bit output; an opaque black-and-white PNG is written as 1-bit
   * gray.
   */
  @Test
  void encodePng_blackAndWhiteOnly_isOneBitGray() throws java.io.IOException {
    BufferedImage image = TestImages.checkerboard(64, 64, 0xFF000000, 0xFFFFFFFF);
    byte[] png = ENCODERS.encode(image, ImageFormat.PNG, new EncodeOptions(85, false));
    assertThat(png[24]).as("IHDR bit depth").isEqualTo((byte) 1);
    assertThat(png[25]).as("IHDR colour type (0: gray)").isEqualTo((byte) 0);
    BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    for (int y = 0; y < 64; y += 7) {
      for (int x = 0; x < 64; x += 5) {
        assertThat(back.getRGB(x, y) | 0xFF000000)
            .as("pixel %d,%d", x, y)
            .isEqualTo(image.getRGB(x, y));
      }
    }
  }

  @Test
  void encodePng_grayOrTransparentPixels_keepFullDepth() {
    BufferedImage gray = TestImages.checkerboard(8, 8, 0xFF000000, 0xFF808080);
    assertThat(ENCODERS.encode(gray, ImageFormat.PNG, new EncodeOptions(85, false))[24])
        .isEqualTo((byte) 8);
    BufferedImage transparent = TestImages.checkerboard(8, 8, 0x00000000, 0xFFFFFFFF);
    assertThatImage(ENCODERS.encode(transparent, ImageFormat.PNG, new EncodeOptions(85, false)))
        .hasTransparentPixels();
  }
}
