package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.ImageBytes;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.RequiresCorpus;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End-to-end conformance over the shared corpus, against the manifest's expectations: EXIF
 * orientation, colour management (ICC and CMYK), gray, alpha, and clean failures. Colours are
 * compared on PNG output (no JPEG loss) within {@value #TOLERANCE} levels per channel.
 */
@RequiresCorpus
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransformerCorpusTest {
  private static final int TOLERANCE = 6;

  /**
   * Between the manifest's 2-4% (upright, only the digit differs) and 31-41% (orientation ignored).
   */
  private static final double ORIENTATION_RMSE = 10;

  /** Valid images in encodings imgedge refuses with 415. */
  private static final Set<String> UNSUPPORTED = Set.of("jpeg-12bit.jpg", "jpeg-arithmetic.jpg");

  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();
  private BufferedImage upright;

  @BeforeAll
  void renderTheReference() {
    upright = transformer.renderImage(Corpus.bytes("orient-landscape-1.jpg"), "width=300");
    assertThatImage(upright).hasSize(300, 200);
  }

  @ParameterizedTest(name = "orient-landscape-{0}.jpg")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void render_everyExifOrientation_comesOutUpright(int n) {
    BufferedImage small =
        transformer.renderImage(Corpus.bytes("orient-landscape-" + n + ".jpg"), "width=300");

    assertThatImage(small).isCloseTo(upright, ORIENTATION_RMSE);
  }

  @ParameterizedTest(name = "orient-landscape-{0}.jpg")
  @ValueSource(ints = {2, 3, 4})
  void orientationThreshold_wouldCatchAnIgnoredOrientation(int n) {
    BufferedImage asStored =
        TestImages.boxDownscale(
            TestImages.decode(Corpus.bytes("orient-landscape-" + n + ".jpg")), 6);
    assertThatImage(asStored).isNotCloseTo(upright, 2 * ORIENTATION_RMSE);
  }

  @ParameterizedTest(name = "{0} box {3}x{4}@({1},{2})")
  @CsvSource(
      textBlock =
          """
      icc-adobergb-small.jpg,                 29,   54,  1,  1,   0, 102, 209
      icc-adobergb-small.jpg,                 0,    0,  45, 100, 48,  56,  72
      icc-displayp3-small.jpg,                29,   54,  1,  1,  31, 103, 212
      icc-displayp3-small.jpg,                0,    0,  45, 100, 51,  57,  73
      icc-srgb-v4-small-reference.jpg,        29,   54,  1,  1,  12,  93, 195
      icc-mismatch-rgb-jpeg-gray-profile.jpg, 29,   54,  1,  1,  53, 102, 205
      icc-mismatch-gray-jpeg-rgb-profile.jpg, 0,    0, 538, 577,  0,   0,   0
      icc-png-prophoto-1x1.png,               0,    0,  1,  1, 117, 160, 209
      icc-xyb-jpegli.jpg,                     50,   50, 10, 10, 165, 144, 107
      icc-xyb-jpegli.jpg,                     0,    0, 290, 442, 127, 118, 109
      icc-adobergb-photo-progressive-444.jpg, 1680, 580, 20, 20,  0, 145, 200
      png-iccp-srgb-rgba.png,                 0,    0,  1,  1, 226, 212, 196
      cmyk-adobe-plain-swop-icc.jpg,          0,    0, 388, 218, 153, 213, 214
      cmyk-ycck-swop-icc.jpg,                 321, 233,  4,  4, 177,  63,  70
      cmyk-ycck-swop-icc.jpg,                 90,  250, 20, 20,  85, 105,  69
      cmyk-ycck-swop-icc.jpg,                 400, 300, 20, 20, 161, 164, 168
      cmyk-ycck-no-icc.jpg,                   321, 233,  4,  4, 177,  63,  70
      cmyk-ycck-no-icc.jpg,                   90,  250, 20, 20,  85, 105,  69
      cmyk-ycck-no-icc.jpg,                   400, 300, 20, 20, 161, 164, 168
      """)
  void render_colourManagedFile_hasTheManifestsSrgbColour(
      String file, int x, int y, int w, int h, int r, int g, int b) {
    BufferedImage out = transformer.renderImage(Corpus.bytes(file), "format=png");
    assertThatImage(out).hasBoxMeanCloseTo(x, y, w, h, new Rgb(r, g, b), TOLERANCE);
  }

  @Test
  void everyIccAndCmykFile_isCoveredByTheColourTable() {
    List<String> covered =
        List.of(
            "icc-adobergb-small.jpg",
            "icc-displayp3-small.jpg",
            "icc-srgb-v4-small-reference.jpg",
            "icc-mismatch-rgb-jpeg-gray-profile.jpg",
            "icc-mismatch-gray-jpeg-rgb-profile.jpg",
            "icc-png-prophoto-1x1.png",
            "icc-xyb-jpegli.jpg",
            "icc-adobergb-photo-progressive-444.jpg",
            "cmyk-adobe-plain-swop-icc.jpg",
            "cmyk-ycck-swop-icc.jpg",
            "cmyk-ycck-no-icc.jpg",
            // checked against its sRGB reference below
            "cmyk-ycck-orient-6-no-icc.jpg",
            "cmyk-ycck-orient-6-srgb-reference.jpg");
    assertThat(Stream.concat(Corpus.files("icc-").stream(), Corpus.files("cmyk-").stream()))
        .containsExactlyInAnyOrderElementsOf(covered);
  }

  @Test
  void cmykWithOrientation_isRotatedAndMatchesItsSrgbOriginal() {
    BufferedImage cmyk =
        transformer.renderImage(Corpus.bytes("cmyk-ycck-orient-6-no-icc.jpg"), "format=png");
    BufferedImage reference =
        transformer.renderImage(
            Corpus.bytes("cmyk-ycck-orient-6-srgb-reference.jpg"), "format=png&orient=6");

    assertThatImage(cmyk).hasSize(533, 800);
    // The manifest: about 14% with an assumed SWOP profile (the file was made naively); an
    // inverted or unrotated result would be far off.
    assertThatImage(cmyk).isCloseTo(reference, 20);
  }

  @Test
  void srgbIccpInPng_isRecognisedAsSrgb_andLeftAlone() {
    byte[] source = Corpus.bytes("png-iccp-srgb-rgba.png");
    var header = new io.imgedge.transform.probe.HeaderProbe(ImageLimits.FASTLY).probe(source, null);
    assertThat(header.iccProfile()).isNotNull();
    assertThat(io.imgedge.transform.color.EmbeddedProfile.forRgbImage(header.iccProfile()))
        .isNull();
    assertThatImage(transformer.renderImage(source, "")).hasSamePixelsAs(TestImages.decode(source));
  }

  @Test
  void srgbReference_isAnIdentityConversion() {
    byte[] source = Corpus.bytes("cmyk-ycck-orient-6-srgb-reference.jpg");
    assertThatImage(transformer.renderImage(source, "format=png"))
        .isCloseTo(TestImages.decode(source), 1.5);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "jpeg-gray-graygamma22-icc.jpg",
        "jpeg-gray-no-icc.jpg",
        "png-16bit-gray.png",
        "png-gray-alpha-8.png",
        "png-gray-alpha-16.png",
        "icc-mismatch-gray-jpeg-rgb-profile.jpg"
      })
  void render_grayFile_staysNeutral(String file) {
    assertThatImage(transformer.renderImage(Corpus.bytes(file), "format=png")).isNeutralGray(0);
    assertThatImage(transformer.renderImage(Corpus.bytes(file), "format=png&width=20"))
        .isNeutralGray(0);
  }

  @Test
  void png16bitRgba_keepsAlphaInPngAndWebp_isFlattenedInJpeg() {
    byte[] source = Corpus.bytes("png-16bit-rgba.png");
    BufferedImage png = transformer.renderImage(source, "");
    assertThat(transformer.render(source, "").format()).isEqualTo(ImageFormat.PNG);
    assertThatImage(png).hasAlphaChannel().hasTransparentPixels().hasPartlyTransparentPixels();

    BufferedImage webp = transformer.renderImage(source, "format=webp");
    assertThatImage(webp).hasAlphaChannel().hasPartlyTransparentPixels();
    assertThat(Pixels.alphaCounts(webp)).isEqualTo(Pixels.alphaCounts(png));

    RenderResult jpeg = transformer.render(source, "format=jpg&quality=95");
    assertThat(ImageBytes.isJpeg(jpeg.bytes())).isTrue();
    BufferedImage flat = TestImages.decode(jpeg.bytes());
    assertThatImage(flat)
        .hasNoAlphaChannel()
        .isOpaque()
        .as("flattened onto white, within JPEG loss")
        .isCloseTo(transformer.renderImage(source, "format=png&bg-color=fff"), 5)
        .isNotCloseTo(transformer.renderImage(source, "format=png&bg-color=000"), 20);
    assertThatImage(transformer.renderImage(source, "format=png&bg-color=fff"))
        .isOpaque()
        .hasColorCloseTo(
            firstPixelWithAlpha(png, 0)[0],
            firstPixelWithAlpha(png, 0)[1],
            new Rgb(255, 255, 255),
            0);
  }

  @Test
  void interlacedPng_decodesIdenticallyToTheNonInterlacedOne() {
    assertThatImage(transformer.renderImage(Corpus.bytes("png-interlaced-rgba16.png"), ""))
        .hasSamePixelsAs(transformer.renderImage(Corpus.bytes("png-16bit-rgba.png"), ""));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "png-palette-trns.png",
        "png-rgb-trns-colorkey.png",
        "gif-transparent.gif",
        "webp-lossless-alpha.webp",
        "webp-lossy-alpha.webp"
      })
  void render_transparentTopLeft_staysTransparent(String file) {
    BufferedImage out = transformer.renderImage(Corpus.bytes(file), "format=png");
    assertThat(Pixels.alphaAt(out, 0, 0)).isZero();
    assertThatImage(out).hasTransparentPixels();
  }

  @Test
  void partialAlphaPalette_givesPartlyTransparentPixels() {
    assertThatImage(transformer.renderImage(Corpus.bytes("png-palette-partial-alpha-trns.png"), ""))
        .hasPartlyTransparentPixels();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gif-animated.gif", "webp-animated.webp"})
  void animation_staticOutputIsTheFirstFrameOnTheCanvas(String file) {
    RenderResult r = transformer.render(Corpus.bytes(file), "format=png");
    assertThat(r.width()).isEqualTo(80);
    assertThat(r.height()).isEqualTo(80);
    assertThatImage(r.bytes()).hasSize(80, 80).hasTransparentPixels();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jpeg-progressive.jpg", "icc-adobergb-photo-progressive-444.jpg"})
  void progressiveSource_staysProgressive(String file) {
    assertThat(ImageBytes.jpegMarkers(transformer.render(Corpus.bytes(file), "width=100").bytes()))
        .contains(ImageBytes.SOF2);
  }

  static Stream<String> readableFiles() {
    return Corpus.manifest().keySet().stream()
        .filter(f -> !f.startsWith("bad-") && !f.startsWith("bomb-") && !UNSUPPORTED.contains(f));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readableFiles")
  void render_everyReadableFile_hasItsUprightManifestSize(String file) {
    Corpus.Entry entry = Corpus.entry(file);
    Dimension stored = entry.dimensions().orElseThrow();
    boolean swaps =
        entry.exifOrientation() >= 5
            && entry.exifOrientation() <= 8
            && entry.property("format").orElse("").equals("JPEG");

    byte[] source = Corpus.bytes(file);
    RenderResult r = transformer.render(source, "");

    assertThat(r.width()).isEqualTo(swaps ? stored.height : stored.width);
    assertThat(r.height()).isEqualTo(swaps ? stored.width : stored.height);
    assertThat(ImageFormat.sniff(r.bytes())).isEqualTo(r.format());
    if (r.bytes()
        != source) { // the source itself (quality fallback) may be an animation ImageIO reads
      // partly
      assertThatImage(r.bytes()).hasSize(r.width(), r.height());
    }
  }

  static Stream<String> refusedFiles() {
    return Stream.of(Corpus.files("bad-"), Corpus.files("bomb-"), List.copyOf(UNSUPPORTED))
        .flatMap(List::stream);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedFiles")
  void render_brokenBombOrUnsupportedFile_failsCleanlyWith4xx(String file) {
    ImageFormat declared = file.equals("bad-jpeg-bytes-named.png") ? ImageFormat.PNG : null;
    var e =
        catchThrowableOfType(
            TransformException.class,
            () -> transformer.render(Corpus.bytes(file), declared, "width=100", null));
    assertThat(e).as("%s must fail with a TransformException", file).isNotNull();
    assertThat(e.status()).isBetween(400, 499);
    assertThat(e.errorId()).startsWith("IMGEDGE-");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "bad-truncated-baseline.jpg",
        "bad-truncated-progressive.jpg",
        "bad-truncated.png",
        "bad-truncated.webp"
      })
  void render_truncatedFile_isRefusedNotServedPartlyGray(String file) {
    var e =
        catchThrowableOfType(
            InvalidImageException.class, () -> transformer.render(Corpus.bytes(file), ""));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage()).containsAnyOf("truncated", "corrupt");
  }

  @Test
  void render_afterAFailure_theNextRenderIsFine() {
    catchThrowableOfType(
        TransformException.class,
        () -> transformer.render(Corpus.bytes("bad-truncated-baseline.jpg"), ""));
    assertThat(transformer.render(Corpus.bytes("jpeg-422-small.jpg"), "width=64").width())
        .isEqualTo(64);
  }

  private static int[] firstPixelWithAlpha(BufferedImage image, int alpha) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (Pixels.alphaAt(image, x, y) == alpha) {
          return new int[] {x, y};
        }
      }
    }
    throw new AssertionError("no pixel with alpha " + alpha);
  }
}
