package io.imgedge.transform.resize;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ConvolutionResizerTest {
  private static final int BLACK = 0xFF000000;
  private static final int WHITE = 0xFFFFFFFF;

  private final Resizer resizer = new ConvolutionResizer();

  @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
  @CsvSource({
    "LANCZOS3, 100, 80, 33, 17", "LANCZOS3, 7, 5, 64, 3", "LANCZOS3, 1, 1, 9, 4",
    "LANCZOS3, 640, 480, 1, 1", "LANCZOS2, 13, 300, 13, 7", "BICUBIC, 50, 50, 51, 49",
    "BILINEAR, 9, 9, 3, 27", "NEAREST, 10, 10, 3, 7", "NEAREST, 2, 2, 5, 5",
  })
  void resize_hasExactlyTheRequestedSize_andKeepsTheType(
      ResizeFilter filter, int sw, int sh, int width, int height) {
    for (boolean alpha : new boolean[] {false, true}) {
      BufferedImage source = TestImages.solid(sw, sh, alpha ? 0x80336699 : 0xFF336699);
      BufferedImage out = resizer.resize(source, width, height, filter);
      assertThatImage(out).hasSize(width, height);
      assertThat(out.getType()).isEqualTo(source.getType());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ResizeFilter.class)
  void resize_uniformImageStaysUniform(ResizeFilter filter) {
    for (int colour : new int[] {0xFF336699, 0xFFFFFFFF, 0xFF000000, 0x80FF8000}) {
      BufferedImage source = TestImages.solid(37, 23, colour);
      for (int[] size : new int[][] {{10, 7}, {50, 31}, {37, 5}, {3, 23}, {1, 1}}) {
        BufferedImage out = resizer.resize(source, size[0], size[1], filter);
        assertThatImage(out)
            .as("%08x to %dx%d", colour, size[0], size[1])
            .isUniform()
            .hasArgbAt(0, 0, colour);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}->{2}")
  @CsvSource({
    "LANCZOS3, 64, 16", "LANCZOS2, 64, 16", "BICUBIC, 64, 16", "BILINEAR, 64, 16",
    // Odd and non-integer factors put output centres on source pixels, where an unwidened kernel
    // would pick single pixels (aliasing); even factors alone cannot tell.
    "LANCZOS3, 63, 21", "LANCZOS2, 63, 21", "BICUBIC, 63, 21", "BILINEAR, 63, 21",
    "LANCZOS3, 64, 19", "LANCZOS2, 64, 19", "BICUBIC, 64, 19", "BILINEAR, 64, 19",
  })
  void resize_checkerboardDownscaled_becomesMidGray(ResizeFilter filter, int size, int target) {
    BufferedImage board = TestImages.checkerboard(size, size, BLACK, WHITE);

    BufferedImage out = resizer.resize(board, target, target, filter);

    for (int y = 0; y < target; y++) {
      for (int x = 0; x < target; x++) {
        assertThat(Pixels.rgbAt(out, x, y).isCloseTo(new Rgb(127, 127, 127), 3))
            .as("(%d,%d) is %s: it must antialias", x, y, Pixels.rgbAt(out, x, y))
            .isTrue();
      }
    }
  }

  @Test
  void resize_nearestCheckerboard_doesNotAverage() {
    BufferedImage board = TestImages.checkerboard(64, 64, BLACK, WHITE);

    BufferedImage out = resizer.resize(board, 16, 16, ResizeFilter.NEAREST);

    for (int p : Pixels.argb(out)) {
      assertThat(p).isIn(BLACK, WHITE);
    }
  }

  @Test
  void resize_nearest_copiesTheSourcePixelUnderEachCentre() {
    BufferedImage source =
        TestImages.of(4, 1, true, 0x01020304, 0x80FF0000, 0xFF00FF00, 0x00FFFFFF);
    BufferedImage out = resizer.resize(source, 2, 1, ResizeFilter.NEAREST);
    assertThat(Pixels.argb(out)).containsExactly(0x80FF0000, 0x00FFFFFF);
    BufferedImage up = resizer.resize(source, 8, 1, ResizeFilter.NEAREST);
    assertThat(Pixels.argb(up))
        .containsExactly(
            0x01020304,
            0x01020304,
            0x80FF0000,
            0x80FF0000,
            0xFF00FF00,
            0xFF00FF00,
            0x00FFFFFF,
            0x00FFFFFF);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ResizeFilter.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
  void resize_transparentBlackNeighbours_doNotDarkenTheOpaqueColour(ResizeFilter filter) {
    int colour = 0xFFC86432; // (200,100,50)
    BufferedImage board = TestImages.checkerboard(64, 64, colour, 0x00000000);

    BufferedImage out = resizer.resize(board, 16, 16, filter);

    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        assertThat(Pixels.rgbAt(out, x, y).isCloseTo(new Rgb(200, 100, 50), 2))
            .as(
                "(%d,%d) is %s: premultiplied alpha keeps the colour",
                x, y, Pixels.rgbAt(out, x, y))
            .isTrue();
        assertThat(Pixels.alphaAt(out, x, y)).isBetween(124, 131);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ResizeFilter.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
  void resize_halfTransparentRedBesideOpaqueGreen_hasNoDarkFringe(ResizeFilter filter) {
    int w = 40;
    int[] pixels = new int[w * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = i % w < w / 2 ? 0x80FF0000 : 0xFF00FF00;
    }
    BufferedImage source = TestImages.of(w, 4, true, pixels);

    for (int width : new int[] {13, 10, 7, 80}) {
      BufferedImage out = resizer.resize(source, width, 2, filter);
      for (int x = 0; x < width; x++) {
        Rgb c = Pixels.rgbAt(out, x, 0);
        assertThat(c.red() + c.green())
            .as("%d wide, x=%d is %s: red and green mix, never darken", width, x, c)
            .isBetween(250, 262);
        assertThat(c.blue()).isZero();
        assertThat(Pixels.alphaAt(out, x, 0)).as("alpha, with some ringing").isBetween(112, 255);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ResizeFilter.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
  void resize_smoothGradient_staysSmoothAndMatchesABoxFilter(ResizeFilter filter) {
    BufferedImage ramp = TestImages.horizontalGradient(256, 8);
    BufferedImage reference = TestImages.boxDownscale(ramp, 4);

    BufferedImage out = resizer.resize(ramp, 64, 2, filter);

    assertThatImage(out).isNeutralGray(0).isCloseTo(reference, 0.8);
    int previous = -1;
    for (int x = 0; x < 64; x++) {
      int v = Pixels.rgbAt(out, x, 0).red();
      assertThat(v).as("x=%d", x).isGreaterThanOrEqualTo(previous);
      assertThat(v - Math.max(previous, 0)).as("step at x=%d", x).isLessThanOrEqualTo(6);
      assertThat(v)
          .as("x=%d against the box mean", x)
          .isCloseTo(Pixels.rgbAt(reference, x, 0).red(), org.assertj.core.data.Offset.offset(3));
      previous = v;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ResizeFilter.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
  void resize_upscaledGradient_staysMonotonic(ResizeFilter filter) {
    BufferedImage ramp = TestImages.horizontalGradient(16, 2);
    BufferedImage out = resizer.resize(ramp, 64, 2, filter);
    int previous = 0;
    for (int x = 0; x < 64; x++) {
      int v = Pixels.rgbAt(out, x, 0).red();
      assertThat(v).as("x=%d", x).isGreaterThanOrEqualTo(previous - 1);
      previous = v;
    }
    assertThat(Pixels.rgbAt(out, 0, 0).red()).isLessThan(10);
    assertThat(Pixels.rgbAt(out, 63, 0).red()).isGreaterThan(245);
  }

  @Test
  void resize_doesNotChangeTheSource() {
    BufferedImage source = TestImages.checkerboard(8, 8, 0x80FF0000, WHITE);
    int[] before = Pixels.argb(source);
    resizer.resize(source, 3, 3, ResizeFilter.LANCZOS3);
    resizer.resize(source, 3, 3, ResizeFilter.NEAREST);
    assertThat(Pixels.argb(source)).containsExactly(before);
  }

  @Test
  void resize_sameSize_returnsACopy() {
    BufferedImage source = TestImages.checkerboard(8, 8, BLACK, WHITE);
    BufferedImage out = resizer.resize(source, 8, 8, ResizeFilter.LANCZOS3);
    assertThat(out).isNotSameAs(source);
    assertThatImage(out).hasSamePixelsAs(source);
  }

  @Test
  void resize_invalidSize_isRejected() {
    BufferedImage source = TestImages.solid(4, 4, WHITE);
    assertThatThrownBy(() -> resizer.resize(source, 0, 4, ResizeFilter.LANCZOS3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> resizer.resize(source, 4, -1, ResizeFilter.BILINEAR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resize_wholePixelRegion_equalsCropThenResize() {
    BufferedImage source = TestImages.horizontalGradient(120, 90);
    java.awt.Rectangle r = new java.awt.Rectangle(10, 20, 80, 60);
    BufferedImage direct =
        resizer.resize(
            source,
            new java.awt.geom.Rectangle2D.Double(10, 20, 80, 60),
            33,
            25,
            ResizeFilter.LANCZOS3);
    BufferedImage cropped = resizer.resize(Resizer.crop(source, r), 33, 25, ResizeFilter.LANCZOS3);
    assertThatImage(direct).hasSamePixelsAs(cropped);
  }

  @Test
  void resize_fractionalRegion_placesTheRampExactly() {
    // A ramp 0..255 over 256 px; the region [64.5, 192.5) resampled to 128 px must follow x + 64.5.
    BufferedImage ramp = TestImages.horizontalGradient(256, 4);
    BufferedImage out =
        resizer.resize(
            ramp,
            new java.awt.geom.Rectangle2D.Double(64.5, 0, 128, 4),
            128,
            4,
            ResizeFilter.LANCZOS3);
    int expected =
        Pixels.rgbAt(ramp, 64, 1).green() + 1; // halfway between pixel 64 and 65, rounded up
    assertThat(Math.abs(Pixels.rgbAt(out, 0, 1).green() - expected)).isLessThanOrEqualTo(1);
    assertThat(Math.abs(Pixels.rgbAt(out, 100, 1).green() - Pixels.rgbAt(ramp, 165, 1).green()))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void resize_withAHelperThread_isIdenticalToOneThread() throws Exception {
    BufferedImage source = TestImages.checkerboard(1500, 1200, 0xFF102030, 0xFFF0E0D0);
    BufferedImage one = resizer.resize(source, 700, 560, ResizeFilter.LANCZOS3);
    try (var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
      BufferedImage two =
          new ConvolutionResizer(false, pool).resize(source, 700, 560, ResizeFilter.LANCZOS3);
      assertThatImage(two).hasSamePixelsAs(one);
    }
  }

  /** Lent only while one render runs: refused, the calling thread does every band, same pixels. */
  @Test
  void resize_withAnIdleHelper_usesItAloneOnly_andGivesTheSamePixels() throws Exception {
    BufferedImage source = TestImages.checkerboard(1500, 1200, 0xFF102030, 0xFFF0E0D0);
    BufferedImage one = resizer.resize(source, 700, 560, ResizeFilter.LANCZOS3);
    var renders = new java.util.concurrent.atomic.AtomicInteger();
    var lent = new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
      java.util.concurrent.Executor counting =
          task -> {
            lent.incrementAndGet();
            pool.execute(task);
          };
      Resizer shared = new ConvolutionResizer(false, new IdleHelper(counting, renders::get));
      renders.set(1);
      assertThatImage(shared.resize(source, 700, 560, ResizeFilter.LANCZOS3)).hasSamePixelsAs(one);
      assertThat(lent).as("alone: lent").hasValue(1);
      renders.set(2);
      assertThatImage(shared.resize(source, 700, 560, ResizeFilter.LANCZOS3)).hasSamePixelsAs(one);
      assertThat(lent).as("another render runs: not lent").hasValue(1);
    }
  }

  @Test
  void resize_linearLight_keepsTheBrightnessOfFineDetail() {
    BufferedImage board = TestImages.checkerboard(200, 200, BLACK, WHITE);
    BufferedImage encoded = new ConvolutionResizer().resize(board, 50, 50, ResizeFilter.LANCZOS3);
    BufferedImage linear =
        new ConvolutionResizer(true, null).resize(board, 50, 50, ResizeFilter.LANCZOS3);
    // Half the light of white is sRGB 188; averaging the encoded values gives 128.
    assertThatImage(linear).hasColorCloseTo(25, 25, new Rgb(188, 188, 188), 3);
    assertThatImage(encoded).hasColorCloseTo(25, 25, new Rgb(128, 128, 128), 3);
  }

  @Test
  void resize_linearLightWithAlpha_keepsStraightColour() {
    BufferedImage source = TestImages.solid(40, 40, 0x80C08040);
    BufferedImage out =
        new ConvolutionResizer(true, null).resize(source, 10, 10, ResizeFilter.LANCZOS3);
    assertThat(Pixels.argb(out)[55]).isEqualTo(0x80C08040);
  }
}
