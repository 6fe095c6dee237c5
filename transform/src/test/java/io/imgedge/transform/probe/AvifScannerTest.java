package io.imgedge.transform.probe;

import static io.imgedge.transform.probe.Boxes.ascii;
import static io.imgedge.transform.probe.Boxes.av1SequenceHeader;
import static io.imgedge.transform.probe.Boxes.box;
import static io.imgedge.transform.probe.Boxes.cat;
import static io.imgedge.transform.probe.Boxes.fullBox;
import static io.imgedge.transform.probe.Boxes.patch;
import static io.imgedge.transform.probe.Boxes.u16;
import static io.imgedge.transform.probe.Boxes.u32;
import static io.imgedge.transform.probe.Boxes.u8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.spec.Orientation;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AVIF scanner on files made with avifenc 0.11 (see {@code probe/NOTICE.md}; the expected
 * values are what {@code avifdec --info} prints for them) and on hand-built and patched hostile
 * structures, which must all be refused with a 4xx {@link TransformException}, quickly.
 */
class AvifScannerTest {
  private final HeaderProbe probe = new HeaderProbe(ImageLimits.FASTLY);

  static byte[] fixture(String name) {
    try (InputStream in = AvifScannerTest.class.getResourceAsStream("/probe/" + name)) {
      if (in == null) {
        throw new AssertionError("no test file /probe/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
      avif-plain-32x32.avif,             32,  32, 1, 8,  false
      avif-10bit-32x32.avif,             32,  32, 1, 10, false
      avif-alpha-32x32.avif,             32,  32, 1, 8,  true
      avif-icc-p3-45x100.avif,           45, 100, 1, 8,  false
      avif-nclx-p3-45x100.avif,          45, 100, 1, 8,  false
      avif-grid-2x1-128x64.avif,        128,  64, 1, 8,  false
      avif-sequence-3-frames-80x80.avif, 80,  80, 3, 8,  true
      """)
  void scan_fixtures_asAvifdecReportsThem(
      String file, int width, int height, int frames, int depth, boolean alpha) {
    byte[] data = fixture(file);
    ImageHeader h = probe.probe(data, ImageFormat.AVIF);
    assertThat(h.format()).isEqualTo(ImageFormat.AVIF);
    assertThat(h.width()).isEqualTo(width);
    assertThat(h.height()).isEqualTo(height);
    assertThat(h.frames()).isEqualTo(frames);
    assertThat(h.bitDepth()).isEqualTo(depth);
    assertThat(h.hasAlpha()).isEqualTo(alpha);
    assertThat(h.bytes()).isEqualTo(data.length);
    assertThat(h.firstFrame().getSize()).isEqualTo(new java.awt.Dimension(width, height));
  }

  @Test
  void scan_colour_nclxAndIcc() {
    ImageHeader plain = probe.probe(fixture("avif-plain-32x32.avif"), null);
    assertThat(plain.cicp()).isEqualTo(new Cicp(1, 13, 6, true));
    assertThat(plain.iccProfile()).isNull();

    assertThat(probe.probe(fixture("avif-nclx-p3-45x100.avif"), null).cicp())
        .isEqualTo(new Cicp(12, 13, 6, true));

    ImageHeader icc = probe.probe(fixture("avif-icc-p3-45x100.avif"), null);
    assertThat(icc.iccProfile()).hasSize(548);
    assertThat(ICC_Profile.getInstance(icc.iccProfile()).getColorSpaceType())
        .isEqualTo(ColorSpace.TYPE_RGB);
    assertThat(icc.cicp())
        .as("libavif writes an nclx box beside the profile")
        .isEqualTo(new Cicp(2, 2, 6, true));
  }

  @ParameterizedTest(name = "{0} -> EXIF {1}")
  @CsvSource(
      textBlock =
          """
      avif-irot1-45x100.avif,            8
      avif-irot2-45x100.avif,            3
      avif-irot3-45x100.avif,            6
      avif-imir0-45x100.avif,            4
      avif-imir1-45x100.avif,            2
      avif-irot1-imir0-45x100.avif,      5
      avif-exif-orient6-45x100.avif,     6
      avif-exif6-irot2-45x100.avif,      3
      avif-exif-orient6-no-irot-45x100.avif, 6
      avif-plain-32x32.avif,             1
      """)
  void scan_orientation_irotImirWinOverExif(String file, int exif) {
    ImageHeader h = probe.probe(fixture(file), null);
    assertThat(h.exifOrientation()).isEqualTo(Orientation.fromExif(exif));
    if (file.contains("45x100")) {
      assertThat(h.width()).as("stored, before orientation").isEqualTo(45);
      assertThat(h.orientedWidth()).isEqualTo(Orientation.fromExif(exif).swapsAxes() ? 100 : 45);
    }
  }

  @ParameterizedTest(name = "irot {0}, imir {1} -> EXIF {2}")
  @CsvSource(
      textBlock =
          """
      0, -1, 1
      1, -1, 8
      2, -1, 3
      3, -1, 6
      0,  0, 4
      1,  0, 5
      2,  0, 2
      3,  0, 7
      0,  1, 2
      1,  1, 7
      2,  1, 4
      3,  1, 5
      """)
  void orientation_everyRotationAndMirror_isOneExifValue(int angle, int mirror, int exif) {
    assertThat(AvifScanner.orientation(angle, mirror)).isEqualTo(Orientation.fromExif(exif));
  }

  @Test
  void scan_handBuiltGridInIdat_with32BitBoxVersions() {
    ImageHeader h = probe.probe(idatGrid(0), null);
    assertThat(h.width()).isEqualTo(128);
    assertThat(h.height()).isEqualTo(64);
    assertThat(h.bitDepth()).isEqualTo(8);
    assertThat(rejected(idatGrid(4), InvalidImageException.class).getMessage())
        .contains("outside its 'idat' box");
  }

  @Test
  void scan_malformedExif_isNormalNotFatal() {
    byte[] data =
        patch(
            fixture("avif-exif-orient6-no-irot-45x100.avif"),
            "0000000645786966",
            "ffffffff45786966");
    assertThat(probe.probe(data, null).exifOrientation()).isEqualTo(Orientation.NORMAL);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "avif-plain-32x32.avif",
        "avif-10bit-32x32.avif",
        "avif-alpha-32x32.avif",
        "avif-icc-p3-45x100.avif",
        "avif-irot1-45x100.avif",
        "avif-grid-2x1-128x64.avif",
        "avif-sequence-3-frames-80x80.avif"
      })
  void scan_agreesWithAvifdec_whereInstalled(String file) throws Exception {
    String info = ReferenceTools.run("avifdec", "--info", fixture(file));
    ImageHeader h = probe.probe(fixture(file), null);
    assertThat(info).contains("Resolution     : " + h.width() + "x" + h.height());
    assertThat(info).contains("Bit Depth      : " + h.bitDepth());
    assertThat(info.contains("Alpha          : Absent")).isEqualTo(!h.hasAlpha());
  }

  /**
   * A grid whose ImageGrid data is in {@code idat} (iloc version 2, construction method 1, at
   * {@code gridOffset} of its 8 bytes), described with the 32-bit versions of pitm, iinf, infe,
   * iref and ipma (with 16-bit property indices).
   */
  static byte[] idatGrid(long gridOffset) {
    byte[] tile = av1SequenceHeader(64, 64);
    byte[] ftyp = box("ftyp", ascii("avif"), u32(0), ascii("avifmif1miaf"));
    byte[] meta = idatGridMeta(gridOffset, 0, tile.length);
    long mdat = ftyp.length + meta.length + 8;
    return cat(ftyp, idatGridMeta(gridOffset, mdat, tile.length), box("mdat", tile, tile));
  }

  private static byte[] idatGridMeta(long gridOffset, long mdat, long tile) {
    return fullBox(
        "meta",
        0,
        0,
        fullBox("hdlr", 0, 0, u32(0), ascii("pict"), u32(0, 0, 0), u8(0)),
        fullBox("pitm", 1, 0, u32(1)),
        fullBox(
            "iloc",
            2,
            0,
            u8(0x44, 0x00),
            u32(3),
            u32(1),
            u16(1, 0, 1),
            u32(gridOffset, 8),
            u32(2),
            u16(0, 0, 1),
            u32(mdat, tile),
            u32(3),
            u16(0, 0, 1),
            u32(mdat + tile, tile)),
        fullBox(
            "iinf",
            1,
            0,
            u32(3),
            fullBox("infe", 3, 0, u32(1), u16(0), ascii("grid"), u8(0)),
            fullBox("infe", 3, 1, u32(2), u16(0), ascii("av01"), u8(0)),
            fullBox("infe", 3, 1, u32(3), u16(0), ascii("av01"), u8(0))),
        fullBox("iref", 1, 0, box("dimg", u32(1), u16(2), u32(2, 3))),
        box(
            "iprp",
            box(
                "ipco",
                fullBox("ispe", 0, 0, u32(128, 64)),
                fullBox("ispe", 0, 0, u32(64, 64)),
                box("av1C", u8(0x81, 0, 0, 0))),
            fullBox(
                "ipma",
                1,
                1,
                u32(3),
                u32(1),
                u8(1),
                u16(1),
                u32(2),
                u8(2),
                u16(2, 0x8003),
                u32(3),
                u8(2),
                u16(2, 0x8003))),
        box("idat", u8(0, 0, 0, 1, 0, 128, 0, 64)));
  }

  @Nested
  class Refusals {
    @Test
    void heicCodedPrimaryItem_isRefusedByName() {
      byte[] heic =
          patch(
              fixture("avif-plain-32x32.avif"),
              "61763031436f6c6f7200",
              "68766331436f6c6f7200"); // av01 -> hvc1
      var e = rejected(heic, UnsupportedImageException.class);
      assertThat(e.getMessage()).contains("'hvc1'").contains("HEIC").contains("primary item");
    }

    @Test
    void handBuiltHeicLikeFile_isRefusedByName() {
      byte[] file = Boxes.avif("hvc1", 64, 64, new byte[16]);
      assertThat(rejected(file, UnsupportedImageException.class).getMessage())
          .contains("'hvc1'")
          .contains("HEVC");
    }

    @Test
    void hugeIspe_isRefusedByTheLimitBeforeAnythingElse() {
      byte[] huge =
          patch(
              fixture("avif-plain-32x32.avif"),
              "697370650000000000000020" + "00000020",
              "69737065000000000000ffff0000ffff");
      var e = rejected(huge, ImageTooLargeException.class);
      assertThat(e.getMessage()).contains("65535x65535").contains("12000x12000");
      int meta = Boxes.indexOf(huge, "mdat") - 4;
      assertThat(
              rejected(Arrays.copyOf(huge, meta + 10), ImageTooLargeException.class).getMessage())
          .as("cut in its image data: still refused as too large first")
          .contains("65535x65535");
    }

    @Test
    void av1DataLargerThanItsIspe_isRefused() {
      byte[] small =
          patch(
              fixture("avif-plain-32x32.avif"),
              "697370650000000000000020" + "00000020",
              "69737065000000000000001000000010");
      assertThat(rejected(small, InvalidImageException.class).getMessage())
          .contains("32x32")
          .contains("larger than its size 16x16");
      byte[] lying = Boxes.avif("av01", 64, 64, av1SequenceHeader(12_000, 12_000));
      assertThat(rejected(lying, InvalidImageException.class).getMessage()).contains("12000x12000");
      assertThatCode(() -> probe.probe(Boxes.avif("av01", 64, 48, av1SequenceHeader(64, 48)), null))
          .doesNotThrowAnyException();
    }

    @Test
    void av1DataWithoutSequenceHeader_isRefused() {
      byte[] noHeader = Boxes.avif("av01", 64, 64, u8(0x32, 0x00)); // an empty OBU_FRAME
      assertThat(rejected(noHeader, InvalidImageException.class).getMessage())
          .contains("no sequence header");
    }

    @Test
    void boxRunningPastItsParent_isRefusedNamingBoth() {
      byte[] data = fixture("avif-plain-32x32.avif");
      int ipma = Boxes.indexOf(data, "ipma") - 4;
      data[ipma + 3] += 1;
      assertThat(rejected(data, InvalidImageException.class).getMessage())
          .contains("'ipma' box runs past the end of its parent 'iprp' box");
    }

    @Test
    void boxOfSizeZeroInsideAParent_isRefused() {
      byte[] data = fixture("avif-plain-32x32.avif");
      int pitm = Boxes.indexOf(data, "pitm") - 4;
      data[pitm + 3] = 0;
      assertThat(rejected(data, InvalidImageException.class).getMessage()).contains("size 0");
    }

    @Test
    void gridWithTooManyTiles_isRefusedBeforeItsTilesAreRead() {
      byte[] grid =
          patch(fixture("avif-grid-2x1-128x64.avif"), "0000000100800040", "0000ffff00800040");
      assertThat(rejected(grid, ImageTooLargeException.class).getMessage())
          .contains("65536 tiles")
          .contains("1024");
    }

    @Test
    void gridWhoseCellsDoNotMatchItsTiles_isRefused() {
      byte[] grid =
          patch(fixture("avif-grid-2x1-128x64.avif"), "0000000100800040", "0000000000800040");
      assertThat(rejected(grid, InvalidImageException.class).getMessage())
          .contains("1 cells but 2 tiles");
    }

    @Test
    void gridTilesNotCoveringTheOutput_areRefused() {
      byte[] grid =
          patch(fixture("avif-grid-2x1-128x64.avif"), "0000000100800040", "0000000101000040");
      grid =
          patch(
              grid,
              "697370650000000000000080",
              "697370650000000000000100"); // keep ispe in step: 256x64
      assertThat(rejected(grid, InvalidImageException.class).getMessage()).contains("do not fit");
    }

    @Test
    void unsupportedEssentialProperty_isRefusedNamingIt() {
      byte[] data =
          patch(
              fixture("avif-plain-32x32.avif"),
              "0000000c61763143",
              "0000000c7a7a7a7a"); // av1C -> zzzz
      assertThat(rejected(data, UnsupportedImageException.class).getMessage()).contains("'zzzz'");
    }

    @Test
    void propertyIndexOutOfRange_isRefused() {
      byte[] data = fixture("avif-plain-32x32.avif");
      int ipma = Boxes.indexOf(data, "ipma") - 4;
      data[ipma + 8 + 4 + 4 + 2 + 1] = 0x7F; // first association: property 127
      assertThat(rejected(data, InvalidImageException.class).getMessage()).contains("property 127");
    }

    @Test
    void itemDataOutsideTheFile_isRefused() {
      byte[] data = Boxes.cat(fixture("avif-plain-32x32.avif"));
      byte[] cut = Arrays.copyOf(data, data.length - 1);
      assertThat(rejected(cut, InvalidImageException.class).getMessage()).contains("truncated");
      byte[] far = Boxes.avif("av01", 64, 64, av1SequenceHeader(64, 64));
      int iloc = Boxes.indexOf(far, "iloc") - 4;
      far[iloc + 8 + 4 + 2 + 2 + 6 + 1] = 0x7F; // extent offset far past the end
      assertThat(rejected(far, InvalidImageException.class).getMessage())
          .contains("lies outside the file");
    }

    @Test
    void thousandsOfBoxes_areRefusedQuickly() {
      byte[] many = cat(fixture("avif-plain-32x32.avif"), new byte[8 * 100_000]);
      for (int i = 0; i < 100_000; i++) {
        System.arraycopy(box("free"), 0, many, many.length - 8 * (i + 1), 8);
      }
      var e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(2), () -> rejected(many, InvalidImageException.class));
      assertThat(e.getMessage()).contains("more than 4096 boxes");
    }

    @Test
    void deepNesting_isRefusedAtTheDepthLimit() {
      byte[] nested = box("trak");
      for (int i = 0; i < 1_000; i++) {
        nested = box("trak", nested);
      }
      byte[] file = cat(fixture("avif-plain-32x32.avif"), box("moov", nested));
      var e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(2), () -> rejected(file, InvalidImageException.class));
      assertThat(e.getMessage()).contains("more than 16 deep");
    }

    @Test
    void tooManyExtents_areRefusedWithoutAllocatingThem() {
      byte[] ftyp = box("ftyp", ascii("avif"), u32(0), ascii("avifmif1"));
      byte[] iloc =
          fullBox(
              "iloc", 0, 0, u8(0x00, 0x00), u16(1), u16(1, 0, 0xFFFF)); // 65535 extents of 0 bytes
      byte[] meta =
          fullBox(
              "meta",
              0,
              0,
              fullBox("hdlr", 0, 0, u32(0), ascii("pict"), u32(0, 0, 0), u8(0)),
              fullBox("iinf", 0, 0, u16(1), fullBox("infe", 2, 0, u16(1, 0), ascii("av01"), u8(0))),
              iloc);
      assertThat(rejected(cat(ftyp, meta), InvalidImageException.class).getMessage())
          .contains("65535 extents");
    }

    @Test
    void constructionMethodTwo_isRefused() {
      byte[] ftyp = box("ftyp", ascii("avif"), u32(0), ascii("avifmif1"));
      byte[] iloc = fullBox("iloc", 1, 0, u8(0x44, 0x00), u16(1), u16(1, 2, 0, 0));
      byte[] meta =
          fullBox(
              "meta",
              0,
              0,
              fullBox("hdlr", 0, 0, u32(0), ascii("pict"), u32(0, 0, 0), u8(0)),
              fullBox("iinf", 0, 0, u16(1), fullBox("infe", 2, 0, u16(1, 0), ascii("av01"), u8(0))),
              iloc);
      assertThat(rejected(cat(ftyp, meta), InvalidImageException.class).getMessage())
          .contains("construction method 2");
    }

    @Test
    void missingBoxes_areRefusedNamingThem() {
      byte[] ftypOnly = box("ftyp", ascii("avif"), u32(0), ascii("avifmif1"));
      assertThat(rejected(ftypOnly, InvalidImageException.class).getMessage())
          .contains("no 'meta' box");
      byte[] noHandler = cat(ftypOnly, fullBox("meta", 0, 0, fullBox("pitm", 0, 0, u16(1))));
      assertThat(rejected(noHandler, InvalidImageException.class).getMessage()).contains("'hdlr'");
      byte[] sequenceBrandOnly = box("ftyp", ascii("avis"), u32(0), ascii("avismif1"));
      assertThat(rejected(sequenceBrandOnly, InvalidImageException.class).getMessage())
          .contains("no 'moov' box");
    }

    @Test
    void largesizeBoxes_areUnderstood() {
      byte[] free = cat(u32(1), ascii("free"), u32(0, 24), new byte[8]);
      assertThat(probe.probe(cat(fixture("avif-plain-32x32.avif"), free), null).width())
          .isEqualTo(32);
      byte[] past = cat(u32(1), ascii("free"), u32(0x7FFF_FFFFL, 0), new byte[8]);
      assertThat(
              rejected(cat(fixture("avif-plain-32x32.avif"), past), InvalidImageException.class)
                  .getMessage())
          .contains("truncated");
    }

    @Test
    void sequenceWithMoreFramesThanAllowed_isRefused() {
      var twoFrames = new HeaderProbe(new ImageLimits(50_000_000, 12_000, 12_000, 8192, 8192, 2));
      var e =
          catchThrowable(() -> twoFrames.probe(fixture("avif-sequence-3-frames-80x80.avif"), null));
      assertThat(e)
          .isInstanceOf(ImageTooLargeException.class)
          .hasMessageContaining("more than 2 frames");
    }

    @Test
    void sequenceTrackLargerThanTheLimits_isRefused() {
      var small = new HeaderProbe(new ImageLimits(50_000_000, 79, 12_000, 8192, 8192, 100));
      var e = catchThrowable(() -> small.probe(fixture("avif-sequence-3-frames-80x80.avif"), null));
      assertThat(e).isInstanceOf(ImageTooLargeException.class).hasMessageContaining("80x80");
    }
  }

  @Nested
  class Truncation {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "avif-plain-32x32.avif",
          "avif-alpha-32x32.avif",
          "avif-grid-2x1-128x64.avif",
          "avif-sequence-3-frames-80x80.avif",
          "avif-exif-orient6-45x100.avif"
        })
    void everyCut_isRefusedWithA4xx_quickly(String file) {
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
              assertThat(((TransformException) e).status()).isBetween(400, 499);
            }
          });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "avif-plain-32x32.avif",
          "avif-grid-2x1-128x64.avif",
          "avif-sequence-3-frames-80x80.avif"
        })
    void everyFlippedByte_isAHeaderOrA4xx(String file) {
      byte[] data = fixture(file);
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            for (int i = 0; i < data.length; i++) {
              for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = data.clone();
                bad[i] ^= (byte) flip;
                try {
                  ImageHeader h = probe.probe(bad, null);
                  assertThat(h.width()).isBetween(1, 12_000);
                } catch (TransformException e) {
                  assertThat(e.status()).isBetween(400, 499);
                }
              }
            }
          });
    }
  }

  private <T extends TransformException> T rejected(byte[] data, Class<T> type) {
    Throwable e = catchThrowable(() -> probe.probe(data, null));
    assertThat(e).as("expected %s", type.getSimpleName()).isInstanceOf(type);
    assertThat(((TransformException) e).status()).isBetween(400, 499);
    return type.cast(e);
  }
}
