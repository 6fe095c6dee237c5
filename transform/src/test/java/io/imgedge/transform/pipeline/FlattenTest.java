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
import org.junit.jupiter.params.provider.CsvSource;

class FlattenTest {
  /** Transparent, half-transparent red, opaque blue, a quarter-opaque white. */
  private static final int[] PIXELS = {0x00000000, 0x80FF0000, 0xFF0000FF, 0x40FFFFFF};

  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  private BufferedImage flatten(String query, ImageFormat output) {
    PipelineContext context =
        Contexts.of(
            TestImages.of(2, 2, true, PIXELS), parser.parse(query), Orientation.NORMAL, output);
    new Flatten().apply(context);
    return context.image();
  }

  @Test
  void jpeg_isFlattenedOntoWhiteByDefault() {
    BufferedImage out = flatten("", ImageFormat.JPEG);
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(1, 0)).isEqualTo(0xFFFF7F7F);
    assertThat(out.getRGB(0, 1)).isEqualTo(0xFF0000FF);
    assertThat(out.getRGB(1, 1)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void jpeg_isFlattenedOntoBgColor_opaqueEvenWhenItIsTranslucent() {
    BufferedImage out = flatten("bg-color=0,0,0,0.5", ImageFormat.JPEG);
    assertThatImage(out).hasNoAlphaChannel();
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF000000);
    assertThat(out.getRGB(1, 0)).isEqualTo(0xFF800000);
  }

  @ParameterizedTest
  @CsvSource({"PNG", "WEBP", "GIF"})
  void alphaFormats_keepAlphaWithoutBgColor(ImageFormat output) {
    BufferedImage source = TestImages.of(2, 2, true, PIXELS);
    PipelineContext context = Contexts.of(source, TransformSpec.NONE, Orientation.NORMAL, output);
    new Flatten().apply(context);
    assertThat(context.image()).isSameAs(source);
  }

  @Test
  void png_withOpaqueBgColor_becomesOpaque() {
    BufferedImage out = flatten("bg-color=00ff00", ImageFormat.PNG);
    assertThatImage(out).hasNoAlphaChannel();
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF00FF00);
    assertThat(out.getRGB(1, 0)).isEqualTo(0xFF807F00);
  }

  @Test
  void png_withTranslucentBgColor_composesBothAlphas() {
    BufferedImage out = flatten("bg-color=0,0,255,0.5", ImageFormat.PNG);
    assertThatImage(out).hasAlphaChannel();
    assertThat(out.getRGB(0, 0)).as("background only").isEqualTo(0x800000FF);
    // red a=128 over blue a=128: alpha 128 + 128 * 127 / 255 = 191; red weight 128/191
    assertThat(out.getRGB(1, 0)).isEqualTo(0xBFAB0054);
    assertThat(out.getRGB(0, 1)).as("opaque pixels stay").isEqualTo(0xFF0000FF);
  }

  @Test
  void opaqueImage_isLeftAlone() {
    BufferedImage opaque = TestImages.solid(2, 2, 0xFF123456);
    PipelineContext context =
        Contexts.of(opaque, parser.parse("bg-color=f00"), Orientation.NORMAL, ImageFormat.JPEG);
    new Flatten().apply(context);
    assertThat(context.image()).isSameAs(opaque);
  }
}
