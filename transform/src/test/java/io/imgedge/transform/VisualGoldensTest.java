package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.testing.Goldens;
import io.imgedge.transform.testing.PerceptualHash;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The visual steps as a matrix of parameters x input formats x output formats on a generated scene:
 * every combination has the expected size and format, and looks like the reference render (PNG in,
 * PNG out) within {@value #ACROSS_CODECS} bits of perceptual hash; the reference itself matches its
 * golden hash in {@code goldens/visual-steps.properties} within {@value #GOLDEN} bits. Regenerate
 * the goldens with {@code -Dimgedge.goldens.update=true} (and review the diff).
 */
class VisualGoldensTest {
  static final int GOLDEN = 4;
  static final int ACROSS_CODECS = 10;

  private static final Goldens GOLDENS = Goldens.load("visual-steps");
  private static final BufferedImage SCENE = scene();
  private static final Map<String, byte[]> INPUTS =
      Map.of(
          "png",
          TestImages.png(SCENE),
          "jpg",
          TestImages.encode(SCENE, "jpeg"),
          "webp",
          TestImages.encode(SCENE, "webp"));

  /** Parameters and the expected output size for the 160x120 scene. */
  private static final Map<String, int[]> CASES =
      Map.ofEntries(
          Map.entry("width=80", new int[] {80, 60}),
          Map.entry("width=100&height=40&fit=crop", new int[] {100, 40}),
          Map.entry("crop=1:1,smart", new int[] {120, 120}),
          Map.entry("precrop=100,100,x0,y0&trim=10", new int[] {80, 80}),
          Map.entry("trim-color=auto,t0.3", new int[] {144, 104}),
          Map.entry("orient=r", new int[] {120, 160}),
          Map.entry("pad=10&bg-color=000", new int[] {180, 140}),
          Map.entry("canvas=2:1", new int[] {240, 120}),
          Map.entry("brightness=40", new int[] {160, 120}),
          Map.entry("contrast=60", new int[] {160, 120}),
          Map.entry("saturation=-100", new int[] {160, 120}),
          Map.entry("sharpen=a5,r2,t0", new int[] {160, 120}),
          Map.entry("blur=4", new int[] {160, 120}),
          Map.entry("bw=threshold,60", new int[] {160, 120}),
          Map.entry("bw=atkinson", new int[] {160, 120}));

  static Stream<Arguments> matrix() {
    return CASES.keySet().stream()
        .sorted()
        .flatMap(
            params ->
                List.of("png", "jpg", "webp").stream()
                    .flatMap(
                        in ->
                            Stream.of("png", "jpg", "webp")
                                .map(out -> Arguments.of(params, in, out))));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("matrix")
  void visualStep_looksLikeItsGolden(String params, String in, String out) {
    TestTransformer t = TestTransformer.withFastlyDefaults();
    RenderResult r = t.render(INPUTS.get(in), params + "&format=" + out);
    int[] size = CASES.get(params);
    assertThat(r.format().shortName()).isEqualTo(out.equals("jpg") ? "jpeg" : out);
    BufferedImage image = TestImages.decode(r.bytes());
    assertThatImage(image).hasSize(size[0], size[1]);
    long hash = PerceptualHash.dHash(image);
    if (in.equals("png") && out.equals("png")) {
      GOLDENS.check(params, hash, GOLDEN);
    } else {
      long reference =
          PerceptualHash.dHash(t.renderImage(INPUTS.get("png"), params + "&format=png"));
      assertThat(PerceptualHash.distance(reference, hash))
          .as("bits from the PNG reference")
          .isLessThanOrEqualTo(ACROSS_CODECS);
    }
  }

  /**
   * 160x120: an 8-pixel white border around a blue-to-orange gradient with a red disc left of
   * centre.
   */
  static BufferedImage scene() {
    int[] px = new int[160 * 120];
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 160; x++) {
        int v;
        if (x < 8 || y < 8 || x >= 152 || y >= 112) {
          v = 0xFFFFFFFF;
        } else if ((x - 50) * (x - 50) + (y - 60) * (y - 60) < 25 * 25) {
          v = 0xFFD02020;
        } else {
          int t = x * 255 / 159;
          v = 0xFF000000 | t << 16 | (80 + y / 2) << 8 | (255 - t);
        }
        px[y * 160 + x] = v;
      }
    }
    return TestImages.of(160, 120, false, px);
  }
}
