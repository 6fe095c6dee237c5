package io.imgedge.transform.testing;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shared test helpers themselves: other modules rely on them measuring correctly. */
class TestSupportTest {

  @Test
  void rmsePercent_isZeroForIdentical_hundredForBlackAgainstWhite() {
    BufferedImage black = TestImages.solid(4, 4, 0xFF000000);
    BufferedImage white = TestImages.solid(4, 4, 0xFFFFFFFF);
    assertThat(Pixels.rmsePercent(black, black)).isZero();
    assertThat(Pixels.rmsePercent(black, white)).isEqualTo(100.0);
    BufferedImage halfWhite = TestImages.checkerboard(4, 4, 0xFF000000, 0xFFFFFFFF);
    assertThat(Pixels.rmsePercent(black, halfWhite))
        .isCloseTo(70.71, org.assertj.core.data.Offset.offset(0.01));
    assertThatThrownBy(() -> Pixels.rmsePercent(black, TestImages.solid(4, 5, 0xFF000000)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boxMean_roundsAndChecksBounds() {
    BufferedImage image = TestImages.of(2, 1, false, 0xFF000000, 0xFF030507);
    assertThat(Pixels.boxMean(image, 0, 0, 2, 1)).isEqualTo(new Rgb(2, 3, 4));
    assertThat(Pixels.mean(image)).isEqualTo(new Rgb(2, 3, 4));
    assertThatThrownBy(() -> Pixels.boxMean(image, 1, 0, 2, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pixels.boxMean(image, 0, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rgb_comparisons() {
    assertThat(new Rgb(10, 20, 30).maxChannelDifference(new Rgb(12, 15, 30))).isEqualTo(5);
    assertThat(new Rgb(10, 20, 30).isCloseTo(new Rgb(16, 14, 36), 6)).isTrue();
    assertThat(new Rgb(10, 20, 30).isCloseTo(new Rgb(17, 20, 30), 6)).isFalse();
    assertThat(new Rgb(7, 8, 7).isNeutral(1)).isTrue();
    assertThat(new Rgb(7, 9, 7).isNeutral(1)).isFalse();
    assertThat(Rgb.of(0x80123456)).isEqualTo(new Rgb(0x12, 0x34, 0x56));
  }

  @Test
  void alphaCounts() {
    BufferedImage image = TestImages.of(3, 1, true, 0x00FFFFFF, 0x80FFFFFF, 0xFFFFFFFF);
    assertThat(Pixels.alphaCounts(image)).isEqualTo(new Pixels.AlphaCounts(1, 1, 1));
  }

  @Test
  void imageAssert_failsWithAClearMessage() {
    BufferedImage image = TestImages.solid(2, 3, 0xFF102030);
    assertThatThrownBy(() -> assertThatImage(image).hasSize(3, 2))
        .hasMessageContaining("expected a 3x2 image but it is 2x3");
    assertThatThrownBy(() -> assertThatImage(image).hasColorCloseTo(0, 0, new Rgb(0, 0, 0), 6))
        .hasMessageContaining("(16,32,48)");
    assertThatThrownBy(() -> assertThatImage(image).isNeutralGray(2))
        .hasMessageContaining("neutral gray");
    assertThatThrownBy(() -> assertThatImage(image).hasAlphaChannel())
        .hasMessageContaining("alpha channel");
    assertThatThrownBy(() -> assertThatImage(image).hasTransparentPixels())
        .hasMessageContaining("transparent");
    assertThatThrownBy(
            () -> assertThatImage(image).isCloseTo(TestImages.solid(2, 3, 0xFFFFFFFF), 10))
        .hasMessageContaining("RMSE");
    assertThatImage(image)
        .hasSize(2, 3)
        .isUniform()
        .isOpaque()
        .hasNoAlphaChannel()
        .hasSamePixelsAs(TestImages.solid(2, 3, 0xFF102030));
  }

  @Test
  void boxDownscale_averagesBlocks() {
    BufferedImage board = TestImages.checkerboard(4, 2, 0xFF000000, 0xFFFFFFFF);
    assertThat(Pixels.argb(TestImages.boxDownscale(board, 2)))
        .containsExactly(0xFF808080, 0xFF808080);
  }

  @Test
  void horizontalGradient_runsFromBlackToWhite() {
    BufferedImage ramp = TestImages.horizontalGradient(256, 1);
    assertThat(ramp.getRGB(0, 0)).isEqualTo(0xFF000000);
    assertThat(ramp.getRGB(128, 0)).isEqualTo(0xFF808080);
    assertThat(ramp.getRGB(255, 0)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void imageBytes_readsWhatEncodersWrite() {
    byte[] jpeg = TestImages.encode(TestImages.solid(8, 8, 0xFF808080), "jpg");
    assertThat(ImageBytes.isJpeg(jpeg)).isTrue();
    assertThat(ImageBytes.jpegMarkers(jpeg)).contains(ImageBytes.SOF0).endsWith(0xDA);
    byte[] png = TestImages.png(TestImages.solid(8, 8, 0xFF808080));
    assertThat(ImageBytes.pngChunkTypes(png)).startsWith("IHDR").contains("IDAT").endsWith("IEND");
    assertThat(ImageBytes.isWebp(png)).isFalse();
    assertThat(ImageBytes.webpChunkTypes(TestImages.resource("webp-lossy-alpha.webp")))
        .containsExactly("VP8X", "ALPH", "VP8 ");
  }

  @Test
  void imageBytes_splicedFilesStayDecodable() {
    byte[] jpeg = TestImages.encode(TestImages.solid(8, 4, 0xFF808080), "jpg");
    byte[] withExif = ImageBytes.withExifOrientation(jpeg, 6, ByteOrder.LITTLE_ENDIAN);
    assertThat(ImageBytes.jpegMarkers(withExif)).startsWith(ImageBytes.APP1);
    assertThatImage(withExif).hasSize(8, 4);

    byte[] png = TestImages.png(TestImages.solid(8, 4, 0xFF808080));
    byte[] withText =
        ImageBytes.withPngChunk(png, "tEXt", "k\0v".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(ImageBytes.pngChunkTypes(withText)).containsSubsequence("IHDR", "tEXt", "IDAT");
    assertThatImage(withText).hasSize(8, 4);

    assertThatImage(ImageBytes.gif(5, 5, false, new Rectangle(0, 0, 1, 1))).hasSize(1, 1);
  }

  @Test
  void tiffWithOrientation_layout() {
    byte[] be = ImageBytes.tiffWithOrientation(8, ByteOrder.BIG_ENDIAN);
    assertThat(new String(be, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("MM");
    assertThat(be[19]).isEqualTo((byte) 8);
    byte[] le = ImageBytes.tiffWithOrientation(8, ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(le, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("II");
    assertThat(le[18]).isEqualTo((byte) 8);
  }

  @Test
  void corpusEntry_parsesTheManifestProperties() {
    var entry =
        new Corpus.Entry(
            "orient-landscape-6.jpg",
            1,
            "",
            "",
            "",
            "",
            "",
            "",
            "format=JPEG; dims=1200x1800; components=3; exif_orientation=6; icc=none; alpha=no",
            "");
    assertThat(entry.property("format")).contains("JPEG");
    assertThat(entry.property("alpha")).contains("no");
    assertThat(entry.property("frames")).isEmpty();
    assertThat(entry.dimensions()).contains(new java.awt.Dimension(1200, 1800));
    assertThat(entry.exifOrientation()).isEqualTo(6);
    assertThat(new Corpus.Entry("x", 1, "", "", "", "", "", "", "format=PNG", "").exifOrientation())
        .isEqualTo(1);
  }

  @Test
  void resource_missing_failsNamingIt() {
    assertThatThrownBy(() -> TestImages.resource("no-such.png"))
        .hasMessageContaining("/images/no-such.png");
  }
}
