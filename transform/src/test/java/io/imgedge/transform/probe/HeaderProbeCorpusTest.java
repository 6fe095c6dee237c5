package io.imgedge.transform.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.RequiresCorpus;
import java.awt.Dimension;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header probe over the shared corpus: every broken or bomb file is refused with a 4xx before
 * decoding, and every other file's header agrees with the manifest. Skipped where the corpus is
 * missing, except on CI.
 */
@RequiresCorpus
class HeaderProbeCorpusTest {
  /** Valid files in encodings imgedge does not decode. */
  private static final Set<String> UNSUPPORTED = Set.of("jpeg-12bit.jpg", "jpeg-arithmetic.jpg");

  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);

  static Stream<String> badAndBombFiles() {
    return Stream.concat(Corpus.files("bad-").stream(), Corpus.files("bomb-").stream());
  }

  static Stream<String> bombFiles() {
    return Corpus.files("bomb-").stream();
  }

  static Stream<String> validFiles() {
    return Corpus.manifest().keySet().stream()
        .filter(f -> !f.startsWith("bad-") && !f.startsWith("bomb-") && !UNSUPPORTED.contains(f));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAndBombFiles")
  void probe_badOrBombFile_isRefusedWith4xx(String file) {
    var e =
        catchThrowableOfType(
            TransformException.class,
            () -> probe.probe(Corpus.bytes(file), declaredByExtension(file)));
    assertThat(e).as("%s must be refused by the probe", file).isNotNull();
    assertThat(e.status()).isBetween(400, 499);
    assertThat(e.getMessage()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombFiles")
  void probe_bombFile_isTooLarge(String file) {
    var e =
        catchThrowableOfType(
            ImageTooLargeException.class, () -> probe.probe(Corpus.bytes(file), null));
    assertThat(e).as(file).isNotNull();
    assertThat(e.status()).isEqualTo(422);
  }

  @Test
  void probe_jpegNamedPng_isRefusedOnlyWhenTheNameIsTrusted() {
    byte[] data = Corpus.bytes("bad-jpeg-bytes-named.png");
    assertThat(
            catchThrowableOfType(
                    UnsupportedImageException.class, () -> probe.probe(data, ImageFormat.PNG))
                .status())
        .isEqualTo(415);
    ImageHeader sniffed = probe.probe(data, null);
    assertThat(sniffed.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(sniffed.width()).isEqualTo(16);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bad-truncated-baseline.jpg", "bad-truncated-progressive.jpg"})
  void probe_truncatedJpeg_isRefusedBeforeDecoding(String file) {
    var e =
        catchThrowableOfType(
            InvalidImageException.class, () -> probe.probe(Corpus.bytes(file), ImageFormat.JPEG));
    assertThat(e).as(file).isNotNull();
    assertThat(e.getMessage()).contains("truncated");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"jpeg-12bit.jpg, 12-bit", "jpeg-arithmetic.jpg, arithmetic"})
  void probe_unsupportedJpegCoding_is415(String file, String reason) {
    var e =
        catchThrowableOfType(
            UnsupportedImageException.class, () -> probe.probe(Corpus.bytes(file), null));
    assertThat(e.status()).isEqualTo(415);
    assertThat(e.getMessage()).contains(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFiles")
  void probe_validFile_agreesWithTheManifest(String file) {
    Corpus.Entry entry = Corpus.entry(file);
    ImageHeader h = probe.probe(Corpus.bytes(file), declaredByExtension(file));

    assertThat(h.format()).isEqualTo(formatOf(entry));
    Dimension dims = entry.dimensions().orElseThrow();
    assertThat(h.width()).isEqualTo(dims.width);
    assertThat(h.height()).isEqualTo(dims.height);
    entry
        .property("alpha")
        .ifPresent(a -> assertThat(h.hasAlpha()).as("alpha").isEqualTo(a.equals("yes")));
    entry
        .property("frames")
        .ifPresent(n -> assertThat(h.frames()).as("frames").isEqualTo(Integer.parseInt(n)));
    if (h.format() == ImageFormat.JPEG) {
      assertThat(h.exifOrientation())
          .as("orientation")
          .isEqualTo(Orientation.fromExif(entry.exifOrientation()));
      assertThat(h.progressive())
          .as("progressive")
          .isEqualTo(entry.property("coding").orElse("").startsWith("Progressive"));
      assertThat(h.cmyk() != null)
          .as("cmyk")
          .isEqualTo(entry.property("components").equals(java.util.Optional.of("4")));
    }
  }

  @Test
  void probe_orientationSix_swapsTheOrientedSize() {
    ImageHeader h = probe.probe(Corpus.bytes("orient-landscape-6.jpg"), ImageFormat.JPEG);
    assertThat(h.exifOrientation()).isEqualTo(Orientation.ROTATE_90);
    assertThat(h.width()).isEqualTo(1200);
    assertThat(h.height()).isEqualTo(1800);
    assertThat(h.orientedWidth()).isEqualTo(1800);
    assertThat(h.orientedHeight()).isEqualTo(1200);
  }

  @Test
  void probe_invalidOrientationZero_isNormal() {
    assertThat(probe.probe(Corpus.bytes("orient-landscape-0.jpg"), null).exifOrientation())
        .isEqualTo(Orientation.NORMAL);
  }

  @Test
  void probe_exifInPngZtxt_isNotRead() {
    // ImageMagick's "Raw profile type exif" zTXt after IDAT is not a standard place (Java ImageIO
    // and browsers ignore it too): the policy is to leave such images as stored.
    assertThat(probe.probe(Corpus.bytes("orient-3-png-exif.png"), null).exifOrientation())
        .isEqualTo(Orientation.NORMAL);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cmyk-adobe-plain-swop-icc.jpg, ADOBE_INVERTED, true",
    "cmyk-ycck-swop-icc.jpg, ADOBE_YCCK, true",
    "cmyk-ycck-no-icc.jpg, ADOBE_YCCK, false",
    "cmyk-ycck-orient-6-no-icc.jpg, ADOBE_YCCK, false",
  })
  void probe_cmykJpeg_codingAndReassembledProfile(String file, CmykCoding coding, boolean profile) {
    ImageHeader h = probe.probe(Corpus.bytes(file), null);
    assertThat(h.cmyk()).isEqualTo(coding);
    if (profile) {
      assertThat(h.iccProfile()).hasSizeGreaterThan(500_000);
      ICC_Profile icc = ICC_Profile.getInstance(h.iccProfile());
      assertThat(icc.getColorSpaceType())
          .as("chunks joined in order")
          .isEqualTo(ColorSpace.TYPE_CMYK);
    } else {
      assertThat(h.iccProfile()).isNull();
    }
  }

  @Test
  void probe_animations_countFramesAndPlaceTheFirst() {
    ImageHeader webp = probe.probe(Corpus.bytes("webp-animated.webp"), null);
    assertThat(webp.frames()).isEqualTo(9);
    assertThat(webp.firstFrame()).isEqualTo(new java.awt.Rectangle(12, 12, 55, 55));
    assertThat(probe.probe(Corpus.bytes("gif-animated.gif"), null).frames()).isEqualTo(30);
  }

  @Test
  void corpus_hasTheFilesTheseTestsExpect() {
    assertThat(Corpus.files("bad-")).hasSize(9);
    assertThat(Corpus.files("bomb-")).hasSize(5);
    assertThat(validFiles().toList()).hasSizeGreaterThan(45);
  }

  private static ImageFormat declaredByExtension(String file) {
    String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "jpg", "jpeg" -> ImageFormat.JPEG;
      case "png" -> ImageFormat.PNG;
      case "gif" -> ImageFormat.GIF;
      case "webp" -> ImageFormat.WEBP;
      default -> throw new IllegalArgumentException(file);
    };
  }

  private static ImageFormat formatOf(Corpus.Entry entry) {
    String format = entry.property("format").orElseThrow();
    for (ImageFormat f : List.of(ImageFormat.values())) {
      if (format.toUpperCase(Locale.ROOT).endsWith(f.name())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format " + format);
  }
}
