package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatNegotiationTest {
  private static final String CHROME =
      "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
  private static final String OLD_SAFARI =
      "image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5";

  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        CHROME,
        "image/webp",
        "IMAGE/WEBP",
        "text/html, image/webp;q=0.5",
        "image/webp ; q=1",
        "*/*;q=0.1,image/webp;q=0.001"
      })
  void acceptsWebp_whenListedWithPositiveQuality(String accept) {
    assertThat(FormatNegotiation.acceptsWebp(accept)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @NullSource
  @ValueSource(
      strings = {
        "",
        OLD_SAFARI,
        "*/*",
        "image/*",
        "image/webp;q=0",
        "image/webp;q=0.0",
        "image/webp;q=abc",
        "image/webpx",
        "application/image/webp",
        "image/web"
      })
  void acceptsWebp_notForWildcardsZeroQualityOrOtherTypes(String accept) {
    assertThat(FormatNegotiation.acceptsWebp(accept)).isFalse();
  }

  private static final String WEBP_ONLY = "image/webp,*/*";
  private static final String JXL_SAFARI =
      "image/webp,image/avif,image/jxl,image/heic,image/*;q=0.8";
  private static final AcceptedFormats AVIF_WEBP = new AcceptedFormats(true, false, true);

  @Test
  void formatAuto_withAvif_choosesPerImageAmongTheAcceptedFormats() {
    Negotiated n = FormatNegotiation.negotiate(parser.parse("format=auto"), CHROME);
    assertThat(n).isEqualTo(new Negotiated(OutputTarget.AUTO, true, true, AVIF_WEBP));
    assertThat(n.token()).isEqualTo("auto+avif.webp");
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), JXL_SAFARI).token())
        .isEqualTo("auto+avif.jxl.webp");
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), "image/avif").token())
        .isEqualTo("auto+avif");
  }

  @Test
  void formatAuto_withWebpOnly_isWebpAndVaries() {
    Negotiated n = FormatNegotiation.negotiate(parser.parse("format=auto"), WEBP_ONLY);
    assertThat(n).isEqualTo(new Negotiated(OutputTarget.WEBP, true, true));
    assertThat(n.token()).isEqualTo("webp");
  }

  @Test
  void formatAuto_withNothingModern_isAutoAndStillVaries() {
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), OLD_SAFARI))
        .isEqualTo(new Negotiated(OutputTarget.AUTO, false, true));
    assertThat(
            FormatNegotiation.negotiate(
                parser.parse("format=auto"), "image/webp;q=0,image/avif;q=0"))
        .isEqualTo(new Negotiated(OutputTarget.AUTO, false, true));
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), null))
        .isEqualTo(new Negotiated(OutputTarget.AUTO, false, true));
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), null).token())
        .isEqualTo("auto");
  }

  @Test
  void sameFormats_sameToken_whateverTheAcceptString() {
    TransformSpec auto = parser.parse("format=auto");
    assertThat(FormatNegotiation.negotiate(auto, "image/avif,image/webp,*/*;q=0.8").token())
        .isEqualTo(
            FormatNegotiation.negotiate(auto, "IMAGE/WEBP;q=0.9, text/html, image/avif").token());
    TransformSpec autoAvif = parser.parse("auto=avif");
    assertThat(FormatNegotiation.negotiate(autoAvif, "image/avif,image/webp").token())
        .isEqualTo(FormatNegotiation.negotiate(autoAvif, "image/avif").token())
        .isEqualTo("avif");
  }

  @Test
  void autoAvif_isAvifWhenAccepted_elseTheExplicitFormat_elseTheSource() {
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif"), CHROME))
        .isEqualTo(
            new Negotiated(
                OutputTarget.AVIF, false, true, new AcceptedFormats(false, false, true)));
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif&format=png"), WEBP_ONLY))
        .isEqualTo(new Negotiated(OutputTarget.PNG, false, true));
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif"), OLD_SAFARI))
        .isEqualTo(new Negotiated(OutputTarget.SOURCE, false, true));
  }

  @Test
  void autoList_takesTheFirstAcceptedInTheOrderGiven() {
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif,webp"), CHROME).target())
        .isEqualTo(OutputTarget.AVIF);
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=webp,avif"), CHROME).target())
        .isEqualTo(OutputTarget.WEBP);
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif,webp"), WEBP_ONLY))
        .isEqualTo(new Negotiated(OutputTarget.WEBP, true, true));
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif,webp&format=jxl"), OLD_SAFARI))
        .isEqualTo(new Negotiated(OutputTarget.JXL, false, true));
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
    assertThat(FormatNegotiation.negotiate(parser.parse("format=avif"), OLD_SAFARI))
        .isEqualTo(new Negotiated(OutputTarget.AVIF, false, false));
    assertThat(FormatNegotiation.negotiate(TransformSpec.NONE, CHROME))
        .isEqualTo(new Negotiated(OutputTarget.SOURCE, false, false));
  }

  @Test
  void mayYieldToWebp_onlyForAvifChosenByNegotiationForAWebpClient() {
    assertThat(FormatNegotiation.negotiate(parser.parse("auto=avif"), CHROME).mayYieldToWebp())
        .isTrue();
    assertThat(FormatNegotiation.negotiate(parser.parse("format=auto"), CHROME).mayYieldToWebp())
        .isTrue();
    assertThat(
            FormatNegotiation.negotiate(parser.parse("auto=avif"), "image/avif").mayYieldToWebp())
        .isFalse();
    assertThat(FormatNegotiation.negotiate(parser.parse("format=avif"), CHROME).mayYieldToWebp())
        .as("an explicit format=avif is what the page asked for")
        .isFalse();
    assertThat(
            FormatNegotiation.negotiate(
                    parser.parse("format=auto"), JXL_SAFARI.replace("image/avif,", ""))
                .mayYieldToWebp())
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"image/avif", "image/avif;q=0.5,*/*", " IMAGE/AVIF ; q=1"})
  void acceptedFormats_readsAvif(String accept) {
    assertThat(AcceptedFormats.of(accept).avif()).isTrue();
  }

  @Test
  void acceptedFormats_tokenRoundTrips() {
    for (String accept : new String[] {CHROME, JXL_SAFARI, OLD_SAFARI, WEBP_ONLY}) {
      AcceptedFormats a = AcceptedFormats.of(accept);
      assertThat(AcceptedFormats.fromToken(a.token())).isEqualTo(a);
    }
  }
}
