package io.imgedge.transform.probe;

import static io.imgedge.transform.probe.AvifScannerTest.fixture;
import static io.imgedge.transform.probe.Boxes.ascii;
import static io.imgedge.transform.probe.Boxes.box;
import static io.imgedge.transform.probe.Boxes.cat;
import static io.imgedge.transform.probe.Boxes.u32;
import static io.imgedge.transform.probe.Boxes.u8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.probe.Boxes.JxlBits;
import io.imgedge.transform.spec.Orientation;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JPEG XL scanner on files made with cjxl 0.7 (see {@code probe/NOTICE.md}; the expected values
 * are what {@code jxlinfo} prints for them), on codestream headers written bit by bit, and on
 * hand-built containers, hostile ones included.
 */
class JxlScannerTest {
  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
      jxl-bare-16bit-32x32.jxl,             32,  32, 1, 16, false, 1
      jxl-container-16bit-32x32.jxl,        32,  32, 1, 16, false, 1
      jxl-lossless-icc-45x100.jxl,          45, 100, 1, 8,  false, 1
      jxl-alpha-32x32.jxl,                  32,  32, 1, 8,  true,  1
      jxl-animated-80x80.jxl,               80,  80, 2, 8,  true,  1
      jxl-jpeg-reconstruction-45x100.jxl,   45, 100, 1, 8,  false, 1
      jxl-ratio-128x64.jxl,                128,  64, 1, 8,  false, 1
      jxl-orient6-128x64.jxl,              128,  64, 1, 8,  false, 6
      """)
  void scan_fixtures_asJxlinfoReportsThem(
      String file, int width, int height, int frames, int depth, boolean alpha, int orientation) {
    byte[] data = fixture(file);
    ImageHeader h = probe.probe(data, ImageFormat.JXL);
    assertThat(h.format()).isEqualTo(ImageFormat.JXL);
    assertThat(h.width()).isEqualTo(width);
    assertThat(h.height()).isEqualTo(height);
    assertThat(h.frames()).as("an animation counts as 2 frames").isEqualTo(frames);
    assertThat(h.bitDepth()).isEqualTo(depth);
    assertThat(h.hasAlpha()).isEqualTo(alpha);
    assertThat(h.exifOrientation()).isEqualTo(Orientation.fromExif(orientation));
    assertThat(h.iccProfile()).as("entropy-coded: left to libjxl").isNull();
    assertThat(h.cicp()).isNull();
    assertThat(h.bytes()).isEqualTo(data.length);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "jxl-bare-16bit-32x32.jxl",
        "jxl-container-16bit-32x32.jxl",
        "jxl-lossless-icc-45x100.jxl",
        "jxl-alpha-32x32.jxl",
        "jxl-animated-80x80.jxl",
        "jxl-jpeg-reconstruction-45x100.jxl",
        "jxl-ratio-128x64.jxl",
        "jxl-orient6-128x64.jxl"
      })
  void scan_agreesWithJxlinfo_whereInstalled(String file) throws Exception {
    String info = ReferenceTools.run("jxlinfo", "-v", fixture(file));
    ImageHeader h = probe.probe(fixture(file), null);
    assertThat(info).contains(", " + h.width() + "x" + h.height() + ", ");
    assertThat(info).contains(h.bitDepth() + "-bit");
    assertThat(info).contains("Orientation: " + h.exifOrientation().exifValue() + " ");
    assertThat(info.contains("type: Alpha")).isEqualTo(h.hasAlpha());
    assertThat(info.contains("have_animation: 1")).isEqualTo(h.frames() > 1);
  }

  @Nested
  class Codestream {
    @Test
    void smallSizeHeader_defaultMetadata() {
      ImageHeader h = probe.probe(small(8, 16, b -> b.bool(true)), null);
      assertThat(h.width()).isEqualTo(16);
      assertThat(h.height()).isEqualTo(8);
      assertThat(h.bitDepth()).isEqualTo(8);
      assertThat(h.hasAlpha()).isFalse();
      assertThat(h.frames()).isEqualTo(1);
    }

    @ParameterizedTest(name = "ratio {0}: {1}x{2}")
    @CsvSource({
      "1, 300, 300",
      "2, 360, 300",
      "3, 400, 300",
      "4, 450, 300",
      "5, 533, 300",
      "6, 375, 300",
      "7, 600, 300"
    })
    void widthFromTheAspectRatio(int ratio, int width, int height) {
      JxlBits b = new JxlBits().bool(false).u32(1, height - 1, 13).write(ratio, 3).bool(true);
      ImageHeader h = probe.probe(b.codestream(), null);
      assertThat(h.width()).isEqualTo(width);
      assertThat(h.height()).isEqualTo(height);
    }

    @Test
    void sizeBeyondTheLimits_isRefused() {
      JxlBits b = new JxlBits().bool(false).u32(0, 0, 9).write(0, 3).u32(2, 99_999, 18).bool(true);
      assertThat(rejected(b.codestream(), ImageTooLargeException.class).getMessage())
          .contains("100000x1");
      JxlBits huge = new JxlBits().bool(false).u32(3, (1L << 30) - 1, 30).write(7, 3);
      assertThat(rejected(huge.codestream(), ImageTooLargeException.class).getMessage())
          .as("ratio 2:1 of 2^30")
          .contains("2147483648x1073741824");
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void orientation_asExifNumbersIt(int orientation) {
      byte[] data = small(8, 16, b -> metadata(b, orientation, false, 0));
      assertThat(probe.probe(data, null).exifOrientation())
          .isEqualTo(Orientation.fromExif(orientation));
    }

    @Test
    void alphaAmongExtraChannels_isFound() {
      assertThat(
              probe.probe(small(8, 8, b -> metadata(b, 1, false, 1).bool(true)), null).hasAlpha())
          .isTrue();
      byte[] depthOnly = small(8, 8, b -> depthChannel(metadata(b, 1, false, 1)));
      assertThat(probe.probe(depthOnly, null).hasAlpha()).isFalse();
      byte[] depthSpotAlpha =
          small(8, 8, b -> spotChannel(depthChannel(metadata(b, 1, false, 3))).bool(true));
      assertThat(probe.probe(depthSpotAlpha, null).hasAlpha()).isTrue();
    }

    @Test
    void moreExtraChannelsThanLevel5Allows_areRefused() {
      byte[] five = small(8, 8, b -> metadata(b, 1, false, 5));
      assertThat(rejected(five, UnsupportedImageException.class).getMessage())
          .contains("5 extra channels");
    }

    @Test
    void unknownExtraChannelType_isRefused() {
      byte[] data = small(8, 8, b -> metadata(b, 1, false, 1).bool(false).u32(2, 13, 4)); // type 15
      assertThat(rejected(data, InvalidImageException.class).getMessage())
          .contains("unknown type 15");
    }

    @Test
    void animation_isReportedAsTwoFrames_andPreviewAndIntrinsicSizeArePassedOver() {
      byte[] data =
          small(
              8,
              8,
              b -> {
                b.bool(false).bool(true).write(5, 3); // orientation 6
                b.bool(true)
                    .bool(true)
                    .write(1, 5)
                    .write(1, 3); // intrinsic size: small, 16 high, ratio 1:1
                b.bool(true).bool(false).u32(0, 9, 6).write(1, 3); // preview: 10 high, square
                b.bool(true).u32(0, 0, 0).u32(0, 0, 0).u32(0, 0, 0).bool(false); // animation
                b.bool(false)
                    .u32(0, 0, 0)
                    .bool(true)
                    .u32(1, 0, 0)
                    .bool(true); // 8-bit, one default (alpha) channel
              });
      ImageHeader h = probe.probe(data, null);
      assertThat(h.frames()).isEqualTo(2);
      assertThat(h.exifOrientation()).isEqualTo(Orientation.ROTATE_90);
      assertThat(h.hasAlpha()).isTrue();
      assertThat(h.width()).isEqualTo(8);
    }

    @Test
    void floatSamples_andImpossibleOnes() {
      byte[] f32 =
          small(
              8,
              8,
              b ->
                  b.bool(false)
                      .bool(false)
                      .bool(true)
                      .u32(0, 0, 0)
                      .write(7, 4)
                      .bool(true)
                      .u32(0, 0, 0));
      assertThat(probe.probe(f32, null).bitDepth()).isEqualTo(32);
      byte[] bad = small(8, 8, b -> b.bool(false).bool(false).bool(true).u32(3, 63, 6).write(7, 4));
      assertThat(rejected(bad, InvalidImageException.class).getMessage())
          .contains("floating-point");
    }

    @Test
    void everyCutOfAHeader_isRefused() {
      byte[] whole =
          new JxlBits()
              .bool(false)
              .u32(1, 299, 13)
              .write(0, 3)
              .u32(1, 399, 13)
              .bool(false)
              .bool(true)
              .write(5, 3)
              .bool(false)
              .bool(false)
              .bool(false)
              .bool(false)
              .u32(0, 0, 0)
              .bool(true)
              .u32(1, 0, 0)
              .bool(true)
              .exact();
      assertThat(probe.probe(whole, null).width()).isEqualTo(400);
      for (int length = 2; length < whole.length; length++) {
        byte[] cut = Arrays.copyOf(whole, length);
        assertThat(rejected(cut, InvalidImageException.class).getMessage()).contains("truncated");
      }
    }
  }

  @Nested
  class Container {
    private final byte[] codestream = small(8, 16, b -> metadata(b, 6, false, 0));

    @Test
    void wholeCodestreamBox() {
      ImageHeader h = probe.probe(container(box("jxlc", codestream)), null);
      assertThat(h.width()).isEqualTo(16);
      assertThat(h.exifOrientation()).isEqualTo(Orientation.ROTATE_90);
    }

    @Test
    void partsSplitInsideTheHeader_areJoined() {
      byte[] parts =
          container(
              part(0, false, 0, 3),
              box("Exif", u32(0), ascii("MM")),
              part(1, false, 3, 5),
              box("brob", ascii("xml "), new byte[3]),
              part(2, true, 5, codestream.length));
      ImageHeader h = probe.probe(parts, null);
      assertThat(h.width()).isEqualTo(16);
      assertThat(h.exifOrientation()).isEqualTo(Orientation.ROTATE_90);
    }

    @Test
    void partsOutOfOrder_missingTheLast_orBesideAWholeCodestream_areRefused() {
      assertThat(
              rejected(
                      container(part(0, false, 0, 5), part(2, true, 5, codestream.length)),
                      InvalidImageException.class)
                  .getMessage())
          .contains("out of order");
      assertThat(
              rejected(
                      container(part(0, false, 0, 5), part(1, false, 5, codestream.length)),
                      InvalidImageException.class)
                  .getMessage())
          .contains("truncated");
      assertThat(
              rejected(
                      container(box("jxlc", codestream), part(0, true, 0, 5)),
                      InvalidImageException.class)
                  .getMessage())
          .contains("after its codestream ended");
      assertThat(
              rejected(
                      container(part(0, true, 0, codestream.length), part(1, true, 0, 5)),
                      InvalidImageException.class)
                  .getMessage())
          .contains("after its codestream ended");
    }

    @Test
    void forbiddenOrMisplacedBoxes_areRefused() {
      assertThat(
              rejected(
                      container(box("brob", ascii("jxlc"), new byte[4]), box("jxlc", codestream)),
                      InvalidImageException.class)
                  .getMessage())
          .contains("Brotli-compressed 'jxlc'");
      assertThat(
              rejected(
                      container(box("jxll", u8(7)), box("jxlc", codestream)),
                      InvalidImageException.class)
                  .getMessage())
          .contains("level 7");
      assertThat(rejected(container(box("Exif", u32(0))), InvalidImageException.class).getMessage())
          .contains("no codestream");
      assertThat(
              rejected(
                      container(box("jxlc", codestream), box("ftyp", ascii("jxl "), u32(0))),
                      InvalidImageException.class)
                  .getMessage())
          .contains("second 'ftyp'");
      byte[] noFtyp = cat(box("JXL ", u8(0x0D, 0x0A, 0x87, 0x0A)), box("jxlc", codestream));
      assertThat(rejected(noFtyp, InvalidImageException.class).getMessage()).contains("'ftyp'");
    }

    @Test
    void cutCodestream_isTruncated_butTooLargeComesFirst() {
      byte[] whole = container(box("jxlc", codestream));
      assertThat(
              rejected(Arrays.copyOf(whole, whole.length - 10), InvalidImageException.class)
                  .getMessage())
          .contains("truncated");
      byte[] large =
          new JxlBits().bool(false).u32(2, 99_999, 18).write(1, 3).bool(true).codestream();
      byte[] cut = Arrays.copyOf(container(box("jxlc", large)), 60);
      assertThat(rejected(cut, ImageTooLargeException.class).getMessage())
          .contains("100000x100000");
    }

    private byte[] part(int index, boolean last, int from, int to) {
      return box(
          "jxlp", u32(index | (last ? 0x8000_0000L : 0)), Arrays.copyOfRange(codestream, from, to));
    }
  }

  @Nested
  class Truncation {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "jxl-container-16bit-32x32.jxl",
          "jxl-jpeg-reconstruction-45x100.jxl",
          "jxl-orient6-128x64.jxl"
        })
    void everyCutOfAContainer_isRefused(String file) {
      byte[] data = fixture(file);
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            for (int length = 1; length < data.length; length++) {
              byte[] cut = Arrays.copyOf(data, length);
              Throwable e = catchThrowable(() -> probe.probe(cut, null));
              assertThat(e)
                  .as("cut at %d of %d", length, data.length)
                  .isInstanceOf(TransformException.class);
            }
          });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"jxl-bare-16bit-32x32.jxl", "jxl-animated-80x80.jxl", "jxl-alpha-32x32.jxl"})
    void everyCutOfABareCodestream_isRefusedInItsHeader_andPassedOnAfterIt(String file) {
      byte[] data = fixture(file);
      ImageHeader whole = probe.probe(data, null);
      for (int length = 1; length < data.length; length++) {
        byte[] cut = Arrays.copyOf(data, length);
        try {
          ImageHeader h = probe.probe(cut, null);
          assertThat(h.width())
              .as("a cut after the header: only the decoder can tell")
              .isEqualTo(whole.width());
          assertThat(h.hasAlpha()).isEqualTo(whole.hasAlpha());
        } catch (TransformException e) {
          assertThat(e.status()).isBetween(400, 499);
        }
      }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jxl-jpeg-reconstruction-45x100.jxl", "jxl-bare-16bit-32x32.jxl"})
    void everyFlippedByte_isAHeaderOrA4xx(String file) {
      byte[] data = fixture(file);
      for (int i = 0; i < data.length; i++) {
        for (int flip : new int[] {0x01, 0x80, 0xFF}) {
          byte[] bad = data.clone();
          bad[i] ^= (byte) flip;
          try {
            assertThat(probe.probe(bad, null).width()).isBetween(1, 12_000);
          } catch (TransformException e) {
            assertThat(e.status()).isBetween(400, 499);
          }
        }
      }
    }
  }

  /**
   * A codestream with a small SizeHeader ({@code height} and {@code width} multiples of 8, up to
   * 256).
   */
  static byte[] small(int height, int width, Consumer<JxlBits> metadata) {
    JxlBits b =
        new JxlBits().bool(true).write(height / 8 - 1, 5).write(0, 3).write(width / 8 - 1, 5);
    metadata.accept(b);
    return b.codestream();
  }

  /**
   * ImageMetadata up to the extra channels: not all default, extra fields, 8-bit integer samples.
   */
  static JxlBits metadata(JxlBits b, int orientation, boolean animation, int extraChannels) {
    b.bool(false).bool(true).write(orientation - 1, 3).bool(false).bool(false).bool(animation);
    if (animation) {
      b.u32(0, 0, 0).u32(0, 0, 0).u32(0, 0, 0).bool(false);
    }
    b.bool(false).u32(0, 0, 0).bool(true);
    return switch (extraChannels) {
      case 0 -> b.u32(0, 0, 0);
      case 1 -> b.u32(1, 0, 0);
      default -> b.u32(2, extraChannels - 2, 4);
    };
  }

  /** A depth channel named "depth". */
  static JxlBits depthChannel(JxlBits b) {
    b.bool(false).u32(1, 0, 0); // type 1: depth
    b.bool(false).u32(0, 0, 0); // 8-bit
    b.u32(0, 0, 0); // dim_shift 0
    b.u32(1, 5, 4); // name of 5 bytes
    for (byte c : ascii("depth")) {
      b.write(c, 8);
    }
    return b;
  }

  /** An unnamed spot colour channel. */
  static JxlBits spotChannel(JxlBits b) {
    b.bool(false).u32(2, 0, 4); // type 2: spot colour
    b.bool(false).u32(0, 0, 0).u32(0, 0, 0).u32(0, 0, 0); // 8-bit, no shift, no name
    return b.write(0x3C00, 16).write(0, 16).write(0, 16).write(0x3C00, 16);
  }

  static byte[] container(byte[]... boxes) {
    return cat(
        box("JXL ", u8(0x0D, 0x0A, 0x87, 0x0A)),
        box("ftyp", ascii("jxl "), u32(0), ascii("jxl ")),
        cat(boxes));
  }

  private <T extends TransformException> T rejected(byte[] data, Class<T> type) {
    Throwable e = catchThrowable(() -> probe.probe(data, null));
    assertThat(e).as("expected %s", type.getSimpleName()).isInstanceOf(type);
    assertThat(((TransformException) e).status()).isBetween(400, 499);
    return type.cast(e);
  }
}
