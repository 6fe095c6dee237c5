package io.imgedge.transform.pipeline;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.InvalidParameterException;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TrimColorTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  private static BufferedImage framed(int border) {
    int[] px = new int[60 * 40];
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 60; x++) {
        boolean inside = x >= 10 && x < 50 && y >= 5 && y < 35;
        px[y * 60 + x] = inside ? 0xFF2040C0 : border;
      }
    }
    return TestImages.of(60, 40, false, px);
  }

  @Test
  void trimColor_removesTheBorder_andLaysTheRestOutAgain() {
    var context =
        Contexts.of(
            framed(0xFFFFFFFF),
            parser.parse("trim-color=fff&width=0.5"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new TrimColor().apply(context);
    assertThatImage(context.image()).hasSize(40, 30).isUniform();
    assertThat(context.plan().width()).as("width=0.5 of the trimmed image").isEqualTo(20);
  }

  @Test
  void trimColor_auto_usesTheTopLeftPixel_withinTheThreshold() {
    var context =
        Contexts.of(
            framed(0xFF0A0A0A),
            parser.parse("trim-color=auto,t0.1"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new TrimColor().apply(context);
    assertThatImage(context.image()).hasSize(40, 30);
    var strict =
        Contexts.of(
            framed(0xFF0A0A0A),
            parser.parse("trim-color=000"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new TrimColor().apply(strict);
    assertThatImage(strict.image())
        .as("10 levels off black exceeds the default threshold (10.2)")
        .hasSize(40, 30);
    var exact =
        Contexts.of(
            framed(0xFF0A0A0A),
            parser.parse("trim-color=000,t0"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new TrimColor().apply(exact);
    assertThatImage(exact.image()).hasSize(60, 40);
  }

  @Test
  void trimColor_thatRemovesEverything_isAnError() {
    var context =
        Contexts.of(
            TestImages.solid(8, 8, 0xFFFFFFFF),
            parser.parse("trim-color=fff"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    assertThatThrownBy(() -> new TrimColor().apply(context))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'trim-color'");
  }
}
