package io.imgedge.transform.codec.jxl;

import static io.imgedge.transform.codec.jxl.JxlFixtures.bytes;
import static io.imgedge.transform.codec.jxl.JxlFixtures.gradient;
import static io.imgedge.transform.codec.jxl.JxlFixtures.meanAlphaDifference;
import static io.imgedge.transform.codec.jxl.JxlFixtures.meanColourDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The binding itself; needs libjxl0.7 (Debian), and fails without it. */
class JxlBindingTest {
  private static final LibJxl JXL = LibJxl.load(LibJxl.DEFAULT_LIBRARY);
  private static final long LIMIT = 10_000_000;

  @Test
  void version_isTheLoadedLibrarys() {
    assertThat(JXL.version()).matches("libjxl 0\\.7\\.[0-9]+");
  }

  @Test
  void load_absentLibrary_isRefusedClearly() {
    assertThatThrownBy(() -> LibJxl.load("libjxl-absent.so.0.7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("libjxl is not available")
        .hasMessageContaining("libjxl-absent.so.0.7");
  }

  @Test
  void otherVersions_areRefused_sayingWhichWasFound() {
    assertThat(LibJxl.checkVersion(7_000, 7_000, "x")).isEqualTo("libjxl 0.7.0");
    assertThat(LibJxl.checkVersion(7_003, 7_003, "x")).isEqualTo("libjxl 0.7.3");
    assertThatThrownBy(() -> LibJxl.checkVersion(8_002, 8_002, "libjxl.so.0.8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("libjxl.so.0.8 is libjxl 0.8.2")
        .hasMessageContaining("0.7.x only");
    assertThatThrownBy(() -> LibJxl.checkVersion(1_001_000, 1_001_000, "libjxl.so.0.11"))
        .hasMessageContaining("libjxl 1.1.0");
    assertThatThrownBy(() -> LibJxl.checkVersion(6_001, 6_001, "x")).hasMessageContaining("0.6.1");
  }

  @Test
  void lossy_gradient_roundTrips() throws JxlException {
    int[] pixels = gradient(96, 64, false);
    byte[] jxl = JXL.encode(pixels, 96, 64, false, JxlSettings.forQuality(90, 5));
    JxlPixels decoded = JXL.decode(jxl, LIMIT);
    assertThat(decoded.width()).isEqualTo(96);
    assertThat(decoded.height()).isEqualTo(64);
    assertThat(decoded.iccProfile()).as("sRGB needs no profile").isNull();
    assertThat(decoded.info().hasAlpha()).isFalse();
    assertThat(decoded.info().usesOriginalProfile()).as("lossy is XYB").isFalse();
    assertThat(meanColourDifference(decoded.argb(), pixels)).isLessThan(1.5);
    assertThat(java.util.Arrays.stream(decoded.argb()).allMatch(p -> p >>> 24 == 0xFF))
        .as("opaque")
        .isTrue();
  }

  @Test
  void lossy_gradientWithAlpha_keepsAlpha() throws JxlException {
    int[] pixels = gradient(96, 64, true);
    byte[] jxl = JXL.encode(pixels, 96, 64, true, JxlSettings.forQuality(90, 5));
    JxlPixels decoded = JXL.decode(jxl, LIMIT);
    assertThat(decoded.info().hasAlpha()).isTrue();
    assertThat(decoded.info().alphaBits()).isEqualTo(8);
    assertThat(decoded.info().extraChannels()).isEqualTo(1);
    assertThat(meanAlphaDifference(decoded.argb(), pixels)).isLessThan(0.5);
    assertThat(meanColourDifference(decoded.argb(), pixels)).isLessThan(2.0);
  }

  @Test
  void lossless_isExact_withAndWithoutAlpha() throws JxlException {
    Random random = new Random(42);
    int[] noise = new int[37 * 23];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextInt();
    }
    byte[] withAlpha = JXL.encode(noise, 37, 23, true, JxlSettings.lossless(3));
    assertThat(JXL.decode(withAlpha, LIMIT).argb()).isEqualTo(noise);
    assertThat(JXL.info(withAlpha, LIMIT).usesOriginalProfile()).isTrue();

    int[] opaque = new int[noise.length];
    for (int i = 0; i < noise.length; i++) {
      opaque[i] = noise[i] | 0xFF000000;
    }
    byte[] withoutAlpha = JXL.encode(noise, 37, 23, false, JxlSettings.lossless(3));
    assertThat(JXL.decode(withoutAlpha, LIMIT).argb())
        .as("alpha ignored, decoded opaque")
        .isEqualTo(opaque);
  }

  @Test
  void quality_and_effort_change_theOutput() throws JxlException {
    int[] pixels = gradient(128, 128, false);
    int size90 = JXL.encode(pixels, 128, 128, false, JxlSettings.forQuality(90, 5)).length;
    int size50 = JXL.encode(pixels, 128, 128, false, JxlSettings.forQuality(50, 5)).length;
    assertThat(size50).isLessThan(size90);
  }

  @Test
  void info_readsTheHeaderOnly() throws JxlException {
    byte[] jxl = JXL.encode(gradient(50, 20, true), 50, 20, true, JxlSettings.forQuality(80, 3));
    JxlInfo info = JXL.info(jxl, LIMIT);
    assertThat(info).isEqualTo(new JxlInfo(50, 20, 8, 8, 1, false, 3, 1, false));
    assertThat(info.pixels()).isEqualTo(1000);
    assertThat(info.gray()).isFalse();
  }

  @Test
  void encode_invalidArguments_areRefused() {
    JxlSettings s = JxlSettings.forQuality(80, 3);
    assertThatThrownBy(() -> JXL.encode(new int[5], 2, 3, false, s))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JXL.encode(new int[0], 0, 0, false, s))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JXL.decode(new byte[10], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onePixel_roundTrips() throws JxlException {
    int[] pixel = {0x80FF4020};
    assertThat(JXL.decode(JXL.encode(pixel, 1, 1, true, JxlSettings.lossless(1)), 1).argb())
        .containsExactly(pixel);
  }

  @Test
  void concurrentCalls_shareOneInstance() throws Exception {
    int[] pixels = gradient(64, 48, true);
    byte[] expected = JXL.encode(pixels, 64, 48, true, JxlSettings.forQuality(85, 3));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  byte[] out = JXL.encode(pixels, 64, 48, true, JxlSettings.forQuality(85, 3));
                  JXL.decode(out, LIMIT);
                  return out;
                }));
      }
      for (Future<byte[]> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void orientation_isReported_andThePixelsAreNotTurned() throws JxlException {
    byte[] jxl = bytes("orientation-6-jpeg-recompressed.jxl");
    JxlInfo info = JXL.info(jxl, LIMIT);
    assertThat(info.orientation()).isEqualTo(6);
    assertThat(info.width()).as("stored size: portrait, shown landscape").isEqualTo(75);
    assertThat(info.height()).isEqualTo(113);
    JxlPixels pixels = JXL.decode(jxl, LIMIT);
    assertThat(pixels.info()).isEqualTo(info);
    assertThat(pixels.argb()).hasSize(75 * 113);
  }

  @Test
  void animation_isReported() throws JxlException {
    JxlInfo info = JXL.info(bytes("animated-lossless.jxl"), LIMIT);
    assertThat(info.animated()).isTrue();
    assertThat(info.hasAlpha()).isTrue();
    assertThat(JXL.info(bytes("hopper-lossy.jxl"), LIMIT).animated()).isFalse();
  }

  @Test
  void grayImage_isExpandedToEqualRgb_withItsGrayProfile() throws JxlException {
    JxlPixels gray = JXL.decode(bytes("gray-gamma22-jpeg-recompressed.jxl"), LIMIT);
    assertThat(gray.info().gray()).isTrue();
    assertThat(gray.info().colorChannels()).isEqualTo(1);
    for (int p : gray.argb()) {
      assertThat(p >>> 16 & 0xFF).isEqualTo(p >>> 8 & 0xFF).isEqualTo(p & 0xFF);
      assertThat(p >>> 24).isEqualTo(0xFF);
    }
    java.awt.color.ICC_Profile profile = java.awt.color.ICC_Profile.getInstance(gray.iccProfile());
    assertThat(profile.getColorSpaceType()).isEqualTo(java.awt.color.ColorSpace.TYPE_GRAY);
  }

  @Test
  void xybWithAnOriginalProfile_isRenderedToSrgbByLibjxl() throws JxlException {
    JxlPixels lossy = JXL.decode(bytes("adobergb-lossy.jxl"), LIMIT);
    assertThat(lossy.info().usesOriginalProfile()).isFalse();
    assertThat(lossy.iccProfile()).as("sRGB asked for and given: no profile").isNull();
    JxlPixels recompressed = JXL.decode(bytes("p3-jpeg-recompressed.jxl"), LIMIT);
    assertThat(recompressed.info().usesOriginalProfile()).isTrue();
    assertThat(recompressed.iccProfile()).as("the JPEG's Display P3 profile").isNotNull();
    assertThat(new String(recompressed.iccProfile(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("P3");
  }
}
