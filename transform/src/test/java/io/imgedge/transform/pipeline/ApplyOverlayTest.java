package io.imgedge.transform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.Overlay;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplyOverlayTest {
  private static final int BLACK = 0x000000;
  private static final int RED = 0xFFFF0000;
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);
  private final ApplyOverlay step = new ApplyOverlay(new ConvolutionResizer(true, null));

  /** A black opaque 100x60 base with a 10x10 red overlay composited as the header says. */
  private BufferedImage composite(String header, BufferedImage overlay) {
    BufferedImage base = SrgbImages.blank(100, 60, false);
    Overlay o = parser.parseOverlay(header);
    PipelineContext c =
        Contexts.of(base, TransformSpec.NONE.withOverlay(o), Orientation.NORMAL, ImageFormat.PNG);
    c.overlay(overlay);
    step.apply(c);
    return c.image();
  }

  private static BufferedImage solid(int w, int h, int argb) {
    BufferedImage img = SrgbImages.blank(w, h, true);
    java.util.Arrays.fill(SrgbImages.pixels(img), argb);
    return img;
  }

  private static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xFFFFFF;
  }

  /** The bounding box of red pixels: {x0, y0, x1, y1} (exclusive ends). */
  private static int[] redBox(BufferedImage img) {
    int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (rgb(img, x, y) == 0xFF0000) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
        }
      }
    }
    return new int[] {x0, y0, x1, y1};
  }

  private static int count(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += rgb(img, x, y) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      top,left      | 0  | 0
      top,center    | 45 | 0
      top,right     | 90 | 0
      middle,left   | 0  | 25
      middle,center | 45 | 25
      middle,right  | 90 | 25
      bottom,left   | 0  | 50
      bottom,center | 45 | 50
      bottom,right  | 90 | 50
      """)
  void align_placesTheOverlay(String align, int x, int y) {
    BufferedImage out = composite("overlay=/o.png&overlay-align=" + align, solid(10, 10, RED));
    assertThat(redBox(out)).containsExactly(x, y, x + 10, y + 10);
    assertThat(count(out, 0xFF0000)).isEqualTo(100);
    assertThat(out.getColorModel().hasAlpha()).isFalse(); // an opaque base stays opaque
  }

  @Test
  void pad_insetsTheAlignedOverlay() {
    BufferedImage out =
        composite("overlay=/o.png&overlay-align=bottom,right&overlay-pad=5,7", solid(10, 10, RED));
    assertThat(redBox(out)).containsExactly(100 - 7 - 10, 60 - 5 - 10, 100 - 7, 60 - 5);
    BufferedImage topLeft =
        composite("overlay=/o.png&overlay-align=top,left&overlay-pad=0.1", solid(10, 10, RED));
    assertThat(redBox(topLeft)).containsExactly(10, 6, 20, 16); // 10% of 100 wide, of 60 high
  }

  @Test
  void repeatX_tilesTheRow() {
    BufferedImage out =
        composite("overlay=/o.png&overlay-align=top,left&overlay-repeat=x", solid(10, 10, RED));
    assertThat(count(out, 0xFF0000)).isEqualTo(100 * 10);
    assertThat(redBox(out)).containsExactly(0, 0, 100, 10);
  }

  @Test
  void repeatY_tilesTheColumn_withPadAsSpacing() {
    BufferedImage out =
        composite(
            "overlay=/o.png&overlay-align=top,right&overlay-repeat=y&overlay-pad=5,0",
            solid(10, 10, RED));
    // tiles 10 high every 20 pixels from y=5: 5-15, 25-35, 45-55
    assertThat(redBox(out)).containsExactly(90, 5, 100, 55);
    assertThat(count(out, 0xFF0000)).isEqualTo(3 * 100);
    assertThat(rgb(out, 95, 20)).isEqualTo(BLACK);
  }

  @Test
  void repeatBoth_coversTheImage_fromTheCentredTile() {
    BufferedImage out = composite("overlay=/o.png&overlay-repeat=both", solid(10, 10, RED));
    assertThat(count(out, 0xFF0000)).isEqualTo(100 * 60);
    BufferedImage spaced =
        composite("overlay=/o.png&overlay-repeat=both&overlay-pad=5", solid(10, 10, RED));
    // centred tile at (45, 25); cells of 20 x 20, so rows start at 5, 25, 45 and columns at 5, 25..
    assertThat(rgb(spaced, 45, 25)).isEqualTo(0xFF0000);
    assertThat(rgb(spaced, 5, 5)).isEqualTo(0xFF0000);
    assertThat(rgb(spaced, 0, 0)).isEqualTo(BLACK);
    assertThat(rgb(spaced, 20, 20)).isEqualTo(BLACK);
    assertThat(count(spaced, 0xFF0000)).isEqualTo(5 * 3 * 100);
  }

  @Test
  void alpha_blendsInLinearLight() {
    BufferedImage out = composite("overlay=/o.png", solid(10, 10, 0x80FFFFFF));
    // 50.2% white over black: half the light is sRGB 188, not 128
    int v = rgb(out, 50, 30) & 0xFF;
    assertThat(v).isBetween(187, 189);
    assertThat(rgb(out, 0, 0)).isEqualTo(BLACK);
    BufferedImage clear = composite("overlay=/o.png", solid(10, 10, 0x00FFFFFF));
    assertThat(count(clear, BLACK)).isEqualTo(100 * 60);
  }

  @Test
  void alpha_overATransparentBase_keepsAlpha() {
    BufferedImage base = SrgbImages.blank(20, 20, true);
    PipelineContext c =
        Contexts.of(
            base,
            TransformSpec.NONE.withOverlay(new Overlay("/o.png")),
            Orientation.NORMAL,
            ImageFormat.PNG);
    c.overlay(solid(10, 10, 0x80FF0000));
    step.apply(c);
    int p = c.image().getRGB(10, 10);
    assertThat(p >>> 24).isEqualTo(0x80);
    assertThat(p & 0xFFFFFF).isEqualTo(0xFF0000); // nothing to blend with: the colour is kept
    assertThat(c.image().getRGB(0, 0) >>> 24).isZero();
  }

  @Test
  void width_scalesKeepingAspect_andLargerThanTheBaseIsClipped() {
    BufferedImage half =
        composite("overlay=/o.png&overlay-width=0.2&overlay-align=top,left", solid(10, 5, RED));
    assertThat(redBox(half)).containsExactly(0, 0, 20, 10);
    BufferedImage huge =
        composite("overlay=/o.png&overlay-width=400&overlay-height=400", solid(10, 10, RED));
    assertThat(count(huge, 0xFF0000)).isEqualTo(100 * 60); // covers all, the rest clipped
  }

  @Test
  void naturalSize_largerThanTheBase_shrinksToFit() {
    BufferedImage out = composite("overlay=/o.png", solid(300, 120, RED));
    // shrunk by min(100/300, 60/120) = 1/3 to 100 x 40, centred
    assertThat(redBox(out)).containsExactly(0, 10, 100, 50);
  }

  @Test
  void prepare_makesAnUprightArgbImage() {
    BufferedImage rgb = SrgbImages.blank(4, 2, false);
    SrgbImages.pixels(rgb)[0] = 0x123456;
    BufferedImage p = ApplyOverlay.prepare(new DecodedImage(rgb, null), Orientation.ROTATE_90);
    assertThat(p.getColorModel().hasAlpha()).isTrue();
    assertThat(p.getWidth()).isEqualTo(2);
    assertThat(p.getHeight()).isEqualTo(4);
    assertThat(p.getRGB(1, 0)).isEqualTo(0xFF123456);
  }
}
