package io.imgedge.transform.codec.avif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvifSettingsTest {

  @ParameterizedTest(name = "quality {0} -> quantizer {1}")
  @CsvSource({"100, 0", "90, 6", "80, 13", "60, 25", "50, 32", "30, 44", "1, 62"})
  void quantizer_isLibavif1sMapping(int quality, int quantizer) {
    assertThat(AvifSettings.quantizer(quality))
        .isEqualTo(quantizer)
        .isEqualTo((int) Math.round((100 - quality) * 63 / 100.0));
  }

  @Test
  void forQuality_fixesTheColourQuantizer_andKeepsAlphaNearLossless() {
    AvifSettings s = AvifSettings.forQuality(60, 8, 420, 2);
    assertThat(s.minQuantizer()).isEqualTo(25).isEqualTo(s.maxQuantizer());
    assertThat(s.minQuantizerAlpha())
        .isEqualTo(AvifSettings.ALPHA_QUANTIZER)
        .isEqualTo(s.maxQuantizerAlpha())
        .isBetween(0, 10);
    assertThat(s.speed()).isEqualTo(8);
    assertThat(s.subsampled()).isTrue();
    assertThat(s.maxThreads()).isEqualTo(2);
  }

  @Test
  void outOfRange_isRefused() {
    assertThatThrownBy(() -> AvifSettings.quantizer(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AvifSettings.quantizer(101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvifSettings(11, 420, 1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvifSettings(8, 422, 1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvifSettings(8, 420, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvifSettings(8, 420, 1, 30, 20, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvifSettings(8, 420, 1, 0, 64, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvifSettings(8, 420, 1, 0, 0, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
