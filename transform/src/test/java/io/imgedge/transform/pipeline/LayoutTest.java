package io.imgedge.transform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidParameterException;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class LayoutTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  private Layout layout(String query, int w, int h) {
    return Layout.compute(
        parser.parse(query), w, h, 1, TransformDefaults.FASTLY, ImageLimits.FASTLY);
  }

  @Test
  void compute_followsFastlysOrder_precropTrimCropOrientResizePad() {
    Layout l =
        layout(
            "pad=10&width=50&orient=r&crop=100,50,x0,y0&trim=10&precrop=400,300,x0,y0", 1000, 800);
    assertThat(l.precrop()).isEqualTo(new Rectangle(0, 0, 400, 300));
    assertThat(l.trim()).isEqualTo(new Rectangle(10, 10, 380, 280));
    assertThat(l.crop()).isEqualTo(new Rectangle(0, 0, 100, 50));
    assertThat(l.resize().width())
        .as("orient swaps 100x50 to 50x100 before the resize")
        .isEqualTo(50);
    assertThat(l.resize().height()).isEqualTo(100);
    assertThat(l.width()).isEqualTo(70);
    assertThat(l.height()).isEqualTo(120);
    assertThat(l.placement()).isEqualTo(new Rectangle(10, 10, 50, 100));
  }

  @Test
  void crop_ratio_isTheLargestCentredRegion_andOffsetsShareTheLeftover() {
    assertThat(layout("crop=1:1", 400, 200).crop()).isEqualTo(new Rectangle(100, 0, 200, 200));
    assertThat(layout("crop=1:1,offset-x10", 400, 200).crop())
        .isEqualTo(new Rectangle(20, 0, 200, 200));
    assertThat(layout("crop=0.5,50p,x0.25,y0", 400, 200).crop())
        .isEqualTo(new Rectangle(100, 0, 200, 100));
  }

  @Test
  void crop_outOfBounds_fails_unlessSafe() {
    assertThatThrownBy(() -> layout("crop=300,100,x200,y0", 400, 200))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'crop'")
        .hasMessageContaining("region out of bounds");
    assertThat(layout("crop=300,100,x200,y0,safe", 400, 200).crop())
        .isEqualTo(new Rectangle(200, 0, 200, 100));
  }

  @Test
  void trim_thatLeavesNothing_fails() {
    assertThatThrownBy(() -> layout("trim=0.5", 400, 200)).hasMessageContaining("'trim'");
  }

  @Test
  void canvas_sizeRatioAndPosition() {
    Layout l = layout("canvas=500,300,x0,offset-y100", 400, 200);
    assertThat(l.width()).isEqualTo(500);
    assertThat(l.placement()).isEqualTo(new Rectangle(0, 100, 400, 200));
    Layout ratio = layout("canvas=1:1", 400, 200);
    assertThat(ratio.width()).isEqualTo(400);
    assertThat(ratio.height()).isEqualTo(400);
    assertThat(ratio.placement().y).isEqualTo(100);
    assertThat(layout("canvas=150p,150p", 400, 200).width()).isEqualTo(600);
  }

  @Test
  void limits_countThePadAndEveryFrame() {
    var spec = parser.parse("width=8000&pad=1000&enable=upscale");
    Layout padded =
        Layout.compute(spec, 4000, 1000, 1, TransformDefaults.FASTLY, ImageLimits.FASTLY);
    assertThat(padded.width()).isLessThanOrEqualTo(8192);
    assertThat(padded.warnings()).anyMatch(w -> w.contains("output limit"));
    var frames =
        Layout.compute(
            parser.parse(""), 2000, 2000, 100, TransformDefaults.FASTLY, ImageLimits.FASTLY);
    assertThat(100L * frames.width() * frames.height()).isLessThanOrEqualTo(8192L * 8192);
    assertThat(frames.warnings()).anyMatch(w -> w.contains("100 frames"));
  }
}
