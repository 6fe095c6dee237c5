package io.imgedge.transform.codec;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.color.YccToSrgb;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.RequiresCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pure-Java path's YCbCr shortcut: which JPEGs take it (read from their markers by the probe,
 * checked against the corpus' JFIF, Adobe and marker-less files), and that converting its pixels
 * gives the image the ordinary decode (TwelveMonkeys, conversion and profile at full size) gives.
 */
@RequiresCorpus
class YccJpegReaderTest {
  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);
  private final ImageDecoder pureJava = new ImageDecoder(NativeCodecs.none());

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "perf-2725x2225.jpg, true", // JFIF
    "jpeg-progressive.jpg, true",
    "icc-adobergb-photo-progressive-444.jpg, true", // Adobe, transform 1
    "cmyk-ycck-orient-6-srgb-reference.jpg, true", // Adobe transform 1, ids 0, 1, 2
    "icc-adobergb-small.jpg, true", // no marker, ids 1, 2, 3
    "icc-xyb-jpegli.jpg, false", // no marker, ids R, G, B: stored as RGB
    "jpeg-lossless-sof3.jpg, false", // Adobe transform 0: RGB
    "jpeg-gray-no-icc.jpg, false", // one component
    "cmyk-ycck-no-icc.jpg, false", // four components
    "icc-mismatch-gray-jpeg-rgb-profile.jpg, false",
  })
  void storedAsYcc_followsTheMarkersLibjpegFollows(String file, boolean ycc) {
    assertThat(probe.probe(Corpus.bytes(file), null).storedAsYcc()).isEqualTo(ycc);
  }

  /**
   * Without a profile the values are libjpeg's own (no difference); with one, the profile rounds.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "perf-2725x2225.jpg, 0.0",
    "jpeg-progressive.jpg, 0.0",
    "jpeg-422-small.jpg, 0.3",
    "orient-landscape-6.jpg, 0.0",
    "icc-adobergb-small.jpg, 1.0",
    "icc-displayp3-small.jpg, 1.0",
    "icc-adobergb-photo-progressive-444.jpg, 1.0",
    "cmyk-ycck-orient-6-srgb-reference.jpg, 0.3",
  })
  void decode_shrinking_leavesYccPending_thatConvertsToTheOrdinaryDecode(
      String file, double maxPercent) {
    byte[] jpeg = Corpus.bytes(file);
    ImageHeader header = probe.probe(jpeg, null);
    DecodedImage ycc = pureJava.decode(jpeg, header, 2);
    DecodedImage ordinary = pureJava.decode(jpeg, header, 1);
    assertThat(ycc.pending()).isInstanceOf(YccToSrgb.class);
    assertThat(ordinary.pending()).isNull();
    assertThat(ycc.scale()).isEqualTo(1.0);
    assertThatImage(ycc.pending().toSrgb(ycc.image())).isCloseTo(ordinary.image(), maxPercent);
    assertThatImage(ycc.image()).as("still YCbCr").isNotCloseTo(ordinary.image(), 1.0);
  }
}
