package io.imgedge.transform.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.codec.jxl.JxlFixtures;
import io.imgedge.transform.codec.jxl.JxlPixels;
import io.imgedge.transform.codec.jxl.LibJxl;
import io.imgedge.transform.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * {@link GrayProfile}, the conversion JPEG XL's gray output profiles get (named for the Jxl* test
 * run).
 */
class JxlGrayProfileTest {

  @Test
  void linearGray_isMappedToTheSrgbCurve() {
    GrayProfile linear =
        GrayProfile.forGrayImage(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());
    assertThat(linear).isNotNull();
    assertThat(linear.srgb(0)).isZero();
    assertThat(linear.srgb(255)).isEqualTo(255);
    // linear 0.5 is sRGB 0.735 (187.5 levels)
    assertThat(linear.srgb(128)).isBetween(186, 190);
  }

  @Test
  void gamma22Gray_isCloseToSrgbButNotTheSame() throws Exception {
    JxlPixels gray =
        LibJxl.load(LibJxl.DEFAULT_LIBRARY)
            .decode(JxlFixtures.bytes("gray-gamma22-jpeg-recompressed.jxl"), 100_000);
    GrayProfile gamma22 = GrayProfile.forGrayImage(gray.iccProfile());
    assertThat(gamma22).isNotNull();
    int maxDifference = 0;
    for (int v = 0; v < 256; v++) {
      maxDifference = Math.max(maxDifference, Math.abs(gamma22.srgb(v) - v));
    }
    assertThat(maxDifference).isBetween(2, 12);
  }

  @Test
  void notGray_orUnreadable_isLeftAlone() {
    assertThat(GrayProfile.forGrayImage(null)).isNull();
    assertThat(GrayProfile.forGrayImage(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()))
        .isNull();
    assertThat(GrayProfile.forGrayImage(new byte[] {0, 1, 2})).isNull();
  }

  @Test
  void toSrgb_mapsEachColourChannel_andKeepsAlpha() {
    GrayProfile linear =
        GrayProfile.forGrayImage(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());
    BufferedImage image = TestImages.of(2, 1, true, 0x80808080, 0x00FF0000);
    BufferedImage out = linear.toSrgb(image);
    int v = linear.srgb(0x80);
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(out.getRGB(0, 0)).isEqualTo(0x80000000 | v << 16 | v << 8 | v);
    assertThat(out.getRGB(1, 0)).isEqualTo(0x00FF0000);
    BufferedImage opaque = linear.toSrgb(TestImages.of(1, 1, false, 0xFF808080));
    assertThat(opaque.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(opaque.getRGB(0, 0)).isEqualTo(0xFF000000 | v << 16 | v << 8 | v);
  }
}
