package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.testing.RawPng;
import java.awt.image.BufferedImage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PNG samples as libpng (Firefox, and Chromium for years) gives them, through {@link ImageDecoder}
 * (issue 14): {@code tRNS} keys at every bit depth, palettes shorter than their indices.
 */
class PngSamplesTest {
  private static final ImageDecoder DECODER = new ImageDecoder();
  private static final int OPAQUE_BLACK = 0xFF000000;
  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);

  private BufferedImage decode(byte[] png) {
    return DECODER.decode(png, probe.probe(png, null)).image();
  }

  /** Every sample value of the bit depth (16-bit: the key, its neighbours and a spread). */
  private static int[] values(int depth, int key) {
    if (depth < 16) {
      return IntStream.rangeClosed(0, (1 << depth) - 1).toArray();
    }
    return IntStream.of(0, key - 257, key - 1, key, key + 1, key + 256, 0x8000, 0xFFFF)
        .map(v -> v & 0xFFFF)
        .toArray();
  }

  @ParameterizedTest(name = "{0}-bit")
  @ValueSource(ints = {1, 2, 4, 8, 16})
  void grayKey_everyBitDepth_isTransparent_everyOtherValueOpaque(int depth) {
    int max = (1 << depth) - 1;
    for (int key : new int[] {0, max / 3, max}) {
      int[] samples = values(depth, key);
      BufferedImage image =
          decode(RawPng.gray(depth, samples.length, 1, samples).trns(key).bytes());

      for (int x = 0; x < samples.length; x++) {
        int argb = image.getRGB(x, 0);
        int gray = (int) ((samples[x] * 255L + max / 2) / max);
        assertThat(argb >>> 24)
            .as("alpha of %d, key %d", samples[x], key)
            .isEqualTo(samples[x] == key ? 0 : 255);
        assertThat(argb & 0xFF).as("grey of %d", samples[x]).isEqualTo(gray);
        assertThat(argb >> 8 & 0xFF).isEqualTo(gray);
      }
    }
  }

  @Test
  void grayKeyBeyondTheBitDepth_isMaskedToIt_asLibpngDoes() {
    BufferedImage four = decode(RawPng.gray(4, 3, 1, 4, 5, 6).trns(0x15).bytes());
    assertThat(alphas(four)).containsExactly(255, 0, 255);
    BufferedImage eight = decode(RawPng.gray(8, 3, 1, 99, 100, 101).trns(0x0164).bytes());
    assertThat(alphas(eight)).containsExactly(255, 0, 255);
  }

  @Test
  void rgbKey_8And16Bit_onlyTheExactColourIsTransparent() {
    BufferedImage eight =
        decode(
            RawPng.rgb(8, 4, 1, 10, 20, 30, 10, 20, 31, 11, 20, 30, 200, 100, 50)
                .trns(10, 20, 30)
                .bytes());
    assertThat(alphas(eight)).containsExactly(0, 255, 255, 255);
    assertThat(eight.getRGB(3, 0)).isEqualTo(0xFFC86432);

    BufferedImage sixteen =
        decode(
            RawPng.rgb(
                    16, 4, 1, 0x1234, 0x5678, 0x9ABC, 0x1234, 0x5678, 0x9ABD, 0x1235, 0x5678,
                    0x9ABC, 0, 0, 0)
                .trns(0x1234, 0x5678, 0x9ABC)
                .bytes());
    assertThat(alphas(sixteen)).containsExactly(0, 255, 255, 255);
  }

  @Test
  void rgbKeyBeyond8Bits_inAn8BitImage_isMasked_asLibpngDoes() {
    BufferedImage image =
        decode(RawPng.rgb(8, 2, 1, 10, 20, 30, 11, 20, 30).trns(0x010A, 0x0214, 0x031E).bytes());
    assertThat(alphas(image)).containsExactly(0, 255);
  }

  @Test
  void paletteAlpha_shorterThanThePalette_restIsOpaque() {
    int[] palette = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF};
    BufferedImage image =
        decode(RawPng.palette(2, palette, 4, 1, 0, 1, 2, 3).paletteAlpha(0, 128).bytes());
    assertThat(alphas(image)).containsExactly(0, 128, 255, 255);
    assertThat(image.getRGB(2, 0)).isEqualTo(0xFF0000FF);
    assertThat(image.getRGB(3, 0)).isEqualTo(0xFFFFFFFF);
  }

  @ParameterizedTest(name = "{0}-bit")
  @ValueSource(ints = {1, 2, 4, 8})
  void indicesBeyondThePalette_areOpaqueBlack_asBrowsersShowThem(int depth) {
    int max = (1 << depth) - 1;
    int[] indices = IntStream.rangeClosed(0, max).toArray();
    BufferedImage image =
        decode(RawPng.palette(depth, new int[] {0xFF0000}, indices.length, 1, indices).bytes());
    assertThat(image.getRGB(0, 0)).isEqualTo(0xFFFF0000);
    for (int x = 1; x < indices.length; x++) {
      assertThat(image.getRGB(x, 0)).as("index %d of 1", x).isEqualTo(OPAQUE_BLACK);
    }
  }

  @Test
  void indicesBeyondThePalette_areOpaqueBlack_whateverThePaletteSize() {
    for (int entries : new int[] {2, 3, 4, 5, 16, 17, 255}) {
      int[] palette = IntStream.range(0, entries).map(i -> 0x204060 + i).toArray();
      int[] indices = {0, entries - 1, entries, 255};
      BufferedImage image = decode(RawPng.palette(8, palette, 4, 1, indices).bytes());
      assertThat(image.getRGB(1, 0))
          .as("last entry of %d", entries)
          .isEqualTo(0xFF204060 + entries - 1);
      assertThat(image.getRGB(2, 0)).as("first index beyond %d", entries).isEqualTo(OPAQUE_BLACK);
      assertThat(image.getRGB(3, 0)).as("255 beyond %d", entries).isEqualTo(OPAQUE_BLACK);
    }
  }

  @Test
  void indicesBeyondThePalette_withPaletteAlpha_areOpaqueBlack() {
    BufferedImage image =
        decode(
            RawPng.palette(8, new int[] {0xFF0000, 0x00FF00}, 3, 1, 0, 1, 7)
                .paletteAlpha(0, 0)
                .bytes());
    assertThat(alphas(image)).containsExactly(0, 0, 255);
    assertThat(image.getRGB(2, 0)).isEqualTo(OPAQUE_BLACK);
  }

  @Test
  void paletteAlphaLongerThanThePalette_isIgnored_asLibpngDoes() {
    BufferedImage image =
        decode(
            RawPng.palette(2, new int[] {0xFF0000, 0x00FF00, 0x0000FF}, 3, 1, 0, 1, 2)
                .paletteAlpha(0, 0, 0, 0)
                .bytes());
    assertThat(alphas(image)).containsExactly(255, 255, 255);
  }

  @Test
  void paletteAlphaBeforeThePalette_isIgnored() {
    BufferedImage image =
        decode(
            RawPng.palette(2, new int[] {0xFF0000, 0x00FF00}, 2, 1, 0, 1)
                .paletteAlpha(0, 0)
                .trnsBeforePlte()
                .bytes());
    assertThat(alphas(image)).containsExactly(255, 255);
  }

  @Test
  void trnsInAnImageWithAlpha_isIgnored_notFatal() {
    BufferedImage rgba =
        decode(RawPng.rgba(8, 2, 1, 10, 20, 30, 255, 10, 20, 30, 128).trns(10, 20, 30).bytes());
    assertThat(alphas(rgba)).containsExactly(255, 128);
    BufferedImage grayAlpha = decode(RawPng.grayAlpha(8, 2, 1, 7, 255, 7, 0).trns(7).bytes());
    assertThat(alphas(grayAlpha)).containsExactly(255, 0);
  }

  @Test
  void paletteInAGreyImage_isIgnored_notFatal() { // the JDK skips it: a guard, not a fix
    BufferedImage image = decode(RawPng.gray(8, 2, 1, 0, 255).plte(0xFF0000, 0x00FF00).bytes());
    assertThat(image.getRGB(0, 0)).isEqualTo(OPAQUE_BLACK);
    assertThat(image.getRGB(1, 0)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void decodable_withoutStrayChunks_isTheSameArray() {
    byte[] png =
        RawPng.palette(2, new int[] {0xFF0000, 0x00FF00}, 2, 1, 0, 1).paletteAlpha(0).bytes();
    assertThat(PngSamples.decodable(png)).isSameAs(png);
  }

  @Test
  void opaquePaletteImage_staysWithoutAlpha() {
    BufferedImage image =
        decode(RawPng.palette(4, new int[] {0xFF0000, 0x00FF00}, 3, 1, 0, 1, 9).bytes());
    assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(image.getRGB(2, 0)).isEqualTo(OPAQUE_BLACK);
  }

  private static int[] alphas(BufferedImage image) {
    return IntStream.range(0, image.getWidth()).map(x -> image.getRGB(x, 0) >>> 24).toArray();
  }
}
