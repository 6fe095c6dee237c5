package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The random valid queries behind {@link CanonicalisationProperties} reach every kind of value, so
 * the properties say something about all of them.
 */
class ValidQueriesTest {
  private static final long SEED = 0x1A9E_ED9EL;
  private static final int QUERIES = 3000;

  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @Test
  void randomQueries_coverEveryKindOfValue() {
    Random random = new Random(SEED);
    List<TransformSpec> specs = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      specs.add(parser.parse(String.join("&", ValidQueries.randomParams(random))));
    }
    assertThat(specs)
        .anyMatch(s -> s.width() instanceof Length.Relative)
        .anyMatch(s -> s.height() instanceof Length.Pixels)
        .anyMatch(s -> s.dprMilli() != 1000)
        .anyMatch(s -> s.fit() != null)
        .anyMatch(s -> s.format() == OutputTarget.PROGRESSIVE_JPEG)
        .anyMatch(s -> s.webpQuality() != null && s.quality() == null)
        .anyMatch(s -> s.orient() == Orientation.TRANSVERSE)
        .anyMatch(s -> s.bgColor() != null && s.bgColor().alpha() < 255)
        .anyMatch(s -> Boolean.TRUE.equals(s.upscale()))
        .anyMatch(s -> s.resizeFilter() == ResizeFilter.NEAREST)
        .anyMatch(s -> s.auto().size() == 2)
        .anyMatch(s -> s.cropping().trimColor() != null && s.cropping().trimColor().color() == null)
        .anyMatch(s -> s.cropping().precrop() != null && s.cropping().precrop().position() != null)
        .anyMatch(s -> s.cropping().crop() != null && s.cropping().crop().smart())
        .anyMatch(s -> s.cropping().crop() != null && s.cropping().crop().safe())
        .anyMatch(s -> s.cropping().trim() != null)
        .anyMatch(s -> s.framing().pad() != null)
        .anyMatch(
            s -> s.framing().canvas() != null && s.framing().canvas().size() instanceof Size.Ratio)
        .anyMatch(s -> s.adjustments().brightness() < 0 && s.adjustments().contrast() > 0)
        .anyMatch(s -> s.adjustments().saturation() != 0)
        .anyMatch(s -> s.adjustments().sharpen() != null)
        .anyMatch(s -> s.adjustments().blur() != null && s.adjustments().blur().relative())
        .anyMatch(s -> s.adjustments().bw() instanceof BlackWhite.Atkinson)
        .anyMatch(s -> s.output().firstFrame() && s.output().keepCopyright())
        .anyMatch(s -> s.output().optimize() == Optimize.HIGH)
        .anyMatch(s -> s.format() == OutputTarget.WEBP_LOSSLESS)
        .anyMatch(s -> s.format() == OutputTarget.PNG8)
        .anyMatch(s -> s.equals(TransformSpec.NONE));
    assertThat(specs.stream().map(TransformSpec::canonical).distinct().count())
        .as("mostly distinct")
        .isGreaterThan(QUERIES * 3L / 4);
  }
}
