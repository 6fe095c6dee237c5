package io.imgedge.transform.issues;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.RenderResult;
import io.imgedge.transform.testing.RawPng;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: "PNG: tRNS on a low-bit-depth greyscale image (e.g. 4-bit grey) is ignored, so
 * transparent pixels come out opaque; a palette image whose indices exceed the palette is answered
 * 200." End to end through the {@link io.imgedge.transform.Transformer}, on PNGs written sample by
 * sample ({@link RawPng}).
 */
class Issue14PngTest {
  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();

  @Test
  void fourBitGreyWithTrns_keepsItsTransparentPixels() {
    // 4x2: the key, 5, is the second pixel of each row.
    byte[] source = RawPng.gray(4, 4, 2, 0, 5, 10, 15, 15, 5, 6, 4).trns(5).bytes();

    // With no parameter the (smaller) source itself may be served, which browsers show rightly;
    // asking for PNG makes imgedge decode and encode it.
    RenderResult r = transformer.render(source, "format=png");

    assertThat(r.format()).isEqualTo(ImageFormat.PNG);
    assertThat(r.bytes()).isNotEqualTo(source);
    BufferedImage out = TestImages.decode(r.bytes());
    assertThatImage(out).hasSize(4, 2).hasAlphaChannel();
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 4; x++) {
        assertThat(out.getRGB(x, y) >>> 24).as("alpha at %d,%d", x, y).isEqualTo(x == 1 ? 0 : 255);
      }
    }
    assertThat(out.getRGB(2, 0)).isEqualTo(0xFFAAAAAA);
    assertThat(out.getRGB(3, 1)).isEqualTo(0xFF444444);
  }

  @Test
  void oneAndTwoBitGreyWithTrns_keepTheirTransparentPixels() {
    BufferedImage one =
        transformer.renderImage(RawPng.gray(1, 2, 1, 0, 1).trns(1).bytes(), "format=png");
    assertThat(one.getRGB(0, 0)).isEqualTo(0xFF000000);
    assertThat(one.getRGB(1, 0) >>> 24).isZero();
    BufferedImage two =
        transformer.renderImage(RawPng.gray(2, 4, 1, 0, 1, 2, 3).trns(2).bytes(), "format=png");
    assertThat(two.getRGB(2, 0) >>> 24).isZero();
    assertThat(two.getRGB(1, 0)).isEqualTo(0xFF555555);
  }

  @Test
  void paletteIndicesBeyondThePalette_areServedAsBrowsersShowThem_opaqueBlack() {
    // 8-bit palette of two entries, red and green; indices 2 and 200 do not exist.
    byte[] source = RawPng.palette(8, new int[] {0xFF0000, 0x00FF00}, 4, 1, 0, 1, 2, 200).bytes();

    RenderResult r = transformer.render(source, "format=png");

    BufferedImage out = TestImages.decode(r.bytes());
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFFFF0000);
    assertThat(out.getRGB(1, 0)).isEqualTo(0xFF00FF00);
    assertThat(out.getRGB(2, 0)).as("was green, the last entry repeated").isEqualTo(0xFF000000);
    assertThat(out.getRGB(3, 0)).isEqualTo(0xFF000000);
  }

  @Test
  void sixteenBitRgbWithTrns_onlyTheKeyIsTransparent() {
    byte[] source =
        RawPng.rgb(16, 2, 1, 0x1234, 0x5678, 0x9ABC, 0x1234, 0x5678, 0x9ABD)
            .trns(0x1234, 0x5678, 0x9ABC)
            .bytes();
    BufferedImage out = transformer.renderImage(source, "format=png");
    assertThat(out.getRGB(0, 0) >>> 24).isZero();
    assertThat(out.getRGB(1, 0) >>> 24).isEqualTo(255);
  }
}
