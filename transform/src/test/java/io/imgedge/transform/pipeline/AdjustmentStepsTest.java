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
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** AdjustTone, Sharpen, Blur and Bw on small synthetic images. */
class AdjustmentStepsTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  private BufferedImage run(Step step, BufferedImage image, String query) {
    var context = Contexts.of(image, parser.parse(query), Orientation.NORMAL, ImageFormat.PNG);
    step.apply(context);
    return context.image();
  }

  @Test
  void adjustTone_extremes_matchFastlysDefinitions() {
    BufferedImage photo = TestImages.of(2, 1, false, 0xFFC03010, 0xFF204080);
    assertThatImage(run(new AdjustTone(), photo, "brightness=100"))
        .hasArgbAt(0, 0, 0xFFFFFFFF)
        .hasArgbAt(1, 0, 0xFFFFFFFF);
    assertThatImage(run(new AdjustTone(), photo, "brightness=-100")).hasArgbAt(1, 0, 0xFF000000);
    assertThatImage(run(new AdjustTone(), photo, "contrast=-100"))
        .hasColorCloseTo(0, 0, new Rgb(128, 128, 128), 1)
        .hasColorCloseTo(1, 0, new Rgb(128, 128, 128), 1);
    assertThatImage(run(new AdjustTone(), photo, "saturation=-100")).isNeutralGray(0);
    assertThat(run(new AdjustTone(), photo, "brightness=0")).isSameAs(photo);
  }

  @Test
  void sharpen_raisesEdgeContrast_blurLowersIt_bothKeepTheMean() {
    BufferedImage edge = TestImages.of(4, 1, false, 0xFF404040, 0xFF404040, 0xFFC0C0C0, 0xFFC0C0C0);
    BufferedImage wide = wide(edge, 16);
    BufferedImage sharp = run(new Sharpen(), wide, "sharpen=a2,r1,t0");
    BufferedImage soft = run(new Blur(), wide, "blur=2");
    assertThat(Pixels.rgbAt(sharp, 31, 0).red()).isLessThan(0x40);
    assertThat(Pixels.rgbAt(sharp, 32, 0).red()).isGreaterThan(0xC0);
    assertThat(Pixels.rgbAt(soft, 31, 0).red()).isGreaterThan(0x40);
    assertThat(Pixels.rgbAt(soft, 32, 0).red()).isLessThan(0xC0);
    assertThatImage(soft).hasMeanCloseTo(Pixels.mean(wide), 1);
    assertThat(run(new Sharpen(), wide, "sharpen=a2,r1,t200"))
        .as("threshold above the step")
        .satisfies(s -> assertThatImage(s).hasSamePixelsAs(wide));
  }

  @Test
  void blur_large_usesTheBoxApproximation_closeToTheMean() {
    BufferedImage gradient = TestImages.horizontalGradient(64, 8);
    assertThatImage(run(new Blur(), gradient, "blur=1000"))
        .hasColorCloseTo(32, 4, Pixels.mean(gradient), 40);
    assertThat(run(new Blur(), gradient, "blur=50p").getWidth()).isEqualTo(64);
  }

  @Test
  void bw_givesOnlyBlackAndWhite_andAHigherLuminanceIsDarker() {
    BufferedImage gradient = TestImages.horizontalGradient(100, 4);
    for (String q : new String[] {"bw=threshold", "bw=threshold,75", "bw=atkinson"}) {
      int[] px = Pixels.argb(run(new Bw(), gradient, q));
      assertThat(Arrays.stream(px).allMatch(p -> p == 0xFF000000 || p == 0xFFFFFFFF))
          .as(q)
          .isTrue();
    }
    long black49 =
        Arrays.stream(Pixels.argb(run(new Bw(), gradient, "bw=threshold")))
            .filter(p -> p == 0xFF000000)
            .count();
    long black75 =
        Arrays.stream(Pixels.argb(run(new Bw(), gradient, "bw=threshold,75")))
            .filter(p -> p == 0xFF000000)
            .count();
    assertThat(black75).isGreaterThan(black49);
    long ditheredBlack =
        Arrays.stream(Pixels.argb(run(new Bw(), gradient, "bw=atkinson")))
            .filter(p -> p == 0xFF000000)
            .count();
    assertThat(ditheredBlack).as("about half of a 0-255 ramp").isBetween(150L, 250L);
  }

  private static BufferedImage wide(BufferedImage fourPixels, int factor) {
    int[] px = new int[4 * factor * 4];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4 * factor; x++) {
        px[y * 4 * factor + x] = fourPixels.getRGB(x / factor, 0);
      }
    }
    return TestImages.of(4 * factor, 4, false, px);
  }
}
