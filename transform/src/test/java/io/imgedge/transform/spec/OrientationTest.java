package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrientationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      textBlock =
          """
      1,  NORMAL
      2,  FLIP_HORIZONTAL
      h,  FLIP_HORIZONTAL
      3,  ROTATE_180
      hv, ROTATE_180
      vh, ROTATE_180
      HV, ROTATE_180
      4,  FLIP_VERTICAL
      v,  FLIP_VERTICAL
      5,  TRANSPOSE
      rv, TRANSPOSE
      vr, TRANSPOSE
      6,  ROTATE_90
      r,  ROTATE_90
      R,  ROTATE_90
      ' 6 ', ROTATE_90
      7,  TRANSVERSE
      lv, TRANSVERSE
      vl, TRANSVERSE
      8,  ROTATE_270
      l,  ROTATE_270
      """)
  void parse_acceptsFastlyNamesAndExifNumbers(String value, Orientation expected) {
    assertThat(Orientation.parse(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "0", "9", "-1", "x", "rr", "hh", "r,v", "90", "1.0"})
  void parse_rejectsEverythingElse(String value) {
    assertThat(Orientation.parse(value)).isNull();
  }

  @Test
  void exifValues_areOneToEight_andRoundTrip() {
    assertThat(Arrays.stream(Orientation.values()).mapToInt(Orientation::exifValue))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    for (Orientation o : Orientation.values()) {
      assertThat(Orientation.fromExif(o.exifValue())).isEqualTo(o);
      assertThat(Orientation.parse(Integer.toString(o.exifValue()))).isEqualTo(o);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 9, -1, 65535})
  void fromExif_invalidValue_isNormal(int value) {
    assertThat(Orientation.fromExif(value)).isEqualTo(Orientation.NORMAL);
  }

  @Test
  void swapsAxes_exactlyForFiveToEight() {
    for (Orientation o : Orientation.values()) {
      assertThat(o.swapsAxes()).as("%s", o).isEqualTo(o.exifValue() >= 5);
    }
  }
}
