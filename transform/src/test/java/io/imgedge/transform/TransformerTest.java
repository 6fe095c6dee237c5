package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.config.TransformConfig.JpegType;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.pipeline.Step;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.testing.ImageBytes;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end through the {@link Transformer}, on the bundled test images and hand-built sources.
 */
class TransformerTest {
  private static final String ACCEPT_WEBP = "image/webp,*/*;q=0.8";
  private static final int TOLERANCE = 6;

  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();

  private BufferedImage render(String file, String query) {
    return transformer.renderImage(TestImages.resource(file), query);
  }

  @Nested
  class Colour {
    @Test
    void adobeRgbJpeg_isConvertedToSrgb() {
      assertThatImage(render("icc-adobergb-small.jpg", "format=png"))
          .hasSize(45, 100)
          .hasColorCloseTo(29, 54, new Rgb(0, 102, 209), TOLERANCE)
          .hasMeanCloseTo(new Rgb(48, 56, 72), TOLERANCE);
    }

    @Test
    void displayP3Jpeg_isConvertedToSrgb() {
      assertThatImage(render("icc-displayp3-small.jpg", "format=png"))
          .hasColorCloseTo(29, 54, new Rgb(31, 103, 212), TOLERANCE)
          .hasMeanCloseTo(new Rgb(51, 57, 73), TOLERANCE);
    }

    @Test
    void sameRawPixels_differentProfiles_giveDifferentOutput() {
      Rgb adobe = Pixels.rgbAt(render("icc-adobergb-small.jpg", "format=png"), 29, 54);
      Rgb p3 = Pixels.rgbAt(render("icc-displayp3-small.jpg", "format=png"), 29, 54);
      assertThat(adobe.maxChannelDifference(p3))
          .as("%s vs %s: the profile is applied", adobe, p3)
          .isGreaterThan(20);
    }

    @Test
    void proPhotoPng_isConvertedToSrgb() {
      // The raw pixel is (131,141,192): far outside the tolerance.
      assertThatImage(render("icc-png-prophoto-1x1.png", "format=png"))
          .hasColorCloseTo(0, 0, new Rgb(117, 160, 209), TOLERANCE);
    }

    @Test
    void grayJpegWithoutProfile_keepsItsRawValues_notBrightened() {
      byte[] source = TestImages.resource("jpeg-gray-no-icc.jpg");
      BufferedImage raw = TestImages.decode(source);
      assertThat(raw.getType())
          .as("a sound oracle: raw gray samples")
          .isEqualTo(BufferedImage.TYPE_BYTE_GRAY);

      BufferedImage out = transformer.renderImage(source, "format=png");

      assertThatImage(out).hasSize(128, 128).isNeutralGray(0);
      for (int y = 0; y < 128; y++) {
        for (int x = 0; x < 128; x++) {
          assertThat(out.getRGB(x, y) & 0xFF)
              .as("(%d,%d)", x, y)
              .isEqualTo(raw.getRaster().getSample(x, y, 0));
        }
      }
    }

    @Test
    void grayJpegWithGamma22Profile_staysNeutralAndCloseToItsRawValues() {
      byte[] source = TestImages.resource("jpeg-gray-graygamma22-icc.jpg");
      BufferedImage raw = TestImages.decode(source);
      BufferedImage out = transformer.renderImage(source, "format=png");

      assertThatImage(out).hasSize(400, 267).isNeutralGray(0);
      long diff = 0;
      for (int y = 0; y < 267; y++) {
        for (int x = 0; x < 400; x++) {
          diff += Math.abs((out.getRGB(x, y) & 0xFF) - raw.getRaster().getSample(x, y, 0));
        }
      }
      assertThat(diff / (400.0 * 267)).as("mean shift in levels").isLessThan(4);
    }

    @Test
    void output_isTheSameForJpegAndPngWithinJpegLoss() {
      BufferedImage png = render("icc-adobergb-small.jpg", "format=png");
      BufferedImage jpeg = render("icc-adobergb-small.jpg", "format=jpg&quality=100");
      assertThatImage(jpeg).isCloseTo(png, 3);
    }
  }

  @Nested
  class OutputFormat {
    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        png-palette-trns.png   | ''                     | PNG
        gif-transparent.gif    | ''                     | GIF
        icc-adobergb-small.jpg | ''                     | JPEG
        webp-lossy-alpha.webp  | ''                     | WEBP
        png-palette-trns.png   | format=auto            | PNG
        gif-transparent.gif    | format=auto            | PNG
        icc-adobergb-small.jpg | format=auto            | JPEG
        webp-lossy-alpha.webp  | format=auto            | PNG
        icc-adobergb-small.jpg | format=webp            | WEBP
        png-palette-trns.png   | format=jpg             | JPEG
        png-palette-trns.png   | format=pjpg            | JPEG
        icc-adobergb-small.jpg | format=png             | PNG
        icc-adobergb-small.jpg | format=gif             | GIF
        icc-adobergb-small.jpg | auto=webp              | JPEG
        icc-adobergb-small.jpg | auto=webp&format=png   | PNG
        """)
    void format_perTarget_withoutWebpSupport(String file, String query, ImageFormat expected) {
      RenderResult r = transformer.render(TestImages.resource(file), query, "image/png,*/*");
      assertThat(r.format()).isEqualTo(expected);
      assertThat(ImageFormat.sniff(r.bytes()))
          .as("the bytes really are %s", expected)
          .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        png-palette-trns.png   | format=auto
        icc-adobergb-small.jpg | format=auto
        icc-adobergb-small.jpg | auto=webp
        gif-transparent.gif    | auto=webp&format=png
        icc-adobergb-small.jpg | format=webp
        """)
    void webp_isRealWebp(String file, String query) {
      RenderResult r = transformer.render(TestImages.resource(file), query, ACCEPT_WEBP);
      assertThat(r.format()).isEqualTo(ImageFormat.WEBP);
      assertThat(ImageBytes.isWebp(r.bytes())).isTrue();
      assertThat(new String(r.bytes(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
      assertThat(new String(r.bytes(), 8, 4, StandardCharsets.ISO_8859_1)).isEqualTo("WEBP");
      assertThatImage(r.bytes()).hasSize(r.width(), r.height());
    }

    @Test
    void jpegQuality_changesTheSizeMonotonically() {
      byte[] source = TestImages.resource("gif-transparent.gif");
      int q30 = transformer.render(source, "format=jpg&quality=30").bytes().length;
      int q60 = transformer.render(source, "format=jpg&quality=60").bytes().length;
      int q90 = transformer.render(source, "format=jpg&quality=90").bytes().length;
      assertThat(q30).isLessThan(q60);
      assertThat(q60).isLessThan(q90);
      assertThat(transformer.render(source, "format=jpg").bytes().length)
          .as("the default, 85")
          .isBetween(q60, q90);
    }

    @Test
    void webpQuality_changesTheSize_andTheSecondValueAppliesWhenNegotiated() {
      byte[] source = TestImages.resource("icc-adobergb-small.jpg");
      int q20 = transformer.render(source, "format=webp&quality=20").bytes().length;
      int q95 = transformer.render(source, "format=webp&quality=95").bytes().length;
      assertThat(q20).isLessThan(q95);
      RenderResult negotiated = transformer.render(source, "auto=webp&quality=95,20", ACCEPT_WEBP);
      assertThat(negotiated.format()).isEqualTo(ImageFormat.WEBP);
      assertThat(negotiated.bytes()).hasSize(q20);
      RenderResult fallback = transformer.render(source, "auto=webp&quality=95,20", "*/*");
      assertThat(fallback.format()).isEqualTo(ImageFormat.JPEG);
      assertThat(fallback.bytes().length)
          .isEqualTo(transformer.render(source, "quality=95&width=45").bytes().length);
    }

    @Test
    void progressiveAndBaselineJpeg_markers() {
      byte[] source = TestImages.resource("icc-adobergb-small.jpg");
      assertThat(ImageBytes.jpegMarkers(transformer.render(source, "format=pjpg").bytes()))
          .contains(ImageBytes.SOF2)
          .doesNotContain(ImageBytes.SOF0);
      assertThat(ImageBytes.jpegMarkers(transformer.render(source, "format=bjpg").bytes()))
          .contains(ImageBytes.SOF0)
          .doesNotContain(ImageBytes.SOF2);
      assertThat(ImageBytes.jpegMarkers(transformer.render(source, "format=jpg").bytes()))
          .as("a baseline source stays baseline")
          .contains(ImageBytes.SOF0);
    }

    @Test
    void jpegTypeAuto_keepsAProgressiveSourceProgressive() {
      byte[] progressive = TestImages.progressiveJpeg(TestImages.horizontalGradient(64, 32));
      assertThat(ImageBytes.jpegMarkers(transformer.render(progressive, "width=64").bytes()))
          .contains(ImageBytes.SOF2);
      assertThat(ImageBytes.jpegMarkers(transformer.render(progressive, "format=jpg").bytes()))
          .contains(ImageBytes.SOF2);
      assertThat(ImageBytes.jpegMarkers(transformer.render(progressive, "format=bjpg").bytes()))
          .contains(ImageBytes.SOF0);

      var baselineService =
          new TestTransformer(
              ImageLimits.FASTLY,
              new TransformDefaults(85, 85, JpegType.BASELINE, ResizeFilter.LANCZOS3, false));
      assertThat(ImageBytes.jpegMarkers(baselineService.render(progressive, "width=64").bytes()))
          .contains(ImageBytes.SOF0);
      assertThat(ImageBytes.jpegMarkers(baselineService.render(progressive, "format=pjpg").bytes()))
          .contains(ImageBytes.SOF2);
    }
  }

  @Nested
  class Metadata {
    @Test
    void jpegOutput_hasNoExifAndNoIcc() {
      byte[] source =
          ImageBytes.withExifOrientation(
              TestImages.resource("icc-adobergb-small.jpg"), 1, ByteOrder.BIG_ENDIAN);
      assertThat(ImageBytes.jpegMarkers(source))
          .as("the fixture has both")
          .contains(ImageBytes.APP1, ImageBytes.APP2);

      for (String query : new String[] {"", "format=pjpg", "width=20"}) {
        assertThat(ImageBytes.jpegMarkers(transformer.render(source, query).bytes()))
            .as(query)
            .doesNotContain(ImageBytes.APP1, ImageBytes.APP2);
      }
    }

    @Test
    void pngOutput_hasNoProfileExifOrText() {
      byte[] source =
          ImageBytes.withPngChunk(
              ImageBytes.withPngChunk(
                  TestImages.resource("icc-png-prophoto-1x1.png"),
                  "tEXt",
                  "Comment\0secret".getBytes(StandardCharsets.ISO_8859_1)),
              "eXIf",
              ImageBytes.tiffWithOrientation(1, ByteOrder.LITTLE_ENDIAN));
      assertThat(ImageBytes.pngChunkTypes(source))
          .as("the fixture")
          .contains("iCCP", "tEXt", "eXIf");

      byte[] out = transformer.render(source, "").bytes();

      assertThat(ImageBytes.pngChunkTypes(out))
          .doesNotContain("iCCP", "eXIf", "tEXt", "zTXt", "iTXt")
          .startsWith("IHDR")
          .endsWith("IEND");
    }

    @Test
    void webpOutput_hasNoProfileOrExif() {
      byte[] out =
          transformer.render(TestImages.resource("icc-displayp3-small.jpg"), "format=webp").bytes();
      assertThat(ImageBytes.webpChunkTypes(out)).doesNotContain("ICCP", "EXIF", "XMP ");
    }
  }

  @Nested
  class Alpha {
    @Test
    void png_keepsTransparency() {
      BufferedImage out = render("png-palette-trns.png", "");
      assertThatImage(out).hasAlphaChannel().hasTransparentPixels();
      assertThat(Pixels.alphaAt(out, 0, 0)).isZero();
    }

    @Test
    void webp_keepsTransparency() {
      BufferedImage out = render("gif-transparent.gif", "format=webp");
      assertThatImage(out).hasAlphaChannel().hasTransparentPixels();
      assertThat(Pixels.alphaCounts(out).transparent())
          .isEqualTo(Pixels.alphaCounts(render("gif-transparent.gif", "format=png")).transparent());
    }

    @Test
    void jpeg_isFlattenedOntoWhite() {
      BufferedImage out = render("gif-transparent.gif", "format=jpg");
      assertThatImage(out)
          .hasNoAlphaChannel()
          .isOpaque()
          .hasBoxMeanCloseTo(0, 0, 4, 4, new Rgb(255, 255, 255), TOLERANCE);
    }

    @Test
    void bgColor_isAppliedOnTransparentAreas() {
      assertThatImage(render("gif-transparent.gif", "format=jpg&bg-color=ff0000"))
          .hasBoxMeanCloseTo(0, 0, 4, 4, new Rgb(255, 0, 0), TOLERANCE);
      assertThatImage(render("png-palette-trns.png", "bg-color=0f0"))
          .isOpaque()
          .hasColorCloseTo(0, 0, new Rgb(0, 255, 0), 0);
      BufferedImage translucent = render("gif-transparent.gif", "format=png&bg-color=0,0,255,0.5");
      assertThat(translucent.getRGB(0, 0)).isEqualTo(0x800000FF);
    }

    @Test
    void bgColor_leavesOpaquePixelsAlone() {
      BufferedImage plain = render("png-palette-trns.png", "format=png");
      BufferedImage flattened = render("png-palette-trns.png", "format=png&bg-color=f0f");
      int checked = 0;
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          if (Pixels.alphaAt(plain, x, y) == 255) {
            assertThat(flattened.getRGB(x, y)).isEqualTo(plain.getRGB(x, y));
            checked++;
          }
        }
      }
      assertThat(checked).isPositive();
    }

    @Test
    void resize_keepsAlphaAndDoesNotDarkenEdges() {
      BufferedImage out = render("webp-lossy-alpha.webp", "width=50&format=png");
      assertThatImage(out).hasSize(50, 50).hasTransparentPixels().hasPartlyTransparentPixels();
    }
  }

  @Nested
  class Geometry {
    @Test
    void width_resizesProportionally() {
      RenderResult r =
          transformer.render(TestImages.resource("icc-adobergb-small.jpg"), "width=20");
      assertThat(r.width()).isEqualTo(20);
      assertThat(r.height()).isEqualTo(44);
      assertThatImage(r.bytes()).hasSize(20, 44);
      assertThat(r.warnings()).isEmpty();
      assertThat(r.info())
          .isEqualTo(
              "ifsz=3038 idim=45x100 ifmt=jpeg ofsz=%d odim=20x44 ofmt=jpeg"
                  .formatted(r.bytes().length));
    }

    @Test
    void upscale_isOffByDefault() {
      RenderResult r =
          transformer.render(TestImages.resource("icc-adobergb-small.jpg"), "width=90");
      assertThat(r.width()).isEqualTo(45);
      assertThat(
              transformer
                  .render(TestImages.resource("icc-adobergb-small.jpg"), "width=90&enable=upscale")
                  .width())
          .isEqualTo(90);
    }

    @Test
    void outputBeyondTheLimit_isClampedWithAWarning() {
      byte[] source = TestImages.png(TestImages.solid(100, 1, 0xFF204060));
      RenderResult r = transformer.render(source, "width=8192&dpr=2&enable=upscale&format=png");
      assertThat(r.width()).as("16384 asked for").isEqualTo(8192);
      assertThat(r.height()).as("163.84 before the clamp").isEqualTo(82);
      assertThat(r.warnings()).singleElement().asString().contains("8192x8192 limit");
    }

    @ParameterizedTest(name = "EXIF {0}")
    @EnumSource(Orientation.class)
    void exifOrientationInPng_isAppliedPixelExactly(Orientation exif) {
      BufferedImage stored =
          TestImages.of(
              3, 2, true, 0x0AC81E64, 0x80FF0000, 0x01020304, 0xFF00FF00, 0x7F123456, 0xFF000001);
      byte[] source =
          ImageBytes.withPngChunk(
              TestImages.png(stored),
              "eXIf",
              ImageBytes.tiffWithOrientation(exif.exifValue(), ByteOrder.BIG_ENDIAN));

      BufferedImage out = transformer.renderImage(source, "format=png");

      assertThatImage(out).hasSamePixelsAs(TestImages.upright(stored, exif.exifValue()));
    }

    @Test
    void exifOrientationInJpeg_isApplied_andOrientIsAppliedAfterIt() {
      byte[] stored = TestImages.encode(TestImages.solid(30, 20, 0xFF808080), "jpg");
      byte[] six = ImageBytes.withExifOrientation(stored, 6, ByteOrder.LITTLE_ENDIAN);
      RenderResult r = transformer.render(six, "");
      assertThat(r.width()).isEqualTo(20);
      assertThat(r.height()).isEqualTo(30);
      RenderResult back = transformer.render(six, "orient=l&width=15");
      assertThat(back.width()).isEqualTo(15);
      assertThat(back.height()).isEqualTo(10);
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "bad-png-ihdr-crc.png, 422, CRC",
      "bomb-png-ztxt-zlib.png, 422, decompression bomb",
      "bomb-gif-frame-65535x65535.gif, 422, frame",
      "bomb-jpeg-64250x64250-lottapixel.jpg, 422, 64250x64250",
      "jpeg-arithmetic.jpg, 415, arithmetic",
      "bad-truncated-progressive.jpg, 422, truncated",
    })
    void render_badSource_failsWithItsStatus(String file, int status, String reason) {
      var e =
          catchThrowableOfType(
              TransformException.class,
              () -> transformer.render(TestImages.resource(file), "width=10"));
      assertThat(e).isNotNull();
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.getMessage()).contains(reason);
    }

    @Test
    void render_zeroBytes_is422() {
      assertThat(
              catchThrowableOfType(
                      InvalidImageException.class, () -> transformer.render(new byte[0], ""))
                  .status())
          .isEqualTo(422);
    }

    @Test
    void render_declaredTypeMismatch_is415() {
      var e =
          catchThrowableOfType(
              UnsupportedImageException.class,
              () ->
                  transformer.render(
                      TestImages.resource("icc-adobergb-small.jpg"), ImageFormat.PNG, "", null));
      assertThat(e.status()).isEqualTo(415);
      assertThat(e.errorId()).isEqualTo("IMGEDGE-0201");
    }

    @Test
    void render_pastTheDeadline_is503_withAFakeClock() {
      AtomicLong now = new AtomicLong();
      var slowClock =
          new Transformer(
              ImageLimits.FASTLY,
              TransformDefaults.FASTLY,
              new ImageDecoder(),
              new Encoders(),
              new ConvolutionResizer(),
              () -> now.addAndGet(1_000_000_000L));
      TransformSpec spec = TransformSpec.NONE;
      var e =
          catchThrowableOfType(
              TransformTimeoutException.class,
              () ->
                  slowClock.render(
                      TestImages.resource("icc-adobergb-small.jpg"),
                      null,
                      spec,
                      FormatNegotiation.negotiate(spec, null),
                      Duration.ofMillis(1)));
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.getMessage()).contains("AutoOrient");
    }
  }

  @Test
  void pipeline_runsInFastlysOrder() {
    assertThat(transformer.transformer().pipeline().steps())
        .extracting(Step::name)
        .containsExactly(
            "AutoOrient",
            "TrimColor",
            "PreCrop",
            "Trim",
            "Crop",
            "Orient",
            "Resize",
            "ConvertToSrgb",
            "PadCanvas",
            "Flatten",
            "AdjustTone",
            "Sharpen",
            "Blur",
            "Bw",
            "ApplyOverlay",
            "Encode");
  }
}
