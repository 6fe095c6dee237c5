package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AVIF and JPEG XL sources render like libvips renders them: the same request through imgedge and
 * through {@code vips thumbnail} (which applies the orientation, and converts an embedded profile
 * to sRGB with {@code --export-profile srgb}), compared by mean difference per channel. vips reads
 * AVIF through libheif and JPEG XL through libjxl, so it is an independent reference; CI installs
 * it (libvips-tools), elsewhere the test is skipped without it.
 *
 * <p>Where libheif 1.15 itself disagrees with libavif's reference decoder ({@code avifdec}: 10-bit
 * with alpha by 10.2 levels on average, monochrome by 6.0, measured on these fixtures), imgedge is
 * compared with {@code avifdec}, which it matches exactly. vips 8.14 ignores nclx colour, so
 * CICP-only sources are checked against their ICC twins in the codec tests instead.
 */
class TransformerModernSourcesTest {
  private static final double MAX_MEAN_DIFFERENCE = 3.0;
  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();

  @ParameterizedTest(name = "{0} at width {1}")
  @CsvSource(
      textBlock =
          """
      /avif/srgb-icc.avif,                       0,  true
      /avif/srgb-icc.avif,                       24, true
      /avif/displayp3-icc.avif,                  0,  true
      /avif/displayp3-icc.avif,                  40, true
      /probe/avif-icc-p3-45x100.avif,            30, true
      /probe/avif-irot1-45x100.avif,             0,  false
      /probe/avif-irot1-imir0-45x100.avif,       0,  false
      /probe/avif-imir1-45x100.avif,             0,  false
      /probe/avif-exif-orient6-45x100.avif,      0,  false
      /probe/avif-grid-2x1-128x64.avif,          0,  false
      /probe/avif-grid-2x1-128x64.avif,          64, false
      /jxl/hopper-lossy.jxl,                     0,  false
      /jxl/hopper-lossy.jxl,                     50, false
      /jxl/adobergb-lossy.jxl,                   0,  true
      /jxl/p3-jpeg-recompressed.jxl,             0,  true
      /jxl/orientation-6-jpeg-recompressed.jxl,  0,  false
      /jxl/gray-alpha-lossless.jxl,              0,  false
      /probe/jxl-lossless-icc-45x100.jxl,        0,  true
      /probe/jxl-orient6-128x64.jxl,             0,  false
      """)
  void rendersLikeLibvips(String resource, int width, boolean profile, @TempDir Path dir)
      throws Exception {
    Path in = write(resource, dir);
    Path out = dir.resolve("vips.png");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                tool("vips"),
                "thumbnail",
                in.toString(),
                out.toString(),
                width == 0 ? "100000" : String.valueOf(width),
                "--height",
                "100000",
                "--size",
                "down"));
    if (profile) {
      command.addAll(List.of("--export-profile", "srgb"));
    }
    run(command);
    compare(resource, width, TestImages.decode(Files.readAllBytes(out)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
      /avif/rgba-10bit.avif
      /avif/gray-400.avif
      /avif/palette-alpha.avif
      """)
  void rendersLikeAvifdec_whereLibheifDisagrees(String resource, @TempDir Path dir)
      throws Exception {
    Path in = write(resource, dir);
    Path out = dir.resolve("avifdec.png");
    run(List.of(tool("avifdec"), "-d", "8", in.toString(), out.toString()));
    // a gray PNG's values are sRGB-encoded gray (ImageIO alone would read them as linear)
    compare(resource, 0, SrgbImages.normalize(TestImages.decode(Files.readAllBytes(out))));
  }

  /** The path of a command-line tool CI installs; elsewhere the test is skipped without it. */
  private static String tool(String name) {
    Path path = Path.of("/usr/bin", name);
    if (!"true".equals(System.getenv("CI"))) {
      assumeThat(Files.isExecutable(path)).as(name + " is installed").isTrue();
    }
    return path.toString();
  }

  private static Path write(String resource, Path dir) throws IOException {
    Path in = dir.resolve(Path.of(resource).getFileName().toString());
    Files.write(in, resource(resource));
    return in;
  }

  private void compare(String resource, int width, BufferedImage reference) throws IOException {
    byte[] source = resource(resource);
    String query = (width == 0 ? "" : "width=" + width + "&") + "format=png";
    BufferedImage ours = TestImages.decode(transformer.render(source, query).bytes());
    assertThat(ours.getWidth()).isEqualTo(reference.getWidth());
    assertThat(ours.getHeight()).isEqualTo(reference.getHeight());
    assertThat(meanDifference(ours, reference))
        .as(resource)
        .isLessThanOrEqualTo(MAX_MEAN_DIFFERENCE);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TransformerModernSourcesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " failed: " + new String(output));
    }
  }

  /**
   * Mean absolute difference per colour channel (0-255), alpha-weighted so hidden colour is
   * ignored.
   */
  private static double meanDifference(BufferedImage a, BufferedImage b) {
    double sum = 0;
    long n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        double weight = Math.max(p >>> 24, q >>> 24) / 255.0;
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += weight * Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
        }
        sum += Math.abs((p >>> 24) - (q >>> 24));
        n += 4;
      }
    }
    return sum / n;
  }
}
