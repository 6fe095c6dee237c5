package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.probe.CmykCoding;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How stored CMYK/YCCK samples become ink amounts (0 = none, 255 = full). */
class CmykJpegReaderTest {

  @ParameterizedTest(name = "{0} {1},{2},{3},{4}")
  @CsvSource(
      textBlock =
          """
      PLAIN,          10,  20,  30,  40,  10,  20,  30,  40
      ADOBE_INVERTED, 10,  20,  30,  40,  245, 235, 225, 215
      ADOBE_INVERTED, 255, 255, 255, 255, 0,   0,   0,   0
      ADOBE_YCCK,     100, 128, 128, 200, 100, 100, 100, 55
      ADOBE_YCCK,     128, 128, 255, 0,   255, 37,  128, 255
      ADOBE_YCCK,     128, 0,   128, 255, 128, 172, 0,   0
      """)
  void inks_perCoding(
      CmykCoding coding, int s0, int s1, int s2, int s3, int c, int m, int y, int k) {
    WritableRaster raw =
        Raster.createBandedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 1, 1, 4, null);
    raw.setPixel(0, 0, new int[] {s0, s1, s2, s3});

    WritableRaster ink = CmykJpegReader.inks(raw, coding);

    assertThat(ink.getPixel(0, 0, (int[]) null)).containsExactly(c, m, y, k);
  }
}
