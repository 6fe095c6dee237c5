package io.imgedge.transform.codec;

import static io.imgedge.transform.codec.avif.AvifFixtures.MAX_PIXELS;
import static io.imgedge.transform.codec.avif.AvifFixtures.bytes;
import static io.imgedge.transform.codec.avif.AvifFixtures.meanAbsDiff;
import static io.imgedge.transform.codec.avif.AvifFixtures.png;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.codec.avif.AvifFixtures;
import io.imgedge.transform.codec.avif.AvifInfo;
import io.imgedge.transform.codec.avif.LibAvif;
import io.imgedge.transform.color.CicpConversion;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AVIFs made with avifenc from corpus images, decoded and compared with vips' decodes (libheif, not
 * libavif) of the same files.
 */
class AvifDecoderTest {
  private static final AvifDecoder DECODER = new AvifDecoder(LibAvif.load(LibAvif.DEFAULT_LIBRARY));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "srgb-icc.avif, srgb-icc.vips.png, false",
    "gray-400.avif, gray-400.vips.png, false",
    "palette-alpha.avif, palette-alpha.vips.png, true",
    "rgba-10bit.avif, rgba-10bit.vips.png, true"
  })
  void decode_matchesVips(String avif, String reference, boolean alpha) {
    AvifDecoder.Decoded decoded = DECODER.decode(bytes(avif), MAX_PIXELS);
    BufferedImage image = decoded.image().image();
    BufferedImage expected = png(reference);

    assertThat(image.getType())
        .isEqualTo(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    assertThat(decoded.image().pending()).as("sRGB needs no conversion").isNull();
    assertThat(decoded.image().scale()).isEqualTo(1);
    int[] actual = argb(image);
    int[] wanted = argb(expected);
    if (alpha) {
      assertThat(AvifFixtures.meanAlphaDiff(actual, wanted)).isLessThan(0.5);
    }
    // Colour under alpha 0 is whatever the encoder kept: compare where it shows.
    int[] shown = IntStream.range(0, actual.length).filter(i -> wanted[i] >>> 24 > 0).toArray();
    assertThat(meanAbsDiff(pick(actual, shown), pick(wanted, shown))).isLessThan(1.5);
  }

  @Test
  void decode_monochrome_isNeutralGray() {
    assertThatImage(DECODER.decode(bytes("gray-400.avif"), MAX_PIXELS).image().image())
        .isNeutralGray(0);
  }

  @Test
  void displayP3_withIccProfile_leavesTheProfilePending_andMatchesVips() {
    AvifDecoder.Decoded decoded = DECODER.decode(bytes("displayp3-icc.avif"), MAX_PIXELS);
    assertThat(decoded.image().pending()).isInstanceOf(EmbeddedProfile.class);

    BufferedImage srgb = decoded.image().pending().toSrgb(decoded.image().image());
    assertThat(meanAbsDiff(argb(srgb), argb(png("displayp3-icc.vips-srgb.png"))))
        .isLessThanOrEqualTo(3);
  }

  @Test
  void displayP3_withNclxOnly_convertsByCicp_likeTheProfileAndVips() {
    AvifDecoder.Decoded nclx = DECODER.decode(bytes("displayp3-nclx.avif"), MAX_PIXELS);
    assertThat(nclx.image().pending()).isInstanceOf(CicpConversion.class);
    BufferedImage byCicp = nclx.image().pending().toSrgb(nclx.image().image());

    AvifDecoder.Decoded icc = DECODER.decode(bytes("displayp3-icc.avif"), MAX_PIXELS);
    BufferedImage byProfile = icc.image().pending().toSrgb(icc.image().image());
    BufferedImage vips = png("displayp3-icc.vips-srgb.png");

    assertThat(meanAbsDiff(argb(byCicp), argb(vips))).isLessThanOrEqualTo(3);
    assertThat(meanAbsDiff(argb(byCicp), argb(byProfile))).isLessThanOrEqualTo(3);
    // The conversion matters: the unconverted P3 values are further off than that.
    assertThat(meanAbsDiff(argb(nclx.image().image()), argb(vips)))
        .isGreaterThan(meanAbsDiff(argb(byCicp), argb(vips)));
  }

  @Test
  void cicpDisplayP3_convertsTheSamePixelsAsTheDisplayP3Profile() {
    // The two fixtures are separate lossy encodes (avifenc also picks another YUV matrix beside an
    // ICC profile), about 1 level apart; on the same pixels the two conversions agree closely.
    AvifDecoder.Decoded icc = DECODER.decode(bytes("displayp3-icc.avif"), MAX_PIXELS);
    BufferedImage p3 = icc.image().image();
    BufferedImage byProfile = icc.image().pending().toSrgb(p3);
    BufferedImage byCicp = CicpConversion.forCicp(12, 13).toSrgb(p3);
    assertThat(meanAbsDiff(argb(byCicp), argb(byProfile))).isLessThan(0.1);
  }

  @Test
  void irotAndImir_areReportedNotApplied() {
    AvifDecoder.Decoded decoded = DECODER.decode(bytes("irot1-imir0.avif"), MAX_PIXELS);
    assertThatImage(decoded.image().image()).hasSize(45, 100);
    assertThat(decoded.info().exifOrientation()).isEqualTo(5);
  }

  @Test
  void decodedImages_areThePipelinesTypes() {
    for (String name : new String[] {"displayp3-nclx.avif", "palette-alpha.avif"}) {
      BufferedImage image = DECODER.decode(bytes(name), MAX_PIXELS).image().image();
      assertThat(SrgbImages.isPipelineType(image)).isTrue();
      assertThat(SrgbImages.pixels(image)).hasSize(image.getWidth() * image.getHeight());
    }
  }

  @Test
  void truncatedOrCorrupt_isAnInvalidImage() {
    byte[] data = bytes("palette-alpha.avif");
    assertThatThrownBy(() -> DECODER.decode(Arrays.copyOf(data, data.length - 100), MAX_PIXELS))
        .isInstanceOf(InvalidImageException.class);
    assertThatThrownBy(
            () -> DECODER.decode(new byte[] {0, 0, 0, 12, 'f', 't', 'y', 'p'}, MAX_PIXELS))
        .isInstanceOf(InvalidImageException.class);
  }

  @Test
  void tooManyPixels_isTooLarge() {
    assertThatThrownBy(() -> DECODER.decode(bytes("displayp3-nclx.avif"), 4000))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("45x100");
  }

  @Test
  void pending_iccTakesPrecedence_elseCicp_elseNothing() {
    assertThat(AvifDecoder.pending(info(null, 1, 13))).isNull();
    assertThat(AvifDecoder.pending(info(null, 2, 2))).isNull();
    assertThat(AvifDecoder.pending(info(null, 12, 13))).isInstanceOf(CicpConversion.class);
    assertThat(AvifDecoder.pending(info(null, 9, 16))).isInstanceOf(CicpConversion.class);
    byte[] p3 = DECODER.decode(bytes("displayp3-icc.avif"), MAX_PIXELS).info().icc();
    assertThat(AvifDecoder.pending(info(p3, 1, 13))).isInstanceOf(EmbeddedProfile.class);
    byte[] srgb = DECODER.decode(bytes("srgb-icc.avif"), MAX_PIXELS).info().icc();
    assertThat(srgb).isNotNull();
    assertThat(AvifDecoder.pending(info(srgb, 12, 13))).as("an sRGB profile beats CICP").isNull();
  }

  private static AvifInfo info(byte[] icc, int primaries, int transfer) {
    return new AvifInfo(1, 1, 8, 1, false, icc, primaries, transfer, 1, true, 0, 0, -1, null, 1);
  }

  private static int[] pick(int[] pixels, int[] indices) {
    return Arrays.stream(indices).map(i -> pixels[i]).toArray();
  }

  private static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
