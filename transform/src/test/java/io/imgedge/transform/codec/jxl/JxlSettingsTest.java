package io.imgedge.transform.codec.jxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cjxl 0.7's quality-to-distance mapping; needs no library. */
class JxlSettingsTest {

  /** The distances the installed {@code cjxl -q Q} (0.7.0) prints, and the linear part's ends. */
  @ParameterizedTest
  @CsvSource({
    "99, 0.19",
    "90, 1.0",
    "75, 2.35",
    "30, 6.4",
    "29, 6.592",
    "20, 7.4",
    "10, 12.65",
    "5, 22.025"
  })
  void forQuality_matchesCjxl07(int quality, double distance) {
    assertThat(JxlSettings.forQuality(quality, 7).distance())
        .isCloseTo((float) distance, within(0.001f));
  }

  @Test
  void quality100_isLossless() {
    JxlSettings s = JxlSettings.forQuality(100, 3);
    assertThat(s.lossless()).isTrue();
    assertThat(s.distance()).isZero();
    assertThat(s.effort()).isEqualTo(3);
  }

  @Test
  void lowestQualities_areCappedAtLibjxlsMaximum() {
    assertThat(JxlSettings.distanceForQuality(4)).isEqualTo(JxlSettings.MAX_DISTANCE);
    assertThat(JxlSettings.distanceForQuality(1)).isEqualTo(JxlSettings.MAX_DISTANCE);
  }

  @Test
  void outOfRange_isRefused() {
    assertThatThrownBy(() -> JxlSettings.forQuality(0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JxlSettings.forQuality(101, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JxlSettings.forQuality(80, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JxlSettings.forQuality(80, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JxlSettings(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JxlSettings(Float.NaN, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JxlSettings(25.5f, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
