package io.imgedge.transform.codec;

import static io.imgedge.transform.codec.jxl.JxlFixtures.gradient;
import static io.imgedge.transform.codec.jxl.JxlFixtures.meanAlphaDifference;
import static io.imgedge.transform.codec.jxl.JxlFixtures.meanColourDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.codec.jxl.JxlException;
import io.imgedge.transform.codec.jxl.JxlPixels;
import io.imgedge.transform.codec.jxl.LibJxl;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pipeline's JPEG XL encoder; needs libjxl0.7. */
class JxlEncoderTest {
  private static final LibJxl JXL = LibJxl.load(LibJxl.DEFAULT_LIBRARY);
  private static final JxlEncoder ENCODER = new JxlEncoder(JXL);

  @Test
  void opaqueImage_lossy_hasNoAlphaChannel() throws JxlException {
    BufferedImage image = TestImages.of(80, 60, false, gradient(80, 60, false));
    JxlPixels decoded = JXL.decode(ENCODER.encode(image, new EncodeOptions(80, false)), 10_000);
    assertThat(decoded.info().hasAlpha()).isFalse();
    assertThat(decoded.info().usesOriginalProfile()).isFalse();
    assertThat(meanColourDifference(decoded.argb(), gradient(80, 60, false))).isLessThan(2.5);
  }

  @Test
  void translucentImage_keepsAlpha() throws JxlException {
    BufferedImage image = TestImages.of(80, 60, true, gradient(80, 60, true));
    JxlPixels decoded = JXL.decode(ENCODER.encode(image, new EncodeOptions(80, false)), 10_000);
    assertThat(decoded.info().hasAlpha()).isTrue();
    assertThat(meanAlphaDifference(decoded.argb(), gradient(80, 60, true))).isLessThan(0.5);
  }

  @Test
  void quality100_andTheLosslessFlag_areLossless() throws JxlException {
    int[] noise = new Random(3).ints(40 * 30).toArray();
    BufferedImage image = TestImages.of(40, 30, true, noise);
    assertThat(JXL.decode(ENCODER.encode(image, new EncodeOptions(100, false)), 10_000).argb())
        .isEqualTo(noise);
    assertThat(
            JXL.decode(ENCODER.encode(image, new EncodeOptions(50, false, true, false)), 10_000)
                .argb())
        .isEqualTo(noise);
  }

  @Test
  void lowerQuality_isSmaller() {
    BufferedImage image = TestImages.of(128, 96, false, gradient(128, 96, false));
    assertThat(ENCODER.encode(image, new EncodeOptions(40, false)).length)
        .isLessThan(ENCODER.encode(image, new EncodeOptions(90, false)).length);
    assertThat(ENCODER.settings(new EncodeOptions(0, false)).distance())
        .as("clamped to quality 1")
        .isEqualTo(25);
  }

  @Test
  void subImage_andOtherTypes_areEncodedAsShown() throws JxlException {
    BufferedImage whole =
        TestImages.of(4, 1, false, 0xFF000000, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF);
    BufferedImage right = whole.getSubimage(2, 0, 2, 1);
    assertThat(JXL.decode(ENCODER.encode(right, new EncodeOptions(100, false)), 2).argb())
        .containsExactly(0xFF00FF00, 0xFF0000FF);
    BufferedImage bgr = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
    bgr.setRGB(0, 0, 0xFF123456);
    assertThat(JXL.decode(ENCODER.encode(bgr, new EncodeOptions(100, false)), 2).argb())
        .containsExactly(0xFF123456, 0xFF000000);
  }

  @Test
  void effort_isValidatedAtConstruction() {
    assertThatThrownBy(() -> new JxlEncoder(JXL, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ENCODER.providerName()).startsWith("libjxl 0.7.").endsWith("(FFM)");
  }
}
