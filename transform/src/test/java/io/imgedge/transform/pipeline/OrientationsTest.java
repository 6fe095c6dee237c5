package io.imgedge.transform.pipeline;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every EXIF orientation, pixel for pixel, against an independent implementation written from the
 * EXIF specification's table of what the stored 0th row and 0th column show ({@link
 * TestImages#upright}).
 */
class OrientationsTest {
  /** 3x2, every pixel distinct, with partly transparent values that premultiplying would round. */
  private static final int[] PIXELS = {
    0x0AC81E64, 0x80FF0000, 0x01020304,
    0xFF00FF00, 0x7F123456, 0x00FFFFFF,
  };

  @ParameterizedTest(name = "{0}")
  @EnumSource(Orientation.class)
  void apply_argb_matchesTheExifDefinitionExactly(Orientation orientation) {
    BufferedImage source = TestImages.of(3, 2, true, PIXELS);

    BufferedImage result = Orientations.apply(source, orientation);

    assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThatImage(result).hasSamePixelsAs(TestImages.upright(source, orientation.exifValue()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Orientation.class)
  void apply_rgb_matchesTheExifDefinitionAndKeepsItsType(Orientation orientation) {
    int[] opaque = Arrays.stream(PIXELS).map(p -> p | 0xFF000000).toArray();
    BufferedImage source = TestImages.of(3, 2, false, opaque);

    BufferedImage result = Orientations.apply(source, orientation);

    assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThatImage(result).hasSamePixelsAs(TestImages.upright(source, orientation.exifValue()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Orientation.class)
  void apply_leavesTheSourceUnchanged(Orientation orientation) {
    BufferedImage source = TestImages.of(3, 2, true, PIXELS);
    Orientations.apply(source, orientation);
    assertThat(Pixels.argb(source)).containsExactly(PIXELS);
  }

  @Test
  void apply_largerOddSizedImage_matchesTheReference() {
    int w = 7;
    int h = 5;
    int[] pixels = new int[w * h];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i * 37) << 24 | i * 0x010203;
    }
    BufferedImage source = TestImages.of(w, h, true, pixels);
    for (Orientation o : Orientation.values()) {
      assertThatImage(Orientations.apply(source, o))
          .as("%s", o)
          .hasSamePixelsAs(TestImages.upright(source, o.exifValue()));
    }
  }

  @Test
  void reference_matchesTheExifTable() {
    BufferedImage source = TestImages.of(3, 2, true, PIXELS);
    // 6 (rotate 90 clockwise): the stored top-left pixel ends up top-right.
    assertThat(TestImages.upright(source, 6).getRGB(1, 0)).isEqualTo(PIXELS[0]);
    // 8 (rotate 90 anticlockwise): the stored top-left pixel ends up bottom-left.
    assertThat(TestImages.upright(source, 8).getRGB(0, 2)).isEqualTo(PIXELS[0]);
    // 5 (transpose) keeps the top-left; 7 (transverse) sends it to the bottom-right.
    assertThat(TestImages.upright(source, 5).getRGB(0, 0)).isEqualTo(PIXELS[0]);
    assertThat(TestImages.upright(source, 7).getRGB(1, 2)).isEqualTo(PIXELS[0]);
  }
}
