package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.config.ConfigException;
import io.imgedge.config.TransformConfig;
import io.imgedge.config.TransformConfig.JpegType;
import org.junit.jupiter.api.Test;

class TransformDefaultsTest {

  @Test
  void fastly_isQuality85Lanczos3NoUpscale() {
    assertThat(TransformDefaults.FASTLY)
        .isEqualTo(new TransformDefaults(85, 85, JpegType.AUTO, ResizeFilter.LANCZOS3, false));
  }

  @Test
  void from_resolvesTheFilterAlias() {
    var config = new TransformConfig(70, 60, JpegType.PROGRESSIVE, "cubic", true);
    assertThat(TransformDefaults.from(config))
        .isEqualTo(new TransformDefaults(70, 60, JpegType.PROGRESSIVE, ResizeFilter.BICUBIC, true));
  }

  @Test
  void from_unknownFilter_failsNamingTheKey() {
    var config = new TransformConfig(85, 85, JpegType.AUTO, "gauss", false);
    assertThatThrownBy(() -> TransformDefaults.from(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'transform.resize-filter'")
        .hasMessageContaining("\"gauss\"")
        .hasMessageContaining("lanczos3");
  }

  @Test
  void fingerprint_isStableAndChangesWithEveryValue() {
    TransformDefaults base = TransformDefaults.FASTLY;
    assertThat(base.fingerprint())
        .matches("[0-9a-f]{8}")
        .isEqualTo(
            new TransformDefaults(85, 85, JpegType.AUTO, ResizeFilter.LANCZOS3, false)
                .fingerprint());
    assertThat(
            new TransformDefaults(84, 85, JpegType.AUTO, ResizeFilter.LANCZOS3, false)
                .fingerprint())
        .isNotEqualTo(base.fingerprint());
    assertThat(
            new TransformDefaults(85, 84, JpegType.AUTO, ResizeFilter.LANCZOS3, false)
                .fingerprint())
        .isNotEqualTo(base.fingerprint());
    assertThat(
            new TransformDefaults(85, 85, JpegType.BASELINE, ResizeFilter.LANCZOS3, false)
                .fingerprint())
        .isNotEqualTo(base.fingerprint());
    assertThat(
            new TransformDefaults(85, 85, JpegType.AUTO, ResizeFilter.LANCZOS2, false)
                .fingerprint())
        .isNotEqualTo(base.fingerprint());
    assertThat(
            new TransformDefaults(85, 85, JpegType.AUTO, ResizeFilter.LANCZOS3, true).fingerprint())
        .isNotEqualTo(base.fingerprint());
  }
}
