package io.imgedge.transform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.config.TransformConfig.JpegType;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResizePlanTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  private ResizePlan plan(String query, int srcW, int srcH) {
    return ResizePlan.compute(
        parser.parse(query), srcW, srcH, TransformDefaults.FASTLY, ImageLimits.FASTLY);
  }

  @ParameterizedTest(name = "{0} on {1}x{2} -> {3}x{4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ''                                   | 1600 | 1200 | 1600 | 1200
      width=400                            | 1600 | 1200 | 400  | 300
      height=300                           | 1600 | 1200 | 400  | 300
      width=401                            | 1600 | 1200 | 401  | 301
      width=400&height=400                 | 1600 | 1200 | 400  | 400
      width=400&height=100                 | 1600 | 1200 | 400  | 100
      width=400&height=400&fit=bounds      | 1600 | 1200 | 400  | 300
      width=400&height=100&fit=bounds      | 1600 | 1200 | 133  | 100
      width=400&height=400&fit=cover       | 1600 | 1200 | 533  | 400
      width=400&height=100&fit=cover       | 1600 | 1200 | 400  | 300
      width=400&height=400&fit=crop        | 1600 | 1200 | 400  | 400
      width=0.5                            | 1600 | 1200 | 800  | 600
      width=50p                            | 1600 | 1200 | 800  | 600
      height=25p                           | 1600 | 1200 | 400  | 300
      width=25p&dpr=2                      | 1600 | 1200 | 800  | 600
      width=10p&height=300&dpr=2           | 1600 | 1200 | 320  | 600
      width=200&dpr=2                      | 1600 | 1200 | 400  | 300
      width=1                              | 1600 | 1200 | 1    | 1
      height=1                             | 1    | 5000 | 1    | 1
      """)
  void compute_outputSize(String query, int srcW, int srcH, int width, int height) {
    ResizePlan p = plan(query, srcW, srcH);
    assertThat(p.width()).isEqualTo(width);
    assertThat(p.height()).isEqualTo(height);
    assertThat(p.warnings()).isEmpty();
  }

  @Test
  void compute_withoutFit_usesTheWholeSource() {
    assertThat(plan("width=400&height=100", 1600, 1200).region())
        .isEqualTo(new Rectangle(0, 0, 1600, 1200));
    assertThat(plan("width=400&height=400&fit=cover", 1600, 1200).region())
        .isEqualTo(new Rectangle(0, 0, 1600, 1200));
  }

  @Test
  void compute_noParameters_doesNotResize() {
    ResizePlan p = plan("", 1600, 1200);
    assertThat(p.resizes(1600, 1200)).isFalse();
    assertThat(plan("width=400", 1600, 1200).resizes(1600, 1200)).isTrue();
  }

  @ParameterizedTest(name = "{0}x{1} box on {2}x{3}")
  @CsvSource({
    "400, 400, 1600, 1200, 200, 0, 1200, 1200",
    "400, 100, 1600, 1200, 0, 400, 1600, 400",
    "100, 400, 1600, 1200, 650, 0, 300, 1200",
    "300, 300, 301, 1000, 0, 349, 301, 301",
  })
  void compute_crop_takesTheCentredRegionWithTheBoxAspect(
      int boxW, int boxH, int srcW, int srcH, int x, int y, int regionW, int regionH) {
    ResizePlan p = plan("width=%d&height=%d&fit=crop".formatted(boxW, boxH), srcW, srcH);
    assertThat(p.width()).isEqualTo(boxW);
    assertThat(p.height()).isEqualTo(boxH);
    assertThat(p.region()).isEqualTo(new Rectangle(x, y, regionW, regionH));
    assertThat((double) p.region().width / p.region().height)
        .isCloseTo((double) boxW / boxH, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(p.region().x).as("centred").isEqualTo((srcW - regionW) / 2);
    assertThat(p.region().y).as("centred").isEqualTo((srcH - regionH) / 2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      width=3200                           | 1600 | 1200
      height=2400                          | 1600 | 1200
      width=3200&height=2400               | 1600 | 1200
      width=3200&height=100                | 1600 | 100
      width=3200&height=3200&fit=bounds    | 1600 | 1200
      width=3200&height=100&fit=cover      | 1600 | 1200
      width=200p                           | 1600 | 1200
      width=1000&dpr=4                     | 1600 | 1200
      """)
  void compute_upscaleIsOffByDefault_noSideGrows(String query, int width, int height) {
    ResizePlan p = plan(query, 1600, 1200);
    assertThat(p.width()).isEqualTo(width).isLessThanOrEqualTo(1600);
    assertThat(p.height()).isEqualTo(height).isLessThanOrEqualTo(1200);
  }

  @Test
  void compute_cropBoxLargerThanTheSource_neverGrows() {
    ResizePlan p = plan("width=200&height=50&fit=crop", 100, 100);
    assertThat(p.width()).isEqualTo(100);
    assertThat(p.height()).isEqualTo(50);
    assertThat(p.region()).isEqualTo(new Rectangle(0, 25, 100, 50));

    ResizePlan both = plan("width=300&height=300&fit=crop", 100, 80);
    assertThat(both.width()).as("larger on both sides: the whole source, as is").isEqualTo(100);
    assertThat(both.height()).isEqualTo(80);
    assertThat(both.region()).isEqualTo(new Rectangle(0, 0, 100, 80));
    assertThat(both.resizes(100, 80)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      width=3200&enable=upscale                        | 3200 | 2400
      height=2400&enable=upscale                       | 3200 | 2400
      width=200p&enable=upscale                        | 3200 | 2400
      width=3200&height=100&enable=upscale             | 3200 | 100
      width=3200&height=3200&fit=bounds&enable=upscale | 3200 | 2400
      width=3200&height=3200&fit=crop&enable=upscale   | 3200 | 3200
      """)
  void compute_enableUpscale_grows(String query, int width, int height) {
    ResizePlan p = plan(query, 1600, 1200);
    assertThat(p.width()).isEqualTo(width);
    assertThat(p.height()).isEqualTo(height);
  }

  @Test
  void compute_upscaleDefaultTrue_isRespected() {
    var upscaling = new TransformDefaults(85, 85, JpegType.AUTO, ResizeFilter.LANCZOS3, true);
    ResizePlan p =
        ResizePlan.compute(
            new TransformSpecParser(upscaling).parse("width=3200"),
            1600,
            1200,
            upscaling,
            ImageLimits.FASTLY);
    assertThat(p.width()).isEqualTo(3200);
    ResizePlan off =
        ResizePlan.compute(
            new TransformSpecParser(upscaling).parse("width=3200&disable=upscale"),
            1600,
            1200,
            upscaling,
            ImageLimits.FASTLY);
    assertThat(off.width()).isEqualTo(1600);
  }

  @ParameterizedTest(name = "{0} on {1}x{2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      width=8192&dpr=2&enable=upscale              | 4000  | 1000  | 8192 | 2048
      width=250p&enable=upscale                    | 6000  | 3000  | 8192 | 4096
      width=8192&enable=upscale                    | 100   | 12000 | 68   | 8192
      height=8192&dpr=3&enable=upscale             | 1000  | 1000  | 8192 | 8192
      width=8000&height=8000&dpr=2&fit=crop&enable=upscale | 2000 | 1000 | 8192 | 8192
      width=8000&height=2000&dpr=2&enable=upscale  | 1000  | 1000  | 8192 | 2048
      """)
  void compute_beyondTheOutputLimit_isScaledDownWithAWarning(
      String query, int srcW, int srcH, int width, int height) {
    ResizePlan p = plan(query, srcW, srcH);
    assertThat(p.width()).isEqualTo(width).isLessThanOrEqualTo(8192);
    assertThat(p.height()).isEqualTo(height).isLessThanOrEqualTo(8192);
    assertThat(p.warnings())
        .singleElement()
        .asString()
        .contains("exceeds the 8192x8192 limit")
        .contains("scaled down");
  }

  @Test
  void compute_smallerOutputLimit_isHonoured() {
    var limits = new ImageLimits(50_000_000, 12_000, 12_000, 500, 400, 1000);
    ResizePlan p =
        ResizePlan.compute(
            parser.parse("width=1000"), 1600, 1200, TransformDefaults.FASTLY, limits);
    assertThat(p.width()).isEqualTo(500);
    assertThat(p.height()).isEqualTo(375);
    assertThat(p.warnings()).singleElement().asString().contains("1000x750").contains("500x400");
  }

  @Test
  void compute_filter_fromTheSpecOrTheDefault() {
    assertThat(plan("width=10", 100, 100).filter()).isEqualTo(ResizeFilter.LANCZOS3);
    assertThat(plan("width=10&resize-filter=nearest", 100, 100).filter())
        .isEqualTo(ResizeFilter.NEAREST);
  }

  @Test
  void maxDecodeShrink_isTheSmallerAxisFactor_andOneForNearest() {
    assertThat(plan("width=720&height=588", 2725, 2225).maxDecodeShrink())
        .isCloseTo(3.78, org.assertj.core.data.Offset.offset(0.01));
    assertThat(plan("width=400", 1600, 1200).maxDecodeShrink()).isEqualTo(4.0);
    assertThat(plan("width=400&height=1200", 1600, 1200).maxDecodeShrink())
        .as("stretched: no shrink")
        .isEqualTo(1.0);
    assertThat(plan("width=400&resize-filter=nearest", 1600, 1200).maxDecodeShrink())
        .isEqualTo(1.0);
    assertThat(plan("", 1600, 1200).maxDecodeShrink()).isEqualTo(1.0);
  }

  @Test
  void regionAt_halfScale_keepsFractionalEdges() {
    ResizePlan crop = plan("width=300&height=300&fit=crop", 1601, 1200);
    var r = crop.regionAt(0.5, 801, 600);
    assertThat(r.getX()).isEqualTo(crop.region().x / 2.0);
    assertThat(r.getWidth()).isEqualTo(crop.region().width / 2.0);
    assertThat(r.getMaxX()).isLessThanOrEqualTo(801);
    assertThat(plan("width=300", 2725, 2225).regionAt(0.5, 1363, 1113).getWidth())
        .isEqualTo(1362.5);
  }
}
