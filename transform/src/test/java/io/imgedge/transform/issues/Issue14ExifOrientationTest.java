package io.imgedge.transform.issues;

import static io.imgedge.transform.testing.ExifBlock.LONG;
import static io.imgedge.transform.testing.ExifBlock.ORIENTATION;
import static io.imgedge.transform.testing.ExifBlock.SHORT;
import static io.imgedge.transform.testing.ExifBlock.entry;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.RenderResult;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.testing.ExifBlock;
import io.imgedge.transform.testing.ImageBytes;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14: "EXIF orientation stored with another integer type ... is ignored, so the photo is
 * served unrotated." Hand-built EXIF blocks in JPEG, PNG and WebP sources, end to end through the
 * {@link io.imgedge.transform.Transformer}.
 */
class Issue14ExifOrientationTest {
  private static final int RED = 0xFFE02020;
  private static final int BLUE = 0xFF2040E0;
  private static final int TOLERANCE = 24;

  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();
  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);

  /** 40x20, left half red, right half blue: once rotated by 6, red is on top. */
  private static BufferedImage halves() {
    int[] argb = new int[40 * 20];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = i % 40 < 20 ? RED : BLUE;
    }
    return TestImages.of(40, 20, false, argb);
  }

  static List<Arguments> integerTypesAndOrders() {
    List<Arguments> all = new ArrayList<>();
    for (int type :
        new int[] {
          ExifBlock.BYTE, SHORT, LONG, ExifBlock.SBYTE, ExifBlock.SSHORT, ExifBlock.SLONG
        }) {
      for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
        all.add(Arguments.of(type, order));
      }
    }
    return all;
  }

  @ParameterizedTest(name = "type {0}, {1}")
  @MethodSource("integerTypesAndOrders")
  void jpegWithOrientation6OfAnyIntegerType_isServedUpright(int type, ByteOrder order) {
    byte[] source =
        ExifBlock.of(order)
            .ifd0(entry(ORIENTATION, type, 6))
            .inJpeg(TestImages.encode(halves(), "jpg"));

    RenderResult r = transformer.render(source, "format=png");

    assertThat(r.width()).isEqualTo(20);
    assertThat(r.height()).isEqualTo(40);
    assertThatImage(TestImages.decode(r.bytes()))
        .hasColorCloseTo(10, 5, Rgb.of(RED), TOLERANCE)
        .hasColorCloseTo(10, 34, Rgb.of(BLUE), TOLERANCE);
  }

  @Test
  void panasonicStyleLongOrientation_isAppliedLikeAShortOne() {
    byte[] jpeg = TestImages.encode(halves(), "jpg");
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      byte[] asLong = ExifBlock.of(order).ifd0(entry(ORIENTATION, LONG, 8)).inJpeg(jpeg);
      byte[] asShort = ExifBlock.of(order).ifd0(entry(ORIENTATION, SHORT, 8)).inJpeg(jpeg);
      assertThat(probe.probe(asLong, null).exifOrientation()).isEqualTo(Orientation.ROTATE_270);
      assertThatImage(transformer.renderImage(asLong, "format=png"))
          .hasSamePixelsAs(transformer.renderImage(asShort, "format=png"));
    }
  }

  @ParameterizedTest(name = "EXIF {0}")
  @org.junit.jupiter.params.provider.EnumSource(Orientation.class)
  void pngExifChunkWithLongOrientation_isAppliedPixelExactly(Orientation exif) {
    BufferedImage stored =
        TestImages.of(
            3, 2, true, 0x0AC81E64, 0x80FF0000, 0x01020304, 0xFF00FF00, 0x7F123456, 0xFF000001);
    byte[] source =
        ExifBlock.of(ByteOrder.LITTLE_ENDIAN)
            .ifd0(entry(ORIENTATION, LONG, exif.exifValue()))
            .inPng(TestImages.png(stored));

    assertThatImage(transformer.renderImage(source, "format=png"))
        .hasSamePixelsAs(TestImages.upright(stored, exif.exifValue()));
  }

  @Test
  void webpExifChunkWithSignedLongOrientation_isApplied() {
    byte[] webp =
        withExifChunk(
            TestImages.encode(halves(), "webp"),
            40,
            20,
            ExifBlock.of(ByteOrder.BIG_ENDIAN).ifd0(entry(ORIENTATION, ExifBlock.SLONG, 6)).app1());

    RenderResult r = transformer.render(webp, "format=png");

    assertThat(r.width()).isEqualTo(20);
    assertThat(r.height()).isEqualTo(40);
    assertThatImage(TestImages.decode(r.bytes())).hasColorCloseTo(10, 5, Rgb.of(RED), TOLERANCE);
  }

  @Test
  void orientationOnlyInTheExifSubIfd_isApplied_onlyInIfd1_isNot() {
    byte[] jpeg = TestImages.encode(halves(), "jpg");
    byte[] subIfd =
        ExifBlock.of(ByteOrder.BIG_ENDIAN).exifIfd(entry(ORIENTATION, SHORT, 6)).inJpeg(jpeg);
    byte[] thumbnailOnly =
        ExifBlock.of(ByteOrder.BIG_ENDIAN).ifd1(entry(ORIENTATION, SHORT, 6)).inJpeg(jpeg);

    assertThat(transformer.render(subIfd, "format=png").width())
        .as("Chromium's reading")
        .isEqualTo(20);
    assertThat(transformer.render(thumbnailOnly, "format=png").width())
        .as("IFD1 describes the thumbnail")
        .isEqualTo(40);
  }

  @ParameterizedTest(name = "EXIF {0}")
  @org.junit.jupiter.params.provider.EnumSource(Orientation.class)
  void tiffOrientationTag_isApplied(Orientation exif) {
    BufferedImage stored =
        TestImages.of(
            3, 2, false, 0xFFC81E64, 0xFFFF0000, 0xFF020304, 0xFF00FF00, 0xFF123456, 0xFF000001);
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      byte[] tiff =
          rgbTiff(
              stored,
              order,
              entry(ORIENTATION, exif == Orientation.ROTATE_90 ? LONG : SHORT, exif.exifValue()));

      assertThat(probe.probe(tiff, null).exifOrientation()).as("%s", order).isEqualTo(exif);
      assertThatImage(transformer.renderImage(tiff, "format=png"))
          .hasSamePixelsAs(TestImages.upright(stored, exif.exifValue()));
    }
  }

  /** An uncompressed 8-bit RGB baseline TIFF, one strip, with these extra IFD0 entries. */
  private static byte[] rgbTiff(BufferedImage image, ByteOrder order, ExifBlock.Entry... extra) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] pixels = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      int rgb = image.getRGB(i % w, i / w);
      pixels[3 * i] = (byte) (rgb >> 16);
      pixels[3 * i + 1] = (byte) (rgb >> 8);
      pixels[3 * i + 2] = (byte) rgb;
    }
    int headerLength = tiffHeader(order, w, h, pixels.length, 0, extra).length;
    byte[] header = tiffHeader(order, w, h, pixels.length, headerLength, extra);
    byte[] out = java.util.Arrays.copyOf(header, header.length + pixels.length);
    System.arraycopy(pixels, 0, out, header.length, pixels.length);
    return out;
  }

  private static byte[] tiffHeader(
      ByteOrder order, int w, int h, int bytes, int stripAt, ExifBlock.Entry... extra) {
    return ExifBlock.of(order)
        .ifd0(
            entry(256, SHORT, w),
            entry(257, SHORT, h),
            entry(258, SHORT, 8, 8, 8),
            entry(259, SHORT, 1),
            entry(262, SHORT, 2),
            entry(273, LONG, stripAt),
            entry(277, SHORT, 3),
            entry(278, SHORT, h),
            entry(279, LONG, bytes))
        .ifd0(extra)
        .tiff();
  }

  /** A lossy or lossless simple WebP turned into an extended one (VP8X) with an EXIF chunk. */
  private static byte[] withExifChunk(byte[] simple, int width, int height, byte[] exif) {
    assertThat(ImageBytes.webpChunkTypes(simple)).doesNotContain("VP8X");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put("VP8X".getBytes(StandardCharsets.US_ASCII))
        .putInt(10)
        .put((byte) 0x08)
        .put(new byte[3]);
    vp8x.putShort((short) (width - 1)).put((byte) ((width - 1) >> 16));
    vp8x.putShort((short) (height - 1)).put((byte) ((height - 1) >> 16));
    body.writeBytes(vp8x.array());
    body.write(simple, 12, simple.length - 12);
    ByteBuffer chunk =
        ByteBuffer.allocate(8 + exif.length + (exif.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(exif.length).put(exif);
    body.writeBytes(chunk.array());
    byte[] riff = body.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(8 + riff.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riff.length).put(riff);
    return out.array();
  }
}
