package io.imgedge.transform.resize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plane resampler computes what {@link ConvolutionResizer} computes, channel by channel: the
 * same weights and fixed-point rounding, so each of an RGB image's channels resampled as a plane
 * equals that channel of the RGB resize, sample for sample.
 */
class PlaneResizerTest {
  private final ConvolutionResizer rgb = new ConvolutionResizer();
  private final PlaneResizer planes = java.util.Objects.requireNonNull(rgb.planes());

  @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
  @CsvSource({
    "LANCZOS3, 100, 80, 33, 17",
    "LANCZOS3, 640, 480, 1, 1",
    "LANCZOS3, 7, 5, 64, 3",
    "LANCZOS3, 1, 1, 9, 4",
    "LANCZOS3, 37, 23, 37, 23",
    "LANCZOS3, 341, 279, 90, 74",
    "LANCZOS2, 13, 300, 13, 7",
    "BICUBIC, 50, 50, 51, 49",
    "BILINEAR, 9, 9, 3, 27",
    "BILINEAR, 1, 40, 3, 1",
  })
  void resize_eachChannelEqualsTheRgbResize(
      ResizeFilter filter, int sw, int sh, int width, int height) {
    BufferedImage source = noisyPhoto(sw, sh, 1);
    assertSameAsRgb(source, new Rectangle2D.Double(0, 0, sw, sh), width, height, filter);
  }

  /** A region with fractional edges, as a shrink-on-load decode maps it, and one at the edge. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "3.375, 2.125, 80.5, 60.25, 33, 25",
    "0, 0, 99.875, 79.5, 41, 17",
    "99, 79, 1, 1, 2, 3",
    "10.5, 0, 0.75, 80, 1, 40",
  })
  void resize_fractionalRegion_equalsTheRgbResize(
      double x, double y, double w, double h, int width, int height) {
    BufferedImage source = noisyPhoto(100, 80, 2);
    assertSameAsRgb(
        source, new Rectangle2D.Double(x, y, w, h), width, height, ResizeFilter.LANCZOS3);
  }

  @Test
  void resize_padsTheTargetWithTheLastColumnAndRow() {
    BufferedImage source = noisyPhoto(40, 30, 3);
    byte[] gray = channel(source, 8);
    byte[] target = new byte[8 * 6];
    java.util.Arrays.fill(target, (byte) 7);
    planes.resize(
        List.of(
            new PlaneResizer.Job(
                new Plane(gray, 40, 30, 40),
                new Rectangle2D.Double(0, 0, 40, 30),
                new Plane(target, 8, 6, 8),
                7,
                5)),
        ResizeFilter.LANCZOS3);
    byte[] expected =
        channel(
            rgb.resize(source, new Rectangle2D.Double(0, 0, 40, 30), 7, 5, ResizeFilter.LANCZOS3),
            8);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        int from = Math.min(y, 4) * 7 + Math.min(x, 6);
        assertThat(target[y * 8 + x]).as("(%d,%d)", x, y).isEqualTo(expected[from]);
      }
    }
  }

  @Test
  void resize_severalPlanesSharedWithAHelper_equalTheCallerAlone() throws Exception {
    ExecutorService helper = Executors.newSingleThreadExecutor();
    try {
      PlaneResizer shared = new PlaneResizer(helper, new AtomicInteger());
      BufferedImage source = noisyPhoto(1363, 1113, 4);
      byte[] luma = channel(source, 8);
      byte[] chroma = channel(source, 0);
      Plane y = new Plane(luma, 1363, 1113, 1363);
      Plane c = new Plane(chroma, 682, 557, 1363); // a stride wider than the samples
      byte[][] alone = {new byte[720 * 588], new byte[360 * 294]};
      byte[][] withHelper = {new byte[720 * 588], new byte[360 * 294]};
      for (PlaneResizer resizer : new PlaneResizer[] {planes, shared}) {
        byte[][] out = resizer == planes ? alone : withHelper;
        resizer.resize(
            List.of(
                new PlaneResizer.Job(
                    y,
                    new Rectangle2D.Double(0, 0, 1363, 1113),
                    new Plane(out[0], 720, 588, 720),
                    720,
                    588),
                new PlaneResizer.Job(
                    c,
                    new Rectangle2D.Double(0, 0, 682, 557),
                    new Plane(out[1], 360, 294, 360),
                    360,
                    294)),
            ResizeFilter.LANCZOS3);
      }
      assertThat(withHelper[0]).isEqualTo(alone[0]);
      assertThat(withHelper[1]).isEqualTo(alone[1]);
      assertThat(alone[0]).isNotEqualTo(new byte[720 * 588]);
    } finally {
      helper.shutdownNow();
    }
  }

  @Test
  void resize_refusesNearestAndOutputsLargerThanTheTarget() {
    Plane p = new Plane(new byte[16], 4, 4, 4);
    var region = new Rectangle2D.Double(0, 0, 4, 4);
    assertThatThrownBy(
            () ->
                planes.resize(
                    List.of(new PlaneResizer.Job(p, region, p, 4, 4)), ResizeFilter.NEAREST))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlaneResizer.Job(p, region, p, 5, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Plane(new byte[15], 4, 4, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void planes_noneInLinearLight() {
    assertThat(new ConvolutionResizer(true, null).planes()).isNull();
  }

  /**
   * Each channel alone, then the three in one call (the first two, alike, are filtered as a pair):
   * both equal the RGB resize's channels.
   */
  private void assertSameAsRgb(
      BufferedImage source, Rectangle2D region, int width, int height, ResizeFilter filter) {
    BufferedImage expected = rgb.resize(source, region, width, height, filter);
    int[] shifts = {0, 8, 16};
    byte[][] together = new byte[3][width * height];
    List<PlaneResizer.Job> jobs = new java.util.ArrayList<>();
    for (int c = 0; c < 3; c++) {
      byte[] out = new byte[width * height];
      planes.resize(List.of(job(source, shifts[c], region, out, width, height)), filter);
      assertThat(out).as("channel at bit %d", shifts[c]).isEqualTo(channel(expected, shifts[c]));
      jobs.add(job(source, shifts[c], region, together[c], width, height));
    }
    planes.resize(jobs, filter);
    for (int c = 0; c < 3; c++) {
      assertThat(together[c])
          .as("channel at bit %d, resized with the others", shifts[c])
          .isEqualTo(channel(expected, shifts[c]));
    }
  }

  private static PlaneResizer.Job job(
      BufferedImage source, int shift, Rectangle2D region, byte[] out, int width, int height) {
    return new PlaneResizer.Job(
        new Plane(channel(source, shift), source.getWidth(), source.getHeight(), source.getWidth()),
        region,
        new Plane(out, width, height, width),
        width,
        height);
  }

  /** One 8-bit channel of a pipeline image. */
  private static byte[] channel(BufferedImage image, int shift) {
    int[] p = SrgbImages.pixels(image);
    byte[] out = new byte[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = (byte) (p[i] >> shift);
    }
    return out;
  }

  /** Smooth gradients with noise and hard edges: ringing, clamping and aliasing all show. */
  private static BufferedImage noisyPhoto(int w, int h, long seed) {
    Random random = new Random(seed);
    BufferedImage image = SrgbImages.blank(w, h, false);
    int[] p = SrgbImages.pixels(image);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = (x * 255 / Math.max(1, w - 1) + random.nextInt(40)) & 0xFF;
        int g = ((x / 5 + y / 3) % 2 == 0 ? 250 : 5);
        int b = Math.min(255, y * 255 / Math.max(1, h - 1) + random.nextInt(8));
        p[y * w + x] = 0xFF000000 | r << 16 | g << 8 | b;
      }
    }
    return image;
  }
}
