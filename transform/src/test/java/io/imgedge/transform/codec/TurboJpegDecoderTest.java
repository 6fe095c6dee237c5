package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TurboJpegDecoderTest {

  @ParameterizedTest(name = "shrink {0} -> {1}/8")
  @CsvSource({"1.0, 8", "1.99, 8", "2.0, 4", "3.78, 4", "4.0, 2", "7.9, 2", "8.0, 1", "30, 1"})
  void eighths_isTheSmallestPowerOfTwoScaleThatKeepsTheOutputSize(double shrink, int eighths) {
    assertThat(TurboJpegDecoder.eighths(shrink)).isEqualTo(eighths);
  }
}
