package io.imgedge.transform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imgedge.transform.InvalidParameterException;
import io.imgedge.transform.spec.Overlay;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;

/**
 * Fuzzes the overlay header ({@code X-Fastly-Imageopto-Overlay}, and an origin's {@code overlay}
 * setting): any value is no overlay, an overlay whose canonical form parses back to it (as a header
 * and inside a spec on the internal wire), or an {@link InvalidParameterException} (a 400). Runs
 * the saved inputs ({@code OverlayHeaderFuzzTestInputs/}) in every test run; fuzz for real with
 * {@code JAZZER_FUZZ=1} (see README, "Fuzzing").
 */
class OverlayHeaderFuzzTest {
  private static final TransformSpecParser PARSER =
      new TransformSpecParser(TransformDefaults.FASTLY);

  @FuzzTest(maxDuration = "10m")
  void parseOverlay_anyValue_isAnOverlayOrA400(byte[] input) {
    String value = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    Overlay overlay;
    try {
      overlay = PARSER.parseOverlay(value);
    } catch (InvalidParameterException e) {
      assertThat(e.status()).isEqualTo(400);
      return;
    }
    if (overlay == null) {
      assertThat(value).isBlank();
      return;
    }
    assertThat(overlay.path()).startsWith("/").doesNotContain("?", "#");
    assertThat(PARSER.parseOverlay(overlay.canonical())).isEqualTo(overlay);
    TransformSpec spec = TransformSpec.NONE.withOverlay(overlay);
    assertThat(PARSER.parseCanonical(spec.canonical())).isEqualTo(spec);
  }
}
