package io.imgedge.transform.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddedProfileTest {

  @Test
  void forRgbImage_nothingToDo_isNull() {
    assertThat(EmbeddedProfile.forRgbImage(null)).isNull();
    assertThat(EmbeddedProfile.forRgbImage("not a profile".getBytes(StandardCharsets.US_ASCII)))
        .isNull();
    assertThat(EmbeddedProfile.forRgbImage(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()))
        .as("sRGB already")
        .isNull();
    assertThat(EmbeddedProfile.forRgbImage(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData()))
        .as("not an RGB profile")
        .isNull();
  }

  /** A fuzzing finding: an RGB profile the colour engine cannot link threw CMMException. */
  @Test
  void forRgbImage_profileTheEngineCannotLink_isNull() throws Exception {
    byte[] jpeg;
    try (var in =
        getClass()
            .getResourceAsStream(
                "/io/imgedge/transform/fuzz/TurboJpegFuzzTestInputs/"
                    + "decode_anyJpegBytes_isAnImageOrAClean4xx/crash-717128d93247498d07d532ae86006f88542e751b")) {
      jpeg = in.readAllBytes();
    }
    byte[] profile =
        new io.imgedge.transform.probe.HeaderProbe(io.imgedge.transform.ImageLimits.FASTLY)
            .probe(jpeg, null)
            .iccProfile();
    assertThat(profile).isNotNull();
    assertThat(EmbeddedProfile.forRgbImage(profile)).isNull();
  }

  @Test
  void isSrgb_needsMoreThanTheName() {
    assertThat(EmbeddedProfile.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_sRGB))).isTrue();
    ICC_Profile linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
    assertThat(
            new String(
                linear.getData(ICC_Profile.icSigProfileDescriptionTag),
                StandardCharsets.ISO_8859_1))
        .as("the fixture's name says sRGB")
        .contains("linear sRGB");
    assertThat(EmbeddedProfile.isSrgb(linear)).isFalse();
  }

  @Test
  void toSrgb_convertsColourAndKeepsAlphaExactly() {
    EmbeddedProfile linear =
        EmbeddedProfile.forRgbImage(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
    assertThat(linear).isNotNull();
    BufferedImage image = TestImages.of(3, 1, true, 0x80404040, 0x01FF0000, 0xFF000000);

    BufferedImage out = linear.toSrgb(image);

    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    int gray = out.getRGB(0, 0) & 0xFF;
    assertThat(gray).as("linear 64 is sRGB ~137").isBetween(130, 144);
    assertThat(
            new int[] {out.getRGB(0, 0) >>> 24, out.getRGB(1, 0) >>> 24, out.getRGB(2, 0) >>> 24})
        .containsExactly(0x80, 0x01, 0xFF);
    assertThat(out.getRGB(2, 0)).isEqualTo(0xFF000000);
  }
}
