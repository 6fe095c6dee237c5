package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.RequiresCorpus;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conversion matrix over the shared corpus: every {@code orient-}, {@code icc-}, {@code cmyk-},
 * {@code png-}, {@code gif-}, {@code webp-} and {@code jpeg-} file to JPEG, PNG and WebP, checking
 * the upright geometry of the manifest, the format, alpha (kept in PNG and WebP, flattened in JPEG)
 * and, for the colour-managed files, the manifest's sRGB values. Tolerances per channel on box
 * means: {@value #LOSSLESS} levels for PNG, {@value #LOSSY} for JPEG and WebP at quality 100
 * (chroma subsampling and DCT rounding). The 12-bit and arithmetic-coded JPEGs must fail with 415.
 */
@RequiresCorpus
class ConformanceMatrixTest {
  static final int LOSSLESS = 6;
  static final int LOSSY = 16;
  private static final Set<String> UNSUPPORTED = Set.of("jpeg-12bit.jpg", "jpeg-arithmetic.jpg");
  private static final List<String> PREFIXES =
      List.of("orient-", "icc-", "cmyk-", "png-", "gif-", "webp-", "jpeg-");
  private static final List<String> OUTPUTS = List.of("jpg", "png", "webp");

  /** The manifest's expected sRGB colours: file to {x, y, w, h, r, g, b} boxes. */
  private static final Map<String, List<int[]>> COLOURS =
      Map.of(
          "icc-adobergb-small.jpg", List.of(new int[] {0, 0, 45, 100, 48, 56, 72}),
          "icc-displayp3-small.jpg", List.of(new int[] {0, 0, 45, 100, 51, 57, 73}),
          "icc-xyb-jpegli.jpg",
              List.of(
                  new int[] {50, 50, 10, 10, 165, 144, 107},
                  new int[] {0, 0, 290, 442, 127, 118, 109}),
          "icc-adobergb-photo-progressive-444.jpg",
              List.of(new int[] {1680, 580, 20, 20, 0, 145, 200}),
          "cmyk-adobe-plain-swop-icc.jpg", List.of(new int[] {0, 0, 388, 218, 153, 213, 214}),
          "cmyk-ycck-swop-icc.jpg",
              List.of(
                  new int[] {90, 250, 20, 20, 85, 105, 69},
                  new int[] {400, 300, 20, 20, 161, 164, 168}),
          "cmyk-ycck-no-icc.jpg",
              List.of(
                  new int[] {90, 250, 20, 20, 85, 105, 69},
                  new int[] {400, 300, 20, 20, 161, 164, 168}),
          "png-16bit-rgb.png",
              List.of(new int[] {0, 0, 1, 1, 255, 255, 0}, new int[] {31, 31, 1, 1, 0, 0, 255}),
          "png-interlaced-rgb8.png",
              List.of(new int[] {0, 0, 1, 1, 255, 255, 255}, new int[] {31, 31, 1, 1, 0, 0, 0}),
          "icc-mismatch-gray-jpeg-rgb-profile.jpg", List.of(new int[] {0, 0, 538, 577, 0, 0, 0}));

  static Stream<Arguments> matrix() {
    return PREFIXES.stream()
        .flatMap(p -> Corpus.files(p).stream())
        .flatMap(file -> OUTPUTS.stream().map(out -> Arguments.of(file, out)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("matrix")
  void convert_keepsGeometryFormatAlphaAndColour(String file, String out) {
    byte[] source = Corpus.bytes(file);
    if (UNSUPPORTED.contains(file)) {
      var e =
          catchThrowableOfType(
              TransformException.class,
              () -> TestTransformer.withFastlyDefaults().render(source, "format=" + out));
      assertThat(e.status()).isEqualTo(415);
      return;
    }
    RenderResult r =
        TestTransformer.withFastlyDefaults().render(source, "format=" + out + "&quality=100");
    Corpus.Entry entry = Corpus.entry(file);
    Dimension stored = entry.dimensions().orElseThrow();
    boolean swaps =
        entry.exifOrientation() >= 5
            && entry.exifOrientation() <= 8
            && entry.property("format").orElse("").equals("JPEG");
    int w = swaps ? stored.height : stored.width;
    int h = swaps ? stored.width : stored.height;
    assertThat(r.format().shortName()).isEqualTo(out.equals("jpg") ? "jpeg" : out);
    assertThat(ImageFormat.sniff(r.bytes())).isEqualTo(r.format());
    int frames = entry.property("frames").map(Integer::parseInt).orElse(1);
    if (frames > 1
        && out.equals("webp")) { // still animated: the plain ImageIO oracle reads no animations
      var table = io.imgedge.transform.probe.FrameTable.scan(r.bytes(), ImageFormat.WEBP);
      assertThat(table.frames())
          .hasSize(frames)
          .allMatch(f -> f.bounds().width == w && f.bounds().height == h);
      return;
    }
    BufferedImage image = TestImages.decode(r.bytes());
    assertThatImage(image).hasSize(w, h);
    alpha(entry, out, image);
    for (int[] box : COLOURS.getOrDefault(file, List.of())) {
      assertThatImage(image)
          .hasBoxMeanCloseTo(
              box[0],
              box[1],
              box[2],
              box[3],
              new Rgb(box[4], box[5], box[6]),
              out.equals("png") ? LOSSLESS : LOSSY);
    }
  }

  private static void alpha(Corpus.Entry entry, String out, BufferedImage image) {
    boolean sourceAlpha = entry.property("alpha").orElse("no").equals("yes");
    if (out.equals("jpg")) {
      assertThatImage(image).isOpaque();
    } else if (sourceAlpha && !entry.file().equals("png-iccp-srgb-rgba.png")) {
      assertThatImage(image).as("alpha kept").hasAlphaChannel();
    }
  }
}
