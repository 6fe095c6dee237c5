package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.color.DeepImages;
import io.imgedge.transform.pipeline.Layout;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: 16-bit sources with a linear-light ICC profile were rounded to 8 bits before their
 * colour conversion (mean error 2.6/255 for the RGB fixture, against Little CMS at 16 bits; a
 * 16-bit gray PNG's profile was not applied at all, 20/255). The fixtures and their references
 * (Little CMS's 16-bit conversion, rounded once) are in {@code src/test/resources/icc16/}, with
 * their NOTICE.md and the script that makes them.
 */
class Issue14SixteenBitProfilesTest {
  private static final TestTransformer TRANSFORMER = TestTransformer.withFastlyDefaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "linear-rgb16.png, linear-rgb16.lcms-srgb.png",
    "linear-rgb16.tif, linear-rgb16.lcms-srgb.png",
    "linear-gray16.png, linear-gray16.lcms-srgb.png",
    "linear-gray16.tif, linear-gray16.lcms-srgb.png",
  })
  void render_16bitLinearProfile_matchesA16bitEngineWithinHalfALevel(
      String source, String reference) throws IOException {
    BufferedImage expected = TestImages.decode(resource(reference));

    BufferedImage out = TRANSFORMER.renderImage(resource(source), "format=png");

    assertThat(out.getWidth()).isEqualTo(expected.getWidth());
    assertThat(out.getHeight()).isEqualTo(expected.getHeight());
    assertThat(meanAbsoluteError(out, expected)).as("mean error in 8-bit levels").isLessThan(0.5);
  }

  @Test
  void decode_16bitPngWithProfile_isConvertedBeforeTheResize() throws IOException {
    byte[] png = resource("linear-rgb16.png");
    ImageHeader header = new HeaderProbe(ImageLimits.FASTLY).probe(png, null);

    var decoded = new ImageDecoder().decode(png, header);

    assertThat(decoded.pending()).as("nothing left to convert after the resize").isNull();
    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
  }

  @Test
  void probe_16bitTiff_reportsItsDepth() throws IOException {
    assertThat(
            new HeaderProbe(ImageLimits.FASTLY)
                .probe(resource("linear-rgb16.tif"), null)
                .bitDepth())
        .isEqualTo(16);
  }

  /**
   * The decoder holds the 16-bit raster, the pipeline's ints and the conversion's workspace at
   * once.
   */
  @Test
  void estimate_16bitTiff_coversItsShortsAndTheConversionWorkspace() {
    int side = 4000;
    TransformSpec spec = TRANSFORMER.parser().parse("width=100");
    Layout layout =
        Layout.compute(spec, side, side, 1, TransformDefaults.FASTLY, ImageLimits.FASTLY);

    long deep = RenderCost.estimate(tiff(side, 16), layout, spec, 1, 1).peakBytes();
    long shallow = RenderCost.estimate(tiff(side, 8), layout, spec, 1, 1).peakBytes();

    long pixels = (long) side * side;
    assertThat(deep)
        .isGreaterThanOrEqualTo(
            pixels * (4 * Short.BYTES + Integer.BYTES) + DeepImages.WORKSPACE_BYTES);
    assertThat(shallow).isLessThan(deep);
    assertThat(RenderCost.estimate(tiff(side, 32), layout, spec, 1, 1).peakBytes())
        .as("32-bit samples")
        .isGreaterThanOrEqualTo(pixels * (4 * Float.BYTES + Integer.BYTES));
  }

  private static ImageHeader tiff(int side, int bitDepth) {
    return new ImageHeader(
        ImageFormat.TIFF,
        side,
        side,
        1,
        Orientation.NORMAL,
        null,
        true,
        false,
        null,
        new Rectangle(0, 0, side, side),
        1000,
        false,
        false,
        bitDepth,
        null);
  }

  /** Mean absolute difference of R, G and B over the image, in 8-bit levels. */
  static double meanAbsoluteError(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        Issue14SixteenBitProfilesTest.class.getResourceAsStream("/icc16/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
