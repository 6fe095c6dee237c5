package io.imgedge.transform.codec;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.color.YccToSrgb;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.testing.ImageBytes;
import io.imgedge.transform.testing.TestImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private static final ImageDecoder DECODER = new ImageDecoder();
  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);

  private DecodedImage decode(byte[] data) {
    ImageHeader header = probe.probe(data, null);
    return DECODER.decode(data, header);
  }

  @Test
  void decode_avifAndJxl_stillsAndTheFirstFrameOfAnimations() throws Exception {
    for (String file :
        new String[] {
          "avif-plain-32x32.avif",
          "avif-sequence-3-frames-80x80.avif",
          "jxl-bare-16bit-32x32.jxl",
          "jxl-animated-80x80.jxl"
        }) {
      byte[] data;
      try (var in = ImageDecoderTest.class.getResourceAsStream("/probe/" + file)) {
        data = in.readAllBytes();
      }
      ImageHeader header = probe.probe(data, null);
      DecodedImage decoded = DECODER.decode(data, header);
      assertThat(decoded.image().getWidth()).as(file).isEqualTo(header.width());
      assertThat(decoded.image().getHeight()).as(file).isEqualTo(header.height());
      var frames =
          catchThrowableOfType(UnsupportedImageException.class, () -> DECODER.frames(data, header));
      assertThat(frames.status()).as(file).isEqualTo(415);
    }
  }

  @Test
  void decode_givesPipelineTypes() {
    assertThat(decode(TestImages.resource("icc-adobergb-small.jpg")).image().getType())
        .isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(decode(TestImages.resource("png-palette-trns.png")).image().getType())
        .isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(decode(TestImages.resource("webp-lossy-alpha.webp")).image().getType())
        .isEqualTo(BufferedImage.TYPE_INT_ARGB);
  }

  @Test
  void decode_pngProfile_isLeftPendingForAfterTheResize() {
    assertThat(decode(TestImages.resource("icc-png-prophoto-1x1.png")).pending()).isNotNull();
  }

  @Test
  void decode_jpegProfile_turboLeavesItPending_imageIoAppliesIt() {
    byte[] jpeg = TestImages.resource("icc-adobergb-small.jpg");
    ImageHeader header = probe.probe(jpeg, null);
    DecodedImage turbo = new ImageDecoder(NativeCodecsTest.turbo()).decode(jpeg, header);
    DecodedImage pureJava = new ImageDecoder(NativeCodecs.none()).decode(jpeg, header);
    assertThat(turbo.pending()).as("applied after the resize").isNotNull();
    assertThat(pureJava.pending()).as("TwelveMonkeys applies its own").isNull();
    BufferedImage converted = turbo.pending().toSrgb(turbo.image());
    assertThatImage(converted).isCloseTo(pureJava.image(), 1.5);
  }

  @Test
  void decode_scaled_turboShrinksInTheDctDomain_imageIoDoesNot() {
    byte[] jpeg = TestImages.encode(TestImages.horizontalGradient(200, 120), "jpg");
    ImageHeader header = probe.probe(jpeg, null);
    BufferedImage quarter =
        new ImageDecoder(NativeCodecsTest.turbo()).decode(jpeg, header, 4.5).image();
    DecodedImage pureJava = new ImageDecoder(NativeCodecs.none()).decode(jpeg, header, 4.5);
    assertThat(pureJava.pending())
        .as("YCbCr, converted after the resize")
        .isInstanceOf(YccToSrgb.class);
    BufferedImage full = pureJava.pending().toSrgb(pureJava.image());
    assertThatImage(quarter).hasSize(50, 30).isCloseTo(TestImages.boxDownscale(full, 4), 1.0);
    assertThatImage(full).hasSize(200, 120);
  }

  @Test
  void decode_scaledOddSize_roundsUpLikeLibjpeg() {
    byte[] jpeg = TestImages.encode(TestImages.horizontalGradient(101, 33), "jpg");
    BufferedImage half =
        new ImageDecoder(NativeCodecsTest.turbo())
            .decode(jpeg, probe.probe(jpeg, null), 2.0)
            .image();
    assertThatImage(half).hasSize(51, 17);
  }

  @Test
  void decode_truncatedJpeg_isInvalidOnBothPaths() {
    byte[] jpeg = TestImages.encode(TestImages.horizontalGradient(64, 64), "jpg");
    byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
    ImageHeader header = probe.probe(jpeg, null); // the probe would refuse the cut file itself
    for (NativeCodecs natives :
        new NativeCodecs[] {NativeCodecsTest.turbo(), NativeCodecs.none()}) {
      var e =
          catchThrowableOfType(
              InvalidImageException.class,
              () -> new ImageDecoder(natives).decode(cut, header, 2.0));
      assertThat(e.status()).as(natives.toString()).isEqualTo(422);
    }
  }

  @Test
  void decode_firstGifFrame_isPlacedAtItsOffsetOnTheCanvas() {
    byte[] gif = ImageBytes.gif(4, 3, true, new Rectangle(2, 1, 1, 1));

    BufferedImage image = decode(gif).image();

    assertThatImage(image).hasSize(4, 3).hasAlphaChannel();
    assertThat(image.getRGB(2, 1)).isEqualTo(0xFF000000);
    assertThat(image.getRGB(0, 0) >>> 24).as("outside the frame").isZero();
    assertThat(image.getRGB(3, 2) >>> 24).isZero();
  }

  @Test
  void decode_truncatedScanData_isInvalid_notPartlyGray() {
    byte[] jpeg = TestImages.encode(TestImages.horizontalGradient(64, 64), "jpg");
    byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
    var e = catchThrowableOfType(InvalidImageException.class, () -> decode(cut));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage()).contains("truncated");
  }

  @Test
  void decode_corruptPngData_isInvalid() {
    byte[] png = TestImages.png(TestImages.horizontalGradient(16, 16));
    byte[] corrupt =
        ImageBytes.withPngChunk(
            Arrays.copyOf(png, 33), "IDAT", new byte[] {0x78, (byte) 0x9C, 1, 2, 3, 4, 5});
    byte[] withEnd = Arrays.copyOf(corrupt, corrupt.length + 12);
    System.arraycopy(ImageBytes.pngChunk("IEND", new byte[0]), 0, withEnd, corrupt.length, 12);
    var e = catchThrowableOfType(InvalidImageException.class, () -> decode(withEnd));
    assertThat(e.status()).isEqualTo(422);
  }
}
