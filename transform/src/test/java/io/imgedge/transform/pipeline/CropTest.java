package io.imgedge.transform.pipeline;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CropTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  /** A flat gray 400x200 scene with a colourful, detailed subject in its left quarter. */
  static BufferedImage offCentreSubject() {
    int[] px = new int[400 * 200];
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 400; x++) {
        boolean subject = x >= 10 && x < 90 && y >= 50 && y < 150;
        int stripe = ((x / 6) + (y / 6)) % 2 == 0 ? 0xFFE04020 : 0xFF2050E0;
        px[y * 400 + x] = subject ? stripe : 0xFF808080;
      }
    }
    return TestImages.of(400, 200, false, px);
  }

  @Test
  void smartCrop_choosesTheOffCentreSubject_whereACentreCropMissesIt() {
    BufferedImage image = offCentreSubject();
    var smart =
        Contexts.of(image, parser.parse("crop=1:1,smart"), Orientation.NORMAL, ImageFormat.PNG);
    new Crop().apply(smart);
    var centre = Contexts.of(image, parser.parse("crop=1:1"), Orientation.NORMAL, ImageFormat.PNG);
    new Crop().apply(centre);

    assertThatImage(smart.image()).hasSize(200, 200);
    int x = smart.smartCrop().x;
    assertThat(x).as("the window holds the whole subject (x 10-90)").isBetween(0, 10);
    assertThatImage(smart.image())
        .hasBoxMeanCloseTo(60, 60, 1, 1, Rgb.of(image.getRGB(x + 60, 60)), 0);
    assertThat(Pixels.boxMean(smart.image(), 10 - x, 50, 80, 100))
        .isNotEqualTo(new Rgb(128, 128, 128));
    assertThatImage(centre.image()).as("the centre crop holds no subject").isUniform();
  }

  @Test
  void preCropThenTrimThenCrop_eachCutsTheImageTheStepBeforeLeft() {
    BufferedImage image = TestImages.horizontalGradient(100, 20);
    var context =
        Contexts.of(
            image,
            parser.parse("precrop=50,20,x50,y0&trim=0,10&crop=10,10,x0,y0"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new PreCrop().apply(context);
    assertThatImage(context.image()).hasSize(50, 20).hasArgbAt(0, 0, image.getRGB(50, 0));
    new Trim().apply(context);
    assertThatImage(context.image()).hasSize(30, 20).hasArgbAt(0, 0, image.getRGB(60, 0));
    new Crop().apply(context);
    assertThatImage(context.image()).hasSize(10, 10).hasArgbAt(9, 9, image.getRGB(69, 9));
  }
}
