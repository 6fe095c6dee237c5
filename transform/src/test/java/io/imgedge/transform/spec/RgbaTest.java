package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RgbaTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      f00           | 255 | 0   | 0   | 255
      F80           | 255 | 136 | 0   | 255
      abc           | 170 | 187 | 204 | 255
      ff8000        | 255 | 128 | 0   | 255
      0A0B0C        | 10  | 11  | 12  | 255
      255,128,0     | 255 | 128 | 0   | 255
      ' 1, 2 ,3 '   | 1   | 2   | 3   | 255
      0,0,0,0       | 0   | 0   | 0   | 0
      1,2,3,1       | 1   | 2   | 3   | 255
      1,2,3,1.0     | 1   | 2   | 3   | 255
      1,2,3,0.5     | 1   | 2   | 3   | 128
      1,2,3,.25     | 1   | 2   | 3   | 64
      1,2,3,0.333   | 1   | 2   | 3   | 85
      ff800080      | 255 | 128 | 0   | 128
      """)
  void parse_acceptedForms(String value, int r, int g, int b, int a) {
    assertThat(Rgba.parse(value)).isEqualTo(new Rgba(r, g, b, a));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "ggg",
        "ff00",
        "ff0000f",
        "#fff",
        "1,2",
        "1,2,3,4,5",
        "256,0,0",
        "-1,0,0",
        "1,2,3,1.5",
        "1,2,3,2",
        "1,2,3,-0.5",
        "1,,3",
        "a,b,c",
        "1.5,2,3",
        "1,2,3,50%",
      })
  void parse_rejectsEverythingElse(String value) {
    assertThat(Rgba.parse(value)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"f00", "abc", "123456", "0,0,0,0", "10,20,30,0.5", "255,255,255,.1"})
  void canonical_parsesBackToTheSameColour(String value) {
    Rgba colour = Rgba.parse(value);
    assertThat(colour.canonical()).matches("[0-9a-f]{8}");
    assertThat(Rgba.parse(colour.canonical())).isEqualTo(colour);
  }

  @Test
  void canonical_isRrggbbaa() {
    assertThat(new Rgba(255, 128, 0, 64).canonical()).isEqualTo("ff800040");
    assertThat(Rgba.WHITE.canonical()).isEqualTo("ffffffff");
  }

  @Test
  void argb_packsAlphaFirst() {
    assertThat(new Rgba(0x12, 0x34, 0x56, 0x80).argb()).isEqualTo(0x80123456);
    assertThat(Rgba.WHITE.argb()).isEqualTo(0xFFFFFFFF);
  }
}
