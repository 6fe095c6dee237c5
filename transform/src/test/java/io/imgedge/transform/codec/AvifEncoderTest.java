package io.imgedge.transform.codec;

import static io.imgedge.transform.codec.avif.AvifFixtures.MAX_PIXELS;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.imgedge.transform.codec.avif.AvifFixtures;
import io.imgedge.transform.codec.avif.AvifSettings;
import io.imgedge.transform.codec.avif.LibAvif;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class AvifEncoderTest {
  private static final LibAvif AVIF = LibAvif.load(LibAvif.DEFAULT_LIBRARY);
  private static final AvifEncoder ENCODER = new AvifEncoder(AVIF, 9, AvifSettings.YUV420, 1);
  private static final AvifDecoder DECODER = new AvifDecoder(AVIF);

  @Test
  void encode_opaque_roundTrips() {
    BufferedImage image = TestImages.horizontalGradient(80, 60);
    byte[] avif = ENCODER.encode(image, new EncodeOptions(80, false));
    AvifDecoder.Decoded decoded = DECODER.decode(avif, MAX_PIXELS);
    assertThatImage(decoded.image().image()).hasNoAlphaChannel().isCloseTo(image, 1.0);
    assertThat(decoded.image().pending()).isNull();
  }

  @Test
  void encode_transparent_keepsAlpha() {
    BufferedImage image = TestImages.checkerboard(64, 64, 0x00FF0000, 0xFF0000FF);
    byte[] avif = ENCODER.encode(image, new EncodeOptions(60, false));
    BufferedImage decoded = DECODER.decode(avif, MAX_PIXELS).image().image();
    assertThatImage(decoded).hasAlphaChannel().hasTransparentPixels();
    // The alpha plane is near-lossless (AvifSettings.ALPHA_QUANTIZER): a level or two at hard
    // edges.
    assertThat(decoded.getRGB(0, 0) >>> 24).isCloseTo(image.getRGB(0, 0) >>> 24, within(4));
    assertThat(AvifFixtures.meanAlphaDiff(Pixels.argb(decoded), Pixels.argb(image))).isLessThan(1);
  }

  @Test
  void encode_otherImageTypes_areNormalisedFirst() {
    BufferedImage bgr = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
    bgr.createGraphics().drawImage(TestImages.horizontalGradient(40, 30), 0, 0, null);
    byte[] avif = ENCODER.encode(bgr, new EncodeOptions(80, false));
    assertThatImage(DECODER.decode(avif, MAX_PIXELS).image().image())
        .hasSize(40, 30)
        .isCloseTo(bgr, 1.5);
  }

  @Test
  void quality_trades_bytes() {
    BufferedImage image = TestImages.horizontalGradient(120, 90);
    assertThat(ENCODER.encode(image, new EncodeOptions(30, false)).length)
        .isLessThan(ENCODER.encode(image, new EncodeOptions(90, false)).length);
  }

  @Test
  void settings_areCheckedWhenTheEncoderIsMade() {
    assertThatThrownBy(() -> new AvifEncoder(AVIF, 11, 420, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ENCODER.providerName()).startsWith("libavif 0.11").endsWith("(FFM)");
  }
}
