package io.imgedge.transform.codec;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncodersTest {
  private static final Encoders ENCODERS = new Encoders();
  private static final ImageDecoder DECODER = new ImageDecoder();

  @Test
  void providers_coverTheFourWritableFormats() {
    assertThat(ENCODERS.providers()).containsOnlyKeys(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP);
    assertThat(ENCODERS.providers().get(ImageFormat.WEBP)).startsWith("com.luciad.imageio.webp.");
    assertThat(ENCODERS.providers().get(ImageFormat.JPEG)).isIn(
        ENCODERS.jpegCodec(), "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi");
  }

  @Test
  void providers_pureJava_jpegIsTheJdkWriter() {
    Encoders pureJava = new Encoders(NativeCodecs.none());
    assertThat(pureJava.providers().get(ImageFormat.JPEG)).startsWith("com.sun.imageio.");
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

  @Test
  void encodeJpeg_turboProgressive_isProgressive() {
    Encoders turbo = new Encoders(NativeCodecsTest.turbo());
    byte[] jpeg = turbo.encode(TestImages.horizontalGradient(64, 64), ImageFormat.JPEG, new EncodeOptions(80, true));
    var header = new io.imgedge.transform.probe.HeaderProbe(io.imgedge.transform.ImageLimits.FASTLY).probe(jpeg, null);
    assertThat(header.progressive()).isTrue();
  }

  @Test
  void decoders_areChosenByProvider() {
    assertThat(DECODER.decoderName(ImageFormat.JPEG)).startsWith("com.twelvemonkeys.");
    assertThat(DECODER.decoderName(ImageFormat.WEBP)).startsWith("com.twelvemonkeys.");
    assertThat(DECODER.decoderName(ImageFormat.PNG)).startsWith("com.sun.imageio.");
  }

  @ParameterizedTest
  @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG", "GIF", "WEBP"})
  void encode_producesThatFormatAtThatSize(ImageFormat format) {
    BufferedImage image = TestImages.horizontalGradient(33, 7);
    byte[] bytes = ENCODERS.encode(image, format, new EncodeOptions(80, false));
    assertThat(ImageFormat.sniff(bytes)).isEqualTo(format);
    assertThatImage(bytes).hasSize(33, 7);
  }

  @ParameterizedTest
  @EnumSource(value = ImageFormat.class, names = {"PNG", "WEBP"})
  void encode_keepsAlpha(ImageFormat format) {
    BufferedImage image = TestImages.checkerboard(8, 8, 0x00000000, 0xFF00FF00);
    assertThatImage(ENCODERS.encode(image, format, new EncodeOptions(90, false)))
        .hasAlphaChannel().hasTransparentPixels();
  }

  @Test
  void encode_unwritableFormat_isRejected() {
    assertThatThrownBy(() -> ENCODERS.encode(TestImages.solid(1, 1, 0xFF000000), ImageFormat.TIFF,
        new EncodeOptions(80, false))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIFF");
  }
}
