package io.imgedge.transform.pipeline;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link AutoOrient} (the source's EXIF tag) and {@link Orient} ({@code orient=}), as steps. */
class OrientStepsTest {
  private static final int[] PIXELS = {
    0x0AC81E64, 0x80FF0000, 0x01020304,
    0xFF00FF00, 0x7F123456, 0x00FFFFFF,
  };
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @ParameterizedTest(name = "{0}")
  @EnumSource(Orientation.class)
  void autoOrient_appliesTheExifOrientationExactly(Orientation exif) {
    BufferedImage stored = TestImages.of(3, 2, true, PIXELS);
    PipelineContext context = Contexts.of(stored, TransformSpec.NONE, exif, ImageFormat.PNG);

    new AutoOrient().apply(context);

    assertThatImage(context.image()).hasSamePixelsAs(TestImages.upright(stored, exif.exifValue()));
  }

  @Test
  void orient_withoutParameter_leavesTheImage() {
    BufferedImage stored = TestImages.of(3, 2, true, PIXELS);
    PipelineContext context =
        Contexts.of(stored, TransformSpec.NONE, Orientation.ROTATE_90, ImageFormat.PNG);
    new Orient().apply(context);
    assertThat(context.image()).isSameAs(stored);
  }

  @Test
  void orient_appliesAfterTheExifOrientation() {
    BufferedImage stored = TestImages.of(3, 2, true, PIXELS);
    // EXIF 6 then orient=l (8): a quarter turn each way, back to the stored image.
    PipelineContext back =
        Contexts.of(stored, parser.parse("orient=l"), Orientation.ROTATE_90, ImageFormat.PNG);
    new AutoOrient().apply(back);
    new Orient().apply(back);
    assertThatImage(back.image()).hasSamePixelsAs(stored);

    // EXIF 3 then orient=h: a vertical flip (4).
    PipelineContext flip =
        Contexts.of(stored, parser.parse("orient=h"), Orientation.ROTATE_180, ImageFormat.PNG);
    new AutoOrient().apply(flip);
    new Orient().apply(flip);
    assertThatImage(flip.image()).hasSamePixelsAs(TestImages.upright(stored, 4));
  }
}
