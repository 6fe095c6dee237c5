package io.imgedge.transform.color;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;

class SrgbImagesTest {

  @Test
  void normalize_pipelineImage_isReturnedAsIs() {
    BufferedImage argb = TestImages.solid(2, 2, 0x80102030);
    assertThat(SrgbImages.normalize(argb)).isSameAs(argb);
  }

  @Test
  void normalize_gray_keepsTheValues_whereGetRgbWouldBrightenThem() {
    BufferedImage gray = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
    for (int v = 0; v < 256; v++) {
      gray.getRaster().setSample(v, 0, 0, v);
    }
    BufferedImage out = SrgbImages.normalize(gray);

    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    for (int v = 0; v < 256; v++) {
      assertThat(out.getRGB(v, 0)).isEqualTo(0xFF000000 | v << 16 | v << 8 | v);
    }
    assertThat(gray.getRGB(64, 0) & 0xFF).as("the JDK pitfall this avoids").isGreaterThan(100);
  }

  @Test
  void normalize_16bitGray_roundsTo8Bits() {
    BufferedImage gray = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
    int[] samples = {0, 257 * 128, 32768, 65535};
    for (int x = 0; x < 4; x++) {
      gray.getRaster().setSample(x, 0, 0, samples[x]);
    }
    BufferedImage out = SrgbImages.normalize(gray);
    assertThat(
            new int[] {
              out.getRGB(0, 0) & 0xFF,
              out.getRGB(1, 0) & 0xFF,
              out.getRGB(2, 0) & 0xFF,
              out.getRGB(3, 0) & 0xFF
            })
        .containsExactly(0, 128, 128, 255);
    assertThatImage(out).isNeutralGray(0);
  }

  @Test
  void normalize_paletteWithTransparency_becomesArgb() {
    byte[] r = {0, (byte) 255};
    byte[] g = {0, 0};
    byte[] b = {0, 0};
    byte[] a = {0, (byte) 255};
    BufferedImage indexed =
        new BufferedImage(
            2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b, a));
    indexed.getRaster().setSample(1, 0, 0, 1);

    BufferedImage out = SrgbImages.normalize(indexed);

    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(out.getRGB(0, 0) >>> 24).isZero();
    assertThat(out.getRGB(1, 0)).isEqualTo(0xFFFF0000);
  }

  @Test
  void normalize_4byteAbgr_keepsEveryValue() {
    BufferedImage abgr = new BufferedImage(2, 1, BufferedImage.TYPE_4BYTE_ABGR);
    abgr.setRGB(0, 0, 0x80112233);
    abgr.setRGB(1, 0, 0x01FFFFFF);
    BufferedImage out = SrgbImages.normalize(abgr);
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(out.getRGB(0, 0)).isEqualTo(0x80112233);
    assertThat(out.getRGB(1, 0)).isEqualTo(0x01FFFFFF);
  }
}
