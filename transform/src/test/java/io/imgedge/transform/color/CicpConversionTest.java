package io.imgedge.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CicpConversionTest {

  @ParameterizedTest(name = "primaries {0}, transfer {1}")
  @CsvSource({"1, 13", "2, 2", "2, 13", "1, 2", "0, 0", "1, 99", "3, 13", "10, 13"})
  void srgbOrUnspecified_needsNoConversion(int primaries, int transfer) {
    assertThat(CicpConversion.forCicp(primaries, transfer)).isNull();
    assertThat(CicpConversion.isSrgb(primaries, transfer)).isTrue();
  }

  @ParameterizedTest(name = "primaries {0}, transfer {1}")
  @CsvSource({"12, 13", "11, 13", "9, 16", "9, 18", "1, 1", "1, 6", "2, 8", "5, 13"})
  void otherSpaces_areConverted(int primaries, int transfer) {
    assertThat(CicpConversion.forCicp(primaries, transfer)).isNotNull();
  }

  @Test
  void bt2020Matrix_isBt2087s() {
    double[][] expected = {
      {1.6605, -0.5876, -0.0728}, {-0.1246, 1.1329, -0.0083}, {-0.0182, -0.1006, 1.1187}
    };
    assertMatrix(CicpConversion.toSrgbMatrix(CicpConversion.primaries(9)), expected);
  }

  @Test
  void displayP3Matrix_isTheKnownOne() {
    double[][] expected = {{1.2249, -0.2247, 0}, {-0.0420, 1.0419, 0}, {-0.0197, -0.0786, 1.0979}};
    assertMatrix(CicpConversion.toSrgbMatrix(CicpConversion.primaries(12)), expected);
  }

  @Test
  void dciP3_isAdaptedFromItsOwnWhite_soWhiteAndGrayStayNeutral() {
    CicpConversion dci = CicpConversion.forCicp(11, 13);
    assertThat(rgb(dci, 0xFFFFFF)).isEqualTo(0xFFFFFF);
    int gray = rgb(dci, 0x808080);
    assertThat(gray >> 16 & 0xFF)
        .isCloseTo(gray & 0xFF, within(1))
        .isCloseTo(gray >> 8 & 0xFF, within(1));
    // Without adaptation the DCI white (0.314, 0.351) would come out green-tinted.
  }

  @Test
  void displayP3_saturatedRedIsClipped_grayIsKept() {
    CicpConversion p3 = CicpConversion.forCicp(12, 13);
    assertThat(rgb(p3, 0xFF0000)).isEqualTo(0xFF0000);
    assertThat(rgb(p3, 0x808080)).isEqualTo(0x808080);
    int green = rgb(p3, 0x00FF00);
    assertThat(green >> 8 & 0xFF).isEqualTo(255);
    assertThat(green >> 16 & 0xFF).isZero(); // P3 green is outside sRGB: red would go negative
  }

  @ParameterizedTest(name = "transfer {0}: 128 -> {1}")
  @CsvSource({"1, 140", "6, 140", "8, 188", "4, 129", "5, 106", "13, 128"})
  void sdrTransfers_reencodeGrayAsSrgb(int transfer, int expected) {
    CicpConversion c =
        CicpConversion.forCicp(12, transfer); // P3 keeps gray gray: only the curve differs
    int gray = rgb(c, 0x808080);
    assertThat(gray & 0xFF).isCloseTo(expected, within(1));
    assertThat(gray >> 16 & 0xFF).isEqualTo(gray & 0xFF);
  }

  @Test
  void pq_referenceWhiteComesOutNearWhite_blackStaysBlack_peakIsWhite() {
    CicpConversion pq = CicpConversion.forCicp(9, 16);
    int signal203Nits = 148; // PQ(203 cd/m²) = 0.5806
    assertThat(CicpConversion.Transfer.pqNits(signal203Nits / 255.0)).isCloseTo(203, within(3.0));
    int white = rgb(pq, gray(signal203Nits));
    assertThat(white & 0xFF).isBetween(238, 247); // shoulder(1.0) = 0.9 linear = sRGB 243
    assertThat(rgb(pq, 0)).isZero();
    assertThat(rgb(pq, 0xFFFFFF)).isEqualTo(0xFFFFFF);
    // 100 nits (half of reference white) is not compressed: linear 0.49
    int hundred = rgb(pq, gray(130)); // PQ(100 cd/m²) = 0.5081
    assertThat(hundred & 0xFF).isCloseTo(186, within(3));
  }

  @Test
  void hlg_seventyFivePercent_isReferenceWhite() {
    CicpConversion hlg = CicpConversion.forCicp(9, 18);
    int white = rgb(hlg, gray(191)); // 75 % HLG = 203 cd/m² on a 1,000 cd/m² display
    assertThat(white & 0xFF).isBetween(238, 247);
    assertThat(rgb(hlg, 0)).isZero();
    assertThat(rgb(hlg, 0xFFFFFF) & 0xFF)
        .isGreaterThanOrEqualTo(253); // 1,000 cd/m²: shoulder(4.93) = 0.991
  }

  @Test
  void toneMap_isContinuous_monotonic_andBelowOne() {
    assertThat(CicpConversion.shoulder(CicpConversion.KNEE))
        .isCloseTo(CicpConversion.KNEE, within(1e-9));
    double slope =
        (CicpConversion.shoulder(CicpConversion.KNEE + 1e-6) - CicpConversion.KNEE) / 1e-6;
    assertThat(slope).isCloseTo(1, within(1e-3));
    double previous = 0;
    for (double x = CicpConversion.KNEE; x < 50; x += 0.25) {
      double y = CicpConversion.shoulder(x);
      assertThat(y).isGreaterThanOrEqualTo(previous).isLessThan(1);
      previous = y;
    }
    float[] saturated = {2, 1, 0};
    CicpConversion.toneMap(saturated);
    assertThat(saturated[1] / saturated[0]).as("hue kept").isCloseTo(0.5f, within(1e-6f));
  }

  @Test
  void toSrgb_keepsSizeTypeAndAlpha() {
    BufferedImage argb = SrgbImages.blank(3, 2, true);
    SrgbImages.pixels(argb)[0] = 0x80FF0000;
    SrgbImages.pixels(argb)[5] = 0x00808080;
    BufferedImage out = CicpConversion.forCicp(12, 13).toSrgb(argb);
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(out.getWidth()).isEqualTo(3);
    assertThat(SrgbImages.pixels(out)[0]).isEqualTo(0x80FF0000);
    assertThat(SrgbImages.pixels(out)[5]).isEqualTo(0x00808080);

    BufferedImage rgb = SrgbImages.blank(2, 2, false);
    assertThat(CicpConversion.forCicp(9, 16).toSrgb(rgb).getType())
        .isEqualTo(BufferedImage.TYPE_INT_RGB);
  }

  private static int gray(int v) {
    return v << 16 | v << 8 | v;
  }

  private static int rgb(CicpConversion c, int rgb) {
    return c.convert(rgb, new float[3]);
  }

  private static void assertMatrix(double[][] actual, double[][] expected) {
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(1.5e-3));
      }
    }
  }
}
