package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.RequiresCorpus;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The libjpeg-turbo path (shrink-on-load, profile applied after the resize, turbo encode) and the
 * pure-Java path (ImageIO, TwelveMonkeys) render the corpus' JPEGs alike: orientation, ICC
 * profiles, gray, progressive, odd subsampling, and the refusals.
 */
@RequiresCorpus
class JpegPathsTest {
  private static final TestTransformer TURBO = new TestTransformer(NativeCodecs.load());
  private static final TestTransformer PURE_JAVA = new TestTransformer(NativeCodecs.none());

  @Test
  void codecs_areTheOnesAsked() {
    assertThat(TURBO.transformer().jpegCodec()).startsWith("libjpeg-turbo");
    assertThat(PURE_JAVA.transformer().jpegCodec()).isEqualTo("ImageIO");
  }

  /**
   * Without a resize the two paths differ only by codec rounding; with one, by shrink-on-load (a
   * 1/2, 1/4 or 1/8 DCT decode before the Lanczos-3, against Lanczos-3 from full size), which shows
   * most on tiny images and on the sharp edges of a test pattern.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "perf-2725x2225.jpg, width=720&height=588, 1.0",
    "perf-2725x2225.jpg, width=300&height=300&fit=crop, 1.5",
    "perf-2725x2225.jpg, width=100&orient=r, 3.0",
    "icc-adobergb-small.jpg, dpr=1, 1.0",
    "icc-displayp3-small.jpg, dpr=1, 1.0",
    "jpeg-444-srgb-icc.jpg, dpr=1, 1.0",
    "icc-adobergb-photo-progressive-444.jpg, width=200, 1.5",
    "icc-adobergb-small.jpg, width=0.4, 3.5",
    "icc-displayp3-small.jpg, width=0.4, 3.5",
    "icc-xyb-jpegli.jpg, width=0.5, 2.5",
    "jpeg-422-small.jpg, width=0.3, 2.5",
    "jpeg-444-srgb-icc.jpg, width=0.5, 5.0",
    "jpeg-gray-no-icc.jpg, width=0.3, 2.0",
    "jpeg-gray-graygamma22-icc.jpg, width=0.3, 2.0",
    "jpeg-progressive.jpg, width=0.3, 2.0",
    "orient-landscape-6.jpg, width=0.3, 3.0",
    "orient-landscape-5.jpg, width=0.3, 3.0",
    "icc-mismatch-rgb-jpeg-gray-profile.jpg, width=0.5, 2.5",
  })
  void render_turboAndPureJava_agree(String file, String query, double maxPercent) {
    byte[] source = Corpus.bytes(file);
    RenderResult turbo = TURBO.render(source, query + "&format=png");
    RenderResult pureJava = PURE_JAVA.render(source, query + "&format=png");
    assertThat(turbo.width()).isEqualTo(pureJava.width());
    assertThat(turbo.height()).isEqualTo(pureJava.height());
    BufferedImage a = io.imgedge.transform.testing.TestImages.decode(turbo.bytes());
    assertThatImage(a)
        .isCloseTo(io.imgedge.transform.testing.TestImages.decode(pureJava.bytes()), maxPercent);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"bad-truncated-baseline.jpg", "bad-truncated-progressive.jpg"})
  void render_truncated_is422OnBothPaths(String file) {
    byte[] source = Corpus.bytes(file);
    for (TestTransformer t : new TestTransformer[] {TURBO, PURE_JAVA}) {
      var e = catchThrowableOfType(TransformException.class, () -> t.render(source, "width=100"));
      assertThat(e.status()).as(t.transformer().jpegCodec()).isEqualTo(422);
    }
  }

  /**
   * The probe refuses a JPEG that stops before its end marker; a baseline one cut inside its image
   * data that carries an end marker anyway gets past it, and each decoder must refuse it rather
   * than fill the rest in grey. (A progressive JPEG may legitimately end after any complete scan.)
   */
  @Test
  void render_baselineCutMidScan_withAnEndMarker_is422OnBothPaths() {
    byte[] cut = Corpus.bytes("bad-truncated-baseline.jpg");
    byte[] withEnd = java.util.Arrays.copyOf(cut, cut.length + 2);
    withEnd[cut.length] = (byte) 0xFF;
    withEnd[cut.length + 1] = (byte) 0xD9;
    for (byte[] source : new byte[][] {withEnd}) {
      for (TestTransformer t : new TestTransformer[] {TURBO, PURE_JAVA}) {
        var e = catchThrowableOfType(TransformException.class, () -> t.render(source, "width=100"));
        assertThat(e).as(t.transformer().jpegCodec()).isNotNull();
        assertThat(e.status()).as(t.transformer().jpegCodec()).isEqualTo(422);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"jpeg-lossless-sof3.jpg", "cmyk-ycck-swop-icc.jpg", "cmyk-adobe-plain-swop-icc.jpg"})
  void render_formsTurboLacksOrLeaves_fallBackToImageIo(String file) {
    byte[] source = Corpus.bytes(file);
    BufferedImage turbo = TURBO.renderImage(source, "width=64&format=png");
    BufferedImage pureJava = PURE_JAVA.renderImage(source, "width=64&format=png");
    assertThatImage(turbo).hasSamePixelsAs(pureJava);
  }
}
