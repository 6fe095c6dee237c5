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
import io.imgedge.transform.testing.ImageBytes;
import io.imgedge.transform.testing.TestImages;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header probe on the bundled test images and on hand-built byte arrays for the scanners' edge
 * cases. Every rejection must be a {@link TransformException} with a 4xx status, never a runtime
 * exception from a scanner.
 */
class HeaderProbeTest {
  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
      gif-transparent.gif,           GIF,  200, 150, 1, true,  false
      webp-lossy-alpha.webp,         WEBP, 100, 100, 1, true,  false
      png-palette-trns.png,          PNG,  32,  32,  1, true,  false
      icc-png-prophoto-1x1.png,      PNG,  1,   1,   1, false, false
      icc-adobergb-small.jpg,        JPEG, 45,  100, 1, false, false
      icc-displayp3-small.jpg,       JPEG, 45,  100, 1, false, false
      jpeg-gray-no-icc.jpg,          JPEG, 128, 128, 1, false, false
      jpeg-gray-graygamma22-icc.jpg, JPEG, 400, 267, 1, false, false
      """)
  void probe_bundledImages_fields(
      String file,
      ImageFormat format,
      int width,
      int height,
      int frames,
      boolean alpha,
      boolean progressive) {
    byte[] data = TestImages.resource(file);
    ImageHeader h = probe.probe(data, format);

    assertThat(h.format()).isEqualTo(format);
    assertThat(h.width()).isEqualTo(width);
    assertThat(h.height()).isEqualTo(height);
    assertThat(h.frames()).isEqualTo(frames);
    assertThat(h.hasAlpha()).isEqualTo(alpha);
    assertThat(h.progressive()).isEqualTo(progressive);
    assertThat(h.exifOrientation()).isEqualTo(Orientation.NORMAL);
    assertThat(h.cmyk()).isNull();
    assertThat(h.firstFrame()).isEqualTo(new Rectangle(0, 0, width, height));
    assertThat(h.bytes()).isEqualTo(data.length);
  }

  @Test
  void probe_pngIccp_isExtractedForTheConversion() {
    ImageHeader h = probe.probe(TestImages.resource("icc-png-prophoto-1x1.png"), null);
    assertThat(h.iccProfile()).isNotNull();
    ICC_Profile profile = ICC_Profile.getInstance(h.iccProfile());
    assertThat(profile.getColorSpaceType()).isEqualTo(ColorSpace.TYPE_RGB);
  }

  @Test
  void probe_rgbJpegIcc_isExtractedForTheConversionAfterTheResize() {
    byte[] icc = probe.probe(TestImages.resource("icc-adobergb-small.jpg"), null).iccProfile();
    assertThat(icc).isNotNull();
    ICC_Profile profile = ICC_Profile.getInstance(icc);
    assertThat(profile.getColorSpaceType()).isEqualTo(ColorSpace.TYPE_RGB);
  }

  @Nested
  class BundledBadFiles {
    @Test
    void probe_pngWithBadIhdrCrc_is422MentioningCrc() {
      var e = rejected(TestImages.resource("bad-png-ihdr-crc.png"), InvalidImageException.class);
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.getMessage()).contains("IHDR").contains("CRC");
    }

    @Test
    void probe_pngZtxtZlibBomb_is422DecompressionBomb() {
      var e = rejected(TestImages.resource("bomb-png-ztxt-zlib.png"), ImageTooLargeException.class);
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.getMessage()).contains("decompression bomb");
    }

    @Test
    void probe_gifWithHugeFrameOnSmallCanvas_is422BeforeDecoding() {
      byte[] data = TestImages.resource("bomb-gif-frame-65535x65535.gif");
      assertThat(data).hasSize(44);
      var e = rejected(data, ImageTooLargeException.class);
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.getMessage()).contains("a frame of the GIF").contains("65535x");
    }

    @Test
    void probe_jpegLottapixel_is422FromItsFrameHeader() {
      var e =
          rejected(
              TestImages.resource("bomb-jpeg-64250x64250-lottapixel.jpg"),
              ImageTooLargeException.class);
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.getMessage()).contains("64250x64250").contains("12000x12000");
    }

    @Test
    void probe_arithmeticJpeg_is415() {
      var e = rejected(TestImages.resource("jpeg-arithmetic.jpg"), UnsupportedImageException.class);
      assertThat(e.status()).isEqualTo(415);
      assertThat(e.getMessage()).contains("arithmetic");
    }

    @Test
    void probe_zeroBytes_is422() {
      var e = rejected(new byte[0], InvalidImageException.class);
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void probe_jpegDeclaredAsPng_is415NamingBothTypes() {
      byte[] jpeg = TestImages.resource("icc-adobergb-small.jpg");
      var e =
          catchThrowableOfType(
              UnsupportedImageException.class, () -> probe.probe(jpeg, ImageFormat.PNG));
      assertThat(e.status()).isEqualTo(415);
      assertThat(e.getMessage()).contains("image/png").contains("image/jpeg");
      assertThat(probe.probe(jpeg, ImageFormat.JPEG).format()).isEqualTo(ImageFormat.JPEG);
      assertThat(probe.probe(jpeg, null).format())
          .as("nothing declared: sniffed")
          .isEqualTo(ImageFormat.JPEG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello, world", "GIF87", "RIFF\0\0\0\0WAVEfmt "})
    void probe_unknownContent_is415(String text) {
      var e = rejected(text.getBytes(StandardCharsets.ISO_8859_1), UnsupportedImageException.class);
      assertThat(e.status()).isEqualTo(415);
    }

    @Test
    void probe_pngWithCorruptSignature_is415() {
      byte[] png = TestImages.resource("png-palette-trns.png");
      png[1] ^= 0x20;
      assertThat(rejected(png, UnsupportedImageException.class).status()).isEqualTo(415);
    }
  }

  @Nested
  class Limits {
    @Test
    void probe_moreBytesThanAllowed_is422() {
      var small = new HeaderProbe(new ImageLimits(1000, 12_000, 12_000, 8192, 8192, 1000));
      var e =
          catchThrowableOfType(
              ImageTooLargeException.class,
              () -> small.probe(TestImages.resource("gif-transparent.gif"), null));
      assertThat(e.getMessage()).contains("9678 bytes").contains("1000 bytes");
    }

    @ParameterizedTest
    @CsvSource({"199, 12000", "12000, 149"})
    void probe_widerOrTallerThanAllowed_is422(int maxWidth, int maxHeight) {
      var small =
          new HeaderProbe(new ImageLimits(50_000_000, maxWidth, maxHeight, 8192, 8192, 1000));
      var e =
          catchThrowableOfType(
              ImageTooLargeException.class,
              () -> small.probe(TestImages.resource("gif-transparent.gif"), null));
      assertThat(e.getMessage()).contains("200x150");
    }

    @Test
    void probe_exactlyAtTheLimits_isAccepted() {
      var exact = new HeaderProbe(new ImageLimits(9678, 200, 150, 8192, 8192, 1));
      assertThat(exact.probe(TestImages.resource("gif-transparent.gif"), null).width())
          .isEqualTo(200);
    }
  }

  @Nested
  class Jpeg {
    private final byte[] jpeg = TestImages.encode(TestImages.solid(30, 20, 0xFF336699), "jpg");

    @ParameterizedTest(name = "EXIF {0}")
    @EnumSource(Orientation.class)
    void probe_exifOrientation_bothByteOrders(Orientation orientation) {
      for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
        byte[] data = ImageBytes.withExifOrientation(jpeg, orientation.exifValue(), order);
        ImageHeader h = probe.probe(data, ImageFormat.JPEG);
        assertThat(h.exifOrientation()).as("%s", order).isEqualTo(orientation);
        assertThat(h.width()).isEqualTo(30);
        assertThat(h.height()).isEqualTo(20);
        assertThat(h.orientedWidth()).isEqualTo(orientation.swapsAxes() ? 20 : 30);
        assertThat(h.orientedHeight()).isEqualTo(orientation.swapsAxes() ? 30 : 20);
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 255})
    void probe_invalidExifOrientation_isNormal(int value) {
      byte[] data = ImageBytes.withExifOrientation(jpeg, value, ByteOrder.BIG_ENDIAN);
      assertThat(probe.probe(data, null).exifOrientation()).isEqualTo(Orientation.NORMAL);
    }

    @Test
    void probe_malformedExif_isIgnoredNotFatal() {
      byte[] tiff = ImageBytes.tiffWithOrientation(6, ByteOrder.LITTLE_ENDIAN);
      byte[] badOffset = tiff.clone();
      badOffset[4] = (byte) 0xF0; // first IFD far beyond the block
      byte[] badCount = tiff.clone();
      badCount[8] = (byte) 0xFF; // 255 entries in a block that holds one
      badCount[9] = 0;
      byte[] cut = Arrays.copyOf(tiff, 12);
      for (byte[] broken :
          new byte[][] {badOffset, cut, "Exif\0\0MM".getBytes(StandardCharsets.ISO_8859_1)}) {
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), broken);
        byte[] data = ImageBytes.withJpegSegment(jpeg, ImageBytes.APP1, payload);
        assertThat(probe.probe(data, null).exifOrientation()).isEqualTo(Orientation.NORMAL);
      }
      byte[] data =
          ImageBytes.withJpegSegment(
              jpeg,
              ImageBytes.APP1,
              concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), badCount));
      assertThat(probe.probe(data, null).exifOrientation())
          .as("the orientation entry is still found before the bogus count runs out")
          .isEqualTo(Orientation.ROTATE_90);
    }

    @Test
    void probe_xmpBeforeExif_stillFindsTheOrientation() {
      byte[] withExif = ImageBytes.withExifOrientation(jpeg, 8, ByteOrder.BIG_ENDIAN);
      byte[] withXmpFirst =
          ImageBytes.withJpegSegment(
              withExif,
              ImageBytes.APP1,
              "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".getBytes(StandardCharsets.US_ASCII));
      assertThat(probe.probe(withXmpFirst, null).exifOrientation())
          .isEqualTo(Orientation.ROTATE_270);
    }

    @Test
    void probe_progressiveJpeg_isFlagged() {
      ImageHeader h =
          probe.probe(TestImages.progressiveJpeg(TestImages.solid(40, 30, 0xFF336699)), null);
      assertThat(h.progressive()).isTrue();
      assertThat(h.width()).isEqualTo(40);
      assertThat(probe.probe(jpeg, null).progressive()).isFalse();
    }

    @Test
    void probe_jpegCutInTheImageData_is422Truncated_baselineAndProgressive() {
      byte[] progressive = TestImages.progressiveJpeg(TestImages.horizontalGradient(64, 48));
      for (byte[] whole : new byte[][] {jpeg, progressive}) {
        assertThat(probe.probe(whole, null).width()).isPositive();
        byte[] cut = Arrays.copyOf(whole, whole.length - 20);
        assertThat(rejected(cut, InvalidImageException.class).getMessage()).contains("truncated");
      }
    }

    @Test
    void probe_bytesAfterTheEndOfImage_areAllowed() {
      byte[] padded = Arrays.copyOf(jpeg, jpeg.length + 100); // zero padding, as some cameras write
      assertThat(probe.probe(padded, null).width()).isEqualTo(30);
    }

    @Test
    void probe_anEndMarkerInsideAThumbnail_doesNotHideATruncatedImage() {
      byte[] thumbnail =
          TestImages.encode(TestImages.solid(8, 8, 0xFF00FF00), "jpg"); // ends with FF D9
      byte[] withThumbnail = ImageBytes.withJpegSegment(jpeg, ImageBytes.APP1, thumbnail);
      assertThat(probe.probe(withThumbnail, null).width()).isEqualTo(30);
      byte[] cut = Arrays.copyOf(withThumbnail, withThumbnail.length - 20);
      assertThat(rejected(cut, InvalidImageException.class).getMessage()).contains("truncated");
    }

    @Test
    void probe_12bitPrecision_is415() {
      byte[] data = jpeg.clone();
      data[sofOffset(data) + 4] = 12;
      var e = rejected(data, UnsupportedImageException.class);
      assertThat(e.getMessage()).contains("12-bit");
    }

    @Test
    void probe_hierarchicalJpeg_is415() {
      byte[] data = jpeg.clone();
      data[sofOffset(data) + 1] = (byte) 0xC5;
      assertThat(rejected(data, UnsupportedImageException.class).getMessage())
          .contains("hierarchical");
    }

    @Test
    void probe_twoComponents_is415() {
      byte[] data = jpeg.clone();
      data[sofOffset(data) + 9] = 2;
      assertThat(rejected(data, UnsupportedImageException.class).getMessage())
          .contains("2 components");
    }

    @Test
    void probe_heightInDnl_is415() {
      byte[] data = jpeg.clone();
      data[sofOffset(data) + 5] = 0;
      data[sofOffset(data) + 6] = 0;
      assertThat(rejected(data, UnsupportedImageException.class).getMessage()).contains("DNL");
    }

    @Test
    void probe_zeroWidth_is422() {
      byte[] data = jpeg.clone();
      data[sofOffset(data) + 7] = 0;
      data[sofOffset(data) + 8] = 0;
      assertThat(rejected(data, InvalidImageException.class).getMessage()).contains("no size");
    }

    @Test
    void probe_cutInsideTheHeaders_is422() {
      for (int length : new int[] {3, 4, 10, sofOffset(jpeg) + 5}) {
        assertThat(rejected(Arrays.copyOf(jpeg, length), InvalidImageException.class).status())
            .as("cut at %d", length)
            .isEqualTo(422);
      }
    }

    @Test
    void probe_noFrameHeaderBeforeTheScan_is422() {
      byte[] noSof = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2};
      assertThat(rejected(noSof, InvalidImageException.class).getMessage())
          .contains("no frame header");
    }

    @Test
    void probe_garbageBetweenSegments_is422() {
      byte[] data = jpeg.clone();
      int second = 4 + ((data[4] & 0xFF) << 8 | data[5] & 0xFF);
      data[second] = 0x12; // the 0xFF of the marker after APP0
      assertThat(rejected(data, InvalidImageException.class).getMessage())
          .contains("expected a marker");
    }

    private static int sofOffset(byte[] jpeg) {
      for (int i = 2; i + 1 < jpeg.length; i++) {
        if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == ImageBytes.SOF0) {
          return i;
        }
      }
      throw new AssertionError("no SOF0");
    }
  }

  @Nested
  class Png {
    private final byte[] png = TestImages.png(TestImages.solid(8, 4, 0xFF00FF00));

    @Test
    void probe_plainPng_fields() {
      ImageHeader h = probe.probe(png, ImageFormat.PNG);
      assertThat(h.width()).isEqualTo(8);
      assertThat(h.height()).isEqualTo(4);
      assertThat(h.hasAlpha()).isFalse();
      assertThat(h.iccProfile()).isNull();
    }

    @Test
    void probe_rgbaPng_hasAlpha() {
      byte[] rgba = TestImages.png(TestImages.solid(2, 2, 0x80FF0000));
      assertThat(probe.probe(rgba, null).hasAlpha()).isTrue();
    }

    @Test
    void probe_trnsChunk_meansAlpha() {
      byte[] data = ImageBytes.withPngChunk(png, "tRNS", new byte[] {0, 0, 0, 0, 0, 0});
      assertThat(probe.probe(data, null).hasAlpha()).isTrue();
    }

    @Test
    void probe_exifChunk_givesTheOrientation() {
      byte[] data =
          ImageBytes.withPngChunk(
              png, "eXIf", ImageBytes.tiffWithOrientation(6, ByteOrder.BIG_ENDIAN));
      ImageHeader h = probe.probe(data, null);
      assertThat(h.exifOrientation()).isEqualTo(Orientation.ROTATE_90);
      assertThat(h.orientedWidth()).isEqualTo(4);
    }

    @Test
    void probe_animationControl_givesTheFrameCount() {
      byte[] data =
          ImageBytes.withPngChunk(png, "acTL", ByteBuffer.allocate(8).putInt(12).putInt(0).array());
      assertThat(probe.probe(data, null).frames()).isEqualTo(12);
      byte[] tooMany =
          ImageBytes.withPngChunk(
              png, "acTL", ByteBuffer.allocate(8).putInt(1001).putInt(0).array());
      assertThat(rejected(tooMany, ImageTooLargeException.class).getMessage())
          .contains("1000 frames");
    }

    @Test
    void probe_chunkLengthRunningPastTheEnd_is422() {
      byte[] data =
          ImageBytes.withPngChunk(png, "tEXt", "a\0b".getBytes(StandardCharsets.ISO_8859_1));
      int lengthAt = 8 + 25; // after the signature and IHDR
      data[lengthAt] = 0x7F; // 2 GB
      assertThat(rejected(data, InvalidImageException.class).getMessage()).contains("truncated");
    }

    @Test
    void probe_truncatedBeforeIend_is422() {
      assertThat(
              rejected(Arrays.copyOf(png, png.length - 12), InvalidImageException.class).status())
          .isEqualTo(422);
      assertThat(rejected(Arrays.copyOf(png, 8), InvalidImageException.class).status())
          .isEqualTo(422);
    }

    @Test
    void probe_badCrcOnCriticalChunk_is422_onAncillaryChunk_isIgnored() {
      byte[] text =
          ImageBytes.withPngChunk(png, "tEXt", "Comment\0hi".getBytes(StandardCharsets.ISO_8859_1));
      int crcAt = 8 + 25 + 8 + 10;
      text[crcAt] ^= 1;
      assertThat(probe.probe(text, null).width()).as("like libpng").isEqualTo(8);

      byte[] idat = png.clone();
      idat[idat.length - 12 - 1] ^= 1; // last byte of the last IDAT's CRC
      assertThat(rejected(idat, InvalidImageException.class).getMessage())
          .contains("IDAT")
          .contains("CRC");
    }

    @Test
    void probe_firstChunkNotIhdr_is422() {
      byte[] data = new byte[8 + 12 + 12];
      System.arraycopy(png, 0, data, 0, 8);
      System.arraycopy(ImageBytes.pngChunk("IDAT", new byte[0]), 0, data, 8, 12);
      System.arraycopy(ImageBytes.pngChunk("IEND", new byte[0]), 0, data, 20, 12);
      assertThat(rejected(data, InvalidImageException.class).getMessage()).contains("IHDR");
    }

    @Test
    void probe_hugeDeclaredSize_is422BeforeDecoding() {
      assertThat(rejected(pngWithSize(100_000, 1), ImageTooLargeException.class).getMessage())
          .contains("100000x1");
      assertThat(rejected(pngWithSize(0x8000_0000L, 1), ImageTooLargeException.class).status())
          .isEqualTo(422);
      assertThat(rejected(pngWithSize(0, 10), InvalidImageException.class).getMessage())
          .contains("empty");
    }

    @Test
    void probe_compressedText_smallIsFine_bombIs422() {
      byte[] small = ImageBytes.withPngChunk(png, "zTXt", zText(100_000));
      assertThat(probe.probe(small, null).width()).isEqualTo(8);

      byte[] bomb = ImageBytes.withPngChunk(png, "zTXt", zText(2 << 20));
      assertThat(bomb.length).isLessThan(10_000);
      assertThat(rejected(bomb, ImageTooLargeException.class).getMessage())
          .contains("decompression bomb");
    }

    @Test
    void probe_compressedInternationalText_bombIs422() {
      byte[] deflated = deflate(new byte[2 << 20]);
      byte[] itxt = concat("Comment\0\1\0en\0\0".getBytes(StandardCharsets.ISO_8859_1), deflated);
      assertThat(
              rejected(ImageBytes.withPngChunk(png, "iTXt", itxt), ImageTooLargeException.class)
                  .status())
          .isEqualTo(422);
      byte[] uncompressed = "Comment\0\0\0en\0\0hello".getBytes(StandardCharsets.ISO_8859_1);
      assertThat(probe.probe(ImageBytes.withPngChunk(png, "iTXt", uncompressed), null).width())
          .isEqualTo(8);
    }

    @Test
    void probe_corruptCompressedText_isIgnored() {
      byte[] junk = "Comment\0\0not zlib at all".getBytes(StandardCharsets.ISO_8859_1);
      assertThat(probe.probe(ImageBytes.withPngChunk(png, "zTXt", junk), null).width())
          .isEqualTo(8);
    }

    @Test
    void probe_corruptIccp_isIgnoredNotFatal() {
      byte[] junk = "icc\0\0garbage".getBytes(StandardCharsets.ISO_8859_1);
      ImageHeader h = probe.probe(ImageBytes.withPngChunk(png, "iCCP", junk), null);
      assertThat(h.iccProfile()).isNull();
    }

    private byte[] pngWithSize(long width, long height) {
      byte[] ihdr =
          ByteBuffer.allocate(13)
              .putInt((int) width)
              .putInt((int) height)
              .put((byte) 8)
              .put((byte) 2)
              .put((byte) 0)
              .put((byte) 0)
              .put((byte) 0)
              .array();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(png, 0, 8);
      out.writeBytes(ImageBytes.pngChunk("IHDR", ihdr));
      out.writeBytes(ImageBytes.pngChunk("IDAT", deflate(new byte[16])));
      out.writeBytes(ImageBytes.pngChunk("IEND", new byte[0]));
      return out.toByteArray();
    }

    private static byte[] zText(int inflatedBytes) {
      return concat(
          "Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(new byte[inflatedBytes]));
    }
  }

  @Nested
  class Gif {
    private static final int[] ONE_PIXEL = {0, 0, 1, 1};

    @Test
    void probe_oneFrame() {
      ImageHeader h = probe.probe(gif(4, 3, false, ONE_PIXEL), ImageFormat.GIF);
      assertThat(h.width()).isEqualTo(4);
      assertThat(h.height()).isEqualTo(3);
      assertThat(h.frames()).isEqualTo(1);
      assertThat(h.hasAlpha()).isFalse();
      assertThat(h.firstFrame()).isEqualTo(new Rectangle(0, 0, 1, 1));
    }

    @Test
    void probe_framesAreCounted_andTransparencyNoted() {
      ImageHeader h =
          probe.probe(gif(4, 3, true, new int[] {2, 1, 1, 1}, ONE_PIXEL, ONE_PIXEL), null);
      assertThat(h.frames()).isEqualTo(3);
      assertThat(h.hasAlpha()).isTrue();
      assertThat(h.firstFrame()).isEqualTo(new Rectangle(2, 1, 1, 1));
    }

    @Test
    void probe_moreFramesThanAllowed_is422() {
      var twoFrames = new HeaderProbe(new ImageLimits(50_000_000, 12_000, 12_000, 8192, 8192, 2));
      var e =
          catchThrowableOfType(
              ImageTooLargeException.class,
              () -> twoFrames.probe(gif(1, 1, false, ONE_PIXEL, ONE_PIXEL, ONE_PIXEL), null));
      assertThat(e.getMessage()).contains("more than 2 frames");
    }

    @Test
    void probe_withoutFrames_is422() {
      assertThat(rejected(gif(4, 3, false), InvalidImageException.class).getMessage())
          .contains("no image data");
    }

    @Test
    void probe_frameLargerThanTheLimit_is422() {
      assertThat(
              rejected(gif(4, 3, false, new int[] {0, 0, 20_000, 1}), ImageTooLargeException.class)
                  .getMessage())
          .contains("20000x1");
    }

    @Test
    void probe_truncatedInsideAFrame_is422() {
      byte[] gif = gif(4, 3, false, ONE_PIXEL);
      assertThat(rejected(Arrays.copyOf(gif, gif.length - 3), InvalidImageException.class).status())
          .isEqualTo(422);
      assertThat(rejected(Arrays.copyOf(gif, 8), InvalidImageException.class).status())
          .isEqualTo(422);
    }

    @Test
    void probe_unknownBlock_is422() {
      byte[] gif = gif(4, 3, false, ONE_PIXEL);
      gif[gif.length - 1] = 0x42; // instead of the trailer
      assertThat(rejected(gif, InvalidImageException.class).getMessage()).contains("unknown block");
    }

    @Test
    void probe_handBuiltGif_isDecodable() {
      assertThat(TestImages.decode(gif(4, 3, false, ONE_PIXEL)).getWidth())
          .as("a sound fixture")
          .isEqualTo(1);
    }

    private static byte[] gif(int width, int height, boolean transparent, int[]... frames) {
      return ImageBytes.gif(
          width,
          height,
          transparent,
          java.util.Arrays.stream(frames)
              .map(f -> new Rectangle(f[0], f[1], f[2], f[3]))
              .toArray(Rectangle[]::new));
    }
  }

  @Nested
  class Webp {
    @Test
    void probe_losslessHeader_givesSizeAndAlpha() {
      ImageHeader h = probe.probe(vp8l(300, 200, true), ImageFormat.WEBP);
      assertThat(h.width()).isEqualTo(300);
      assertThat(h.height()).isEqualTo(200);
      assertThat(h.hasAlpha()).isTrue();
      assertThat(h.frames()).isEqualTo(1);
      assertThat(probe.probe(vp8l(1, 12_000, false), null).hasAlpha()).isFalse();
    }

    @Test
    void probe_lossyAlphaWebp_fromVp8x() {
      ImageHeader h = probe.probe(TestImages.resource("webp-lossy-alpha.webp"), null);
      assertThat(h.hasAlpha()).isTrue();
      assertThat(h.width()).isEqualTo(100);
    }

    @Test
    void probe_riffSizeBeyondTheData_is422() {
      byte[] data = vp8l(10, 10, false);
      data[4] = 100;
      assertThat(rejected(data, InvalidImageException.class).getMessage()).contains("truncated");
    }

    @Test
    void probe_tooLarge_is422() {
      assertThat(rejected(vp8l(16384, 1, false), ImageTooLargeException.class).getMessage())
          .contains("16384x1");
    }

    @Test
    void probe_corruptBitstreamHeaders_are422() {
      byte[] vp8l = vp8l(10, 10, false);
      vp8l[20] = 0x2E;
      assertThat(rejected(vp8l, InvalidImageException.class).getMessage()).contains("VP8L");

      byte[] vp8 = riff("VP8 ", new byte[] {0, 0, 0, 0x11, 0x22, 0x33, 10, 0, 10, 0});
      assertThat(rejected(vp8, InvalidImageException.class).getMessage()).contains("VP8");
    }

    @Test
    void probe_noImageChunk_is422() {
      assertThat(rejected(riff("XMP ", new byte[4]), InvalidImageException.class).getMessage())
          .contains("no image data");
    }

    private static byte[] vp8l(int width, int height, boolean alpha) {
      long bits = (width - 1) | (long) (height - 1) << 14 | (alpha ? 1L : 0L) << 28;
      byte[] header =
          ByteBuffer.allocate(5)
              .order(ByteOrder.LITTLE_ENDIAN)
              .put((byte) 0x2F)
              .putInt((int) bits)
              .array();
      return riff("VP8L", header);
    }

    private static byte[] riff(String fourCc, byte[] payload) {
      int padded = payload.length + (payload.length & 1);
      return ByteBuffer.allocate(20 + padded)
          .order(ByteOrder.LITTLE_ENDIAN)
          .put("RIFF".getBytes(StandardCharsets.US_ASCII))
          .putInt(12 + padded)
          .put("WEBP".getBytes(StandardCharsets.US_ASCII))
          .put(fourCc.getBytes(StandardCharsets.US_ASCII))
          .putInt(payload.length)
          .put(payload)
          .array();
    }
  }

  private <T extends TransformException> T rejected(byte[] data, Class<T> type) {
    T e = catchThrowableOfType(type, () -> probe.probe(data, null));
    assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
    assertThat(e.status()).isBetween(400, 499);
    return e;
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
