package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageLimitsTest {
  private final ImageLimits limits = ImageLimits.FASTLY;

  @Test
  void fastly_is50MegabytesAnd12000Pixels() {
    assertThatCode(() -> limits.checkInputBytes(50_000_000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> limits.checkInputBytes(50_000_001))
        .isInstanceOf(ImageTooLargeException.class);
    assertThatCode(() -> limits.checkInputSize("x", 12_000, 12_000)).doesNotThrowAnyException();
    assertThatCode(() -> limits.checkFrames(1000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> limits.checkFrames(1001)).isInstanceOf(ImageTooLargeException.class);
  }

  @ParameterizedTest
  @CsvSource({"12001, 1", "1, 12001", "4294967296, 1", "65536, 65536"})
  void checkInputSize_tooLarge_is422NamingTheSize(long w, long h) {
    assertThatThrownBy(() -> limits.checkInputSize("the frame", w, h))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("the frame is " + w + "x" + h);
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 0", "-1, 5"})
  void checkInputSize_empty_isInvalid(long w, long h) {
    assertThatThrownBy(() -> limits.checkInputSize("the image", w, h))
        .isInstanceOf(InvalidImageException.class)
        .hasMessageContaining("no size");
  }
}
