package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatNegotiationTest {
  private static final String CHROME = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
  private static final String OLD_SAFARI = "image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5";

  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {CHROME, "image/webp", "IMAGE/WEBP", "text/html, image/webp;q=0.5",
      "image/webp ; q=1", "*/*;q=0.1,image/webp;q=0.001"})
  void acceptsWebp_whenListedWithPositiveQuality(String accept) {
    assertThat(FormatNegotiation.acceptsWebp(accept)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @NullSource
  @ValueSource(strings = {"", OLD_SAFARI, "*/*", "image/*", "image/webp;q=0", "image/webp;q=0.0",
      "image/webp;q=abc", "image/webpx", "application/image/webp", "image/web"})
  void acceptsWebp_notForWildcardsZeroQualityOrOtherTypes(String accept) {
    assertThat(FormatNegotiation.acceptsWebp(accept)).isFalse();
  }

  @Test
  void formatAuto_withWebp_isWebpAndVaries() {
    Negotiated n = FormatNegotiation.negotiate(parser.parse("format=auto"), CHROME);
    assertThat(n).isEqualTo(new Negotiated(OutputTarget.WEBP, true, true));
  }

  @Test
  void formatAuto_withoutWebp_isAutoAndStillVaries() {
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), OLD_SAFARI))
        .isEqualTo(new Negotiated(OutputTarget.AUTO, false, true));
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), "image/webp;q=0"))
        .isEqualTo(new Negotiated(OutputTarget.AUTO, false, true));
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), null))
        .isEqualTo(new Negotiated(OutputTarget.AUTO, false, true));
  }

  @Test
  void autoWebp_fallsBackToTheExplicitFormat() {
    TransformSpec spec = parser.parse("auto=webp&format=png");
    assertThat(FormatNegotiation.negotiate(spec, CHROME))
        .isEqualTo(new Negotiated(OutputTarget.WEBP, true, true));
    assertThat(FormatNegotiation.negotiate(spec, "*/*"))
        .isEqualTo(new Negotiated(OutputTarget.PNG, false, true));
  }

  @Test
  void autoWebp_withoutFormat_fallsBackToTheSource() {
    TransformSpec spec = parser.parse("auto=webp");
    assertThat(FormatNegotiation.negotiate(spec, OLD_SAFARI))
        .isEqualTo(new Negotiated(OutputTarget.SOURCE, false, true));
  }

  @Test
  void noNegotiation_doesNotVary() {
    assertThat(FormatNegotiation.negotiate(parser.parse("format=png"), CHROME))
        .isEqualTo(new Negotiated(OutputTarget.PNG, false, false));
    assertThat(FormatNegotiation.negotiate(parser.parse("format=webp"), OLD_SAFARI))
        .as("an explicit format=webp is not negotiated")
        .isEqualTo(new Negotiated(OutputTarget.WEBP, false, false));
    assertThat(FormatNegotiation.negotiate(TransformSpec.NONE, CHROME))
        .isEqualTo(new Negotiated(OutputTarget.SOURCE, false, false));
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif"), CHROME))
        .as("auto=avif has no encoder, so nothing is negotiated")
        .isEqualTo(new Negotiated(OutputTarget.SOURCE, false, false));
  }
}
