package io.imgedge.transform.codec;

import static io.imgedge.transform.codec.jxl.JxlFixtures.bytes;
import static io.imgedge.transform.codec.jxl.JxlFixtures.meanAlphaDifference;
import static io.imgedge.transform.codec.jxl.JxlFixtures.meanColourDifference;
import static io.imgedge.transform.codec.jxl.JxlFixtures.png;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.codec.jxl.LibJxl;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.color.GrayProfile;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JPEG XL files made by cjxl from corpus images, decoded and converted to sRGB as the pipeline
 * does, against libvips' sRGB renderings of the same files (see {@code
 * src/test/resources/jxl/make-fixtures.sh}); needs libjxl0.7.
 */
class JxlDecoderTest {
  private static final JxlDecoder DECODER = new JxlDecoder(LibJxl.load(LibJxl.DEFAULT_LIBRARY));
  private static final long LIMIT = 1_000_000;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fixture, pending conversion, alpha
    "p3-jpeg-recompressed, EmbeddedProfile, false",
    "adobergb-lossy, none, false",
    "hopper-lossy, none, false",
    "gray-gamma22-jpeg-recompressed, GrayProfile, false",
    "gray-alpha-lossless, GrayProfile, true",
    "palette-alpha-lossy, none, true"
  })
  void decodedAndConverted_matchesLibvipsInSrgb(String fixture, String pending, boolean alpha) {
    DecodedImage decoded = DECODER.decode(bytes(fixture + ".jxl"), LIMIT);
    assertThat(decoded.image().getType())
        .isEqualTo(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    assertThat(decoded.pending() == null ? "none" : decoded.pending().getClass().getSimpleName())
        .isEqualTo(pending);
    BufferedImage srgb =
        decoded.pending() == null ? decoded.image() : decoded.pending().toSrgb(decoded.image());
    int[] actual = argb(srgb);
    int[] reference = png(fixture + ".srgb.png");
    double colour = meanColourDifference(actual, reference);
    double alphaDiff = meanAlphaDifference(actual, reference);
    System.out.printf("%s: mean colour difference %.3f, alpha %.3f%n", fixture, colour, alphaDiff);
    assertThat(colour).as("mean |difference| of R, G, B in levels").isLessThanOrEqualTo(3.0);
    if (decoded.pending() != null) {
      double unconverted = meanColourDifference(argb(decoded.image()), reference);
      System.out.printf("%s: %.3f before the conversion%n", fixture, unconverted);
      assertThat(unconverted).as("the conversion matters").isGreaterThan(colour + 0.5);
    }
    assertThat(alphaDiff).as("mean |difference| of alpha").isLessThanOrEqualTo(alpha ? 1.0 : 0.0);
  }

  @Test
  void grayImages_comeOutNeutral() {
    DecodedImage decoded = DECODER.decode(bytes("gray-gamma22-jpeg-recompressed.jxl"), LIMIT);
    assertThatImage(decoded.image()).isNeutralGray(0);
    assertThatImage(decoded.pending().toSrgb(decoded.image())).isNeutralGray(0);
  }

  @Test
  void animation_firstFrameOnly() {
    DecodedImage decoded = DECODER.decode(bytes("animated-lossless.jxl"), LIMIT);
    int[] actual = argb(decoded.image());
    assertThat(decoded.pending()).isNull();
    assertThat(meanColourDifference(actual, png("animated-lossless.frame0.png"))).isZero();
    assertThat(meanAlphaDifference(actual, png("animated-lossless.frame0.png"))).isZero();
    assertThat(meanColourDifference(actual, png("animated-lossless.frame1.png"))).isGreaterThan(1);
  }

  @Test
  void orientation_pixelsStayAsStored() {
    DecodedImage decoded = DECODER.decode(bytes("orientation-6-jpeg-recompressed.jxl"), LIMIT);
    assertThatImage(decoded.image()).hasSize(75, 113);
    double diff =
        meanColourDifference(
            argb(decoded.image()), png("orientation-6-jpeg-recompressed.stored.png"));
    System.out.printf(
        "orientation-6: mean colour difference from the stored JPEG pixels %.3f%n", diff);
    assertThat(diff).isLessThanOrEqualTo(3.0);
  }

  @Test
  void decodedArray_isTheImagesOwnBuffer() {
    BufferedImage rgb = JxlDecoder.wrap(new int[] {0xFF102030, 0x00405060}, 2, 1, false);
    BufferedImage argb = JxlDecoder.wrap(new int[] {0xFF102030, 0x00405060}, 2, 1, true);
    assertThat(rgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(argb.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(rgb.getRGB(1, 0)).isEqualTo(0xFF405060);
    assertThat(argb.getRGB(1, 0)).isEqualTo(0x00405060);
  }

  @Test
  void failures_becomeTransformExceptions() {
    byte[] jxl = bytes("hopper-lossy.jxl");
    assertThatThrownBy(() -> DECODER.decode(Arrays.copyOf(jxl, jxl.length / 2), LIMIT))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> DECODER.decode(jxl, 128 * 128 - 1))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("128x128");
    assertThatThrownBy(() -> DECODER.decode("not an image".getBytes(), LIMIT))
        .isInstanceOf(InvalidImageException.class);
  }

  @Test
  void pending_forEachKindOfProfile() {
    assertThat(JxlDecoder.pending(null)).isNull();
    assertThat(JxlDecoder.pending(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())).isNull();
    assertThat(JxlDecoder.pending(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()))
        .isInstanceOf(EmbeddedProfile.class);
    assertThat(JxlDecoder.pending(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData()))
        .as("the JDK's gray is linear")
        .isInstanceOf(GrayProfile.class);
    assertThat(JxlDecoder.pending(new byte[] {1, 2, 3})).as("unreadable: taken as sRGB").isNull();
    byte[] cmyk = ICC_Profile.getInstance(ColorSpace.CS_PYCC).getData().clone();
    cmyk[16] = 'C';
    cmyk[17] = 'M';
    cmyk[18] = 'Y';
    cmyk[19] = 'K';
    assertThatThrownBy(() -> JxlDecoder.pending(cmyk))
        .isInstanceOf(UnsupportedImageException.class);
  }

  private static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
