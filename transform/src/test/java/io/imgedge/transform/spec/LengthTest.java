package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LengthTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @ParameterizedTest(name = "{0} ppm = {1}")
  @CsvSource(
      textBlock =
          """
      500000,   50p
      333333,   33.3333p
      125000,   12.5p
      1,        0.0001p
      100,      0.01p
      10000,    1p
      1000000,  100p
      2500000,  250p
      100000000, 10000p
      """)
  void relative_canonicalPrintsPercentAndParsesBack(long ppm, String canonical) {
    Length.Relative length = new Length.Relative(ppm);
    assertThat(length.canonical()).isEqualTo(canonical);
    assertThat(parser.parse("width=" + canonical).width()).isEqualTo(length);
  }

  @Test
  void pixels_canonicalIsTheNumber() {
    assertThat(new Length.Pixels(400).canonical()).isEqualTo("400");
    assertThat(parser.parse("height=400").height()).isEqualTo(new Length.Pixels(400));
  }

  @Test
  void resolve_pixelsIgnoreTheSource_relativeScalesIt() {
    assertThat(new Length.Pixels(400).resolve(1234)).isEqualTo(400.0);
    assertThat(new Length.Relative(500_000).resolve(801)).isEqualTo(400.5);
    assertThat(new Length.Relative(2_500_000).resolve(100)).isEqualTo(250.0);
    assertThat(new Length.Relative(333_333).resolve(3_000_000))
        .isCloseTo(999_999.0, org.assertj.core.data.Offset.offset(1e-6));
  }
}
