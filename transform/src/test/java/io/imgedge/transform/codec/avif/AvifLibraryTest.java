package io.imgedge.transform.codec.avif;

import static io.imgedge.transform.codec.avif.AvifFixtures.MAX_PIXELS;
import static io.imgedge.transform.codec.avif.AvifFixtures.bytes;
import static io.imgedge.transform.codec.avif.AvifFixtures.gradient;
import static io.imgedge.transform.codec.avif.AvifFixtures.meanAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The binding itself; needs libavif15 (0.11), and fails without it. */
class AvifLibraryTest {
  private static final LibAvif AVIF = LibAvif.load(LibAvif.DEFAULT_LIBRARY);
  private static final int W = 96;
  private static final int H = 64;

  @Test
  void version_namesLibavif011AndItsCodecs() {
    assertThat(AVIF.version()).startsWith("libavif 0.11.").contains("aom").contains("dav1d");
  }

  @Test
  void load_absentLibrary_isRefusedWithAClearMessage() {
    assertThatThrownBy(() -> LibAvif.load("libavif-absent.so.15"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("libavif-absent.so.15")
        .hasMessageContaining("libavif15");
  }

  @Test
  void checkVersion_refusesAnythingButOhElevenDotX() {
    LibAvif.checkVersion("0.11.1");
    for (String other : new String[] {"1.0.4", "1.1.1", "0.10.1", "0.111.0"}) {
      assertThatThrownBy(() -> LibAvif.checkVersion(other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(other + " is not 0.11.x");
    }
  }

  @Test
  void encode_opaqueGradient_roundTripsCloselyAndOpaque() throws AvifException {
    int[] pixels = gradient(W, H, false); // garbage in the top byte, as TYPE_INT_RGB allows
    byte[] avif = AVIF.encode(pixels, W, H, false, AvifSettings.forQuality(80, 8, 420, 1));
    AvifPixels decoded = AVIF.decode(avif, MAX_PIXELS);

    assertThat(decoded.info().alpha()).isFalse();
    assertThat(decoded.argb()).hasSize(W * H);
    assertThat(Arrays.stream(decoded.argb()).allMatch(p -> p >>> 24 == 0xFF)).as("opaque").isTrue();
    assertThat(meanAbsDiff(decoded.argb(), pixels)).isLessThan(1.5);
  }

  @Test
  void encode_withAlpha_keepsTheAlphaPlaneNotPremultiplied() throws AvifException {
    int[] pixels = gradient(W, H, true);
    byte[] avif = AVIF.encode(pixels, W, H, true, AvifSettings.forQuality(80, 8, 420, 1));
    AvifPixels decoded = AVIF.decode(avif, MAX_PIXELS);

    assertThat(decoded.info().alpha()).isTrue();
    assertThat(AvifFixtures.meanAlphaDiff(decoded.argb(), pixels)).isLessThan(0.5);
    assertThat(AvifFixtures.maxAlphaDiff(decoded.argb(), pixels)).isLessThanOrEqualTo(8);
    // Colour is kept where alpha is low too (not premultiplied away): compare the mostly opaque
    // half.
    int[] left = half(decoded.argb());
    assertThat(meanAbsDiff(left, half(pixels))).isLessThan(1.5);
  }

  @Test
  void encode_opaqueArgb_leavesTheAlphaPlaneOut() throws AvifException {
    int[] pixels = gradient(W, H, false);
    Arrays.setAll(pixels, i -> pixels[i] | 0xFF000000);
    byte[] avif = AVIF.encode(pixels, W, H, true, AvifSettings.forQuality(80, 8, 420, 1));
    assertThat(AVIF.parse(avif, MAX_PIXELS).alpha()).isFalse();
  }

  @Test
  void encode_signalsSrgbAsCicp_fullRange_noProfileNoMetadata() throws AvifException {
    for (int subsampling : new int[] {420, 444}) {
      byte[] avif =
          AVIF.encode(
              gradient(W, H, false), W, H, false, AvifSettings.forQuality(60, 9, subsampling, 1));
      AvifInfo info = AVIF.parse(avif, MAX_PIXELS);
      assertThat(info.width()).isEqualTo(W);
      assertThat(info.height()).isEqualTo(H);
      assertThat(info.depth()).isEqualTo(8);
      assertThat(info.yuvFormat()).isEqualTo(subsampling == 420 ? 3 : 1);
      assertThat(
              new int[] {
                info.colorPrimaries(), info.transferCharacteristics(), info.matrixCoefficients()
              })
          .containsExactly(1, 13, 1);
      assertThat(info.fullRange()).isTrue();
      assertThat(info.icc()).isNull();
      assertThat(info.exif()).isNull();
      assertThat(info.transformFlags()).isZero();
      assertThat(info.imageCount()).isEqualTo(1);
    }
  }

  @Test
  void encode_higherQuantizer_isSmaller() throws AvifException {
    int[] pixels = gradient(W, H, false);
    byte[] good = AVIF.encode(pixels, W, H, false, AvifSettings.forQuality(90, 9, 420, 1));
    byte[] poor = AVIF.encode(pixels, W, H, false, AvifSettings.forQuality(20, 9, 420, 1));
    assertThat(poor.length).isLessThan(good.length);
  }

  @Test
  void encode_badArguments_areRefusedBeforeNativeCode() {
    AvifSettings settings = AvifSettings.forQuality(60, 8, 420, 1);
    assertThatThrownBy(() -> AVIF.encode(new int[10], 4, 4, false, settings))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AVIF.encode(new int[0], 0, 4, false, settings))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AVIF.encode(new int[1], 70_000, 70_000, false, settings))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_iccFixture_readsTheProfileAndTheExifPayload() throws AvifException {
    AvifInfo info = AVIF.parse(bytes("displayp3-icc.avif"), MAX_PIXELS);
    assertThat(info.width()).isEqualTo(45);
    assertThat(info.height()).isEqualTo(100);
    assertThat(info.icc()).hasSize(548);
    assertThat(new String(info.icc(), 36, 4, StandardCharsets.US_ASCII)).isEqualTo("acsp");
    assertThat(new String(info.icc(), StandardCharsets.ISO_8859_1).replace("\0", ""))
        .contains("Display P3");
    // libavif 0.11 hands the Exif item's payload over from the TIFF header on (no 4-byte offset).
    assertThat(Arrays.copyOf(info.exif(), 4)).containsExactly('I', 'I', '*', 0);
    assertThat(info.colorPrimaries())
        .isEqualTo(2); // avifenc writes "unspecified" beside an ICC profile
  }

  @Test
  void parse_nclxFixture_readsCicp() throws AvifException {
    AvifInfo info = AVIF.parse(bytes("displayp3-nclx.avif"), MAX_PIXELS);
    assertThat(info.icc()).isNull();
    assertThat(
            new int[] {
              info.colorPrimaries(), info.transferCharacteristics(), info.matrixCoefficients()
            })
        .containsExactly(12, 13, 1);
  }

  @Test
  void parse_tenBitWithAlpha_andMonochrome() throws AvifException {
    AvifInfo tenBit = AVIF.parse(bytes("rgba-10bit.avif"), MAX_PIXELS);
    assertThat(tenBit.depth()).isEqualTo(10);
    assertThat(tenBit.alpha()).isTrue();
    AvifInfo gray = AVIF.parse(bytes("gray-400.avif"), MAX_PIXELS);
    assertThat(gray.monochrome()).isTrue();
    assertThat(gray.alpha()).isFalse();
  }

  @Test
  void parse_irotAndImir_areReportedWithTheirExifOrientation() throws AvifException {
    AvifInfo both = AVIF.parse(bytes("irot1-imir0.avif"), MAX_PIXELS);
    assertThat(both.transformFlags()).isEqualTo(AvifInfo.IROT | AvifInfo.IMIR);
    assertThat(both.rotation()).isEqualTo(1);
    assertThat(both.mirror()).isZero();
    assertThat(both.exifOrientation()).isEqualTo(5);

    AvifInfo mirror = AVIF.parse(bytes("imir1.avif"), MAX_PIXELS);
    assertThat(mirror.transformFlags()).isEqualTo(AvifInfo.IMIR);
    assertThat(mirror.rotation()).isZero();
    assertThat(mirror.mirror()).isEqualTo(1);
    assertThat(mirror.exifOrientation()).isEqualTo(2);
  }

  @Test
  void decode_irotImir_areNotApplied() throws AvifException {
    AvifPixels decoded = AVIF.decode(bytes("irot1-imir0.avif"), MAX_PIXELS);
    assertThat(decoded.info().width()).isEqualTo(45);
    assertThat(decoded.info().height()).isEqualTo(100);
    assertThat(decoded.argb()).hasSize(45 * 100);
  }

  @Test
  void decode_tenBit_comesOutAsEightBitArgb() throws AvifException {
    AvifPixels decoded = AVIF.decode(bytes("rgba-10bit.avif"), MAX_PIXELS);
    assertThat(decoded.info().depth()).isEqualTo(10);
    int[] reference = AvifFixtures.png("rgba-10bit.vips.png").getRGB(0, 0, 32, 32, null, 0, 32);
    assertThat(AvifFixtures.meanAlphaDiff(decoded.argb(), reference)).isLessThan(1);
    assertThat(opaqueMeanAbsDiff(decoded.argb(), reference)).isLessThan(1.5);
  }

  @Test
  void sizeLimit_isCheckedOnTheContainer() throws AvifException {
    byte[] data = bytes("displayp3-nclx.avif"); // 45x100 = 4,500 pixels
    assertThat(AVIF.parse(data, 4500).width()).isEqualTo(45);
    for (long limit : new long[] {4499, 1}) {
      var parse = catchThrowableOfType(AvifException.class, () -> AVIF.parse(data, limit));
      assertThat(parse.tooLarge()).isTrue();
      var decode = catchThrowableOfType(AvifException.class, () -> AVIF.decode(data, limit));
      assertThat(decode.tooLarge()).isTrue();
    }
  }

  @Test
  void sizeLimit_aHeaderClaimingAHugeImage_isRefusedBeforeDecoding() {
    for (int side : new int[] {20_000, 40_000, 65_535}) {
      byte[] data = withIspe(bytes("displayp3-nclx.avif"), side, side);
      var e = catchThrowableOfType(AvifException.class, () -> AVIF.decode(data, MAX_PIXELS));
      assertThat(e.tooLarge()).as("%dx%d", side, side).isTrue();
      assertThat(e.getMessage()).contains(side + "x" + side);
    }
  }

  @Test
  void sizeLimit_mustBePositive() {
    assertThatThrownBy(() -> AVIF.parse(bytes("imir1.avif"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentCalls_shareOneInstance() throws Exception {
    int[] pixels = gradient(W, H, true);
    byte[] fixture = bytes("palette-alpha.avif");
    int[] expected = AVIF.decode(fixture, MAX_PIXELS).argb();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  byte[] out =
                      AVIF.encode(pixels, W, H, true, AvifSettings.forQuality(70, 9, 420, 1));
                  return AVIF.decode(out, MAX_PIXELS).argb().length == W * H
                      && Arrays.equals(AVIF.decode(fixture, MAX_PIXELS).argb(), expected);
                }));
      }
      for (var r : results) {
        assertThat(r.get()).isTrue();
      }
    }
  }

  /** A copy with the {@code ispe} box's width and height replaced. */
  static byte[] withIspe(byte[] avif, int width, int height) {
    byte[] copy = avif.clone();
    for (int i = 4; i + 16 <= copy.length; i++) {
      if (copy[i] == 'i' && copy[i + 1] == 's' && copy[i + 2] == 'p' && copy[i + 3] == 'e') {
        putInt(copy, i + 8, width); // after the type: version and flags (4), width, height
        putInt(copy, i + 12, height);
        return copy;
      }
    }
    throw new AssertionError("no ispe box");
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static int[] half(int[] pixels) {
    int[] left = new int[H * W / 2];
    for (int y = 0; y < H; y++) {
      System.arraycopy(pixels, y * W, left, y * W / 2, W / 2);
    }
    return left;
  }

  /** Colour differences where both are opaque enough for colour to matter (alpha over 32). */
  private static double opaqueMeanAbsDiff(int[] a, int[] b) {
    int[] x = Arrays.stream(indices(a, b)).map(i -> a[i]).toArray();
    int[] y = Arrays.stream(indices(a, b)).map(i -> b[i]).toArray();
    return meanAbsDiff(x, y);
  }

  private static int[] indices(int[] a, int[] b) {
    return java.util.stream.IntStream.range(0, a.length)
        .filter(i -> a[i] >>> 24 > 32 && b[i] >>> 24 > 32)
        .toArray();
  }
}
