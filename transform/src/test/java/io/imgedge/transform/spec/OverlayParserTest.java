package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverlayParserTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @Test
  void parseOverlay_fullHeader() {
    Overlay o =
        parser.parseOverlay(
            "overlay=/img/logo.png&overlay-align=bottom,right&overlay-width=0.2"
                + "&overlay-height=50&overlay-pad=10,20&overlay-repeat=x");
    assertThat(o)
        .isEqualTo(
            new Overlay(
                "/img/logo.png",
                Overlay.Vertical.BOTTOM,
                Overlay.Horizontal.RIGHT,
                new Length.Relative(200_000),
                new Length.Pixels(50),
                new Sides(
                    new Length.Pixels(10),
                    new Length.Pixels(20),
                    new Length.Pixels(10),
                    new Length.Pixels(20)),
                Overlay.Repeat.X));
    assertThat(o.canonical())
        .isEqualTo(
            "overlay=/img/logo.png&overlay-align=bottom,right&overlay-width=20p"
                + "&overlay-height=50&overlay-pad=10,20&overlay-repeat=x");
  }

  @Test
  void parseOverlay_defaultsNormaliseAway() {
    Overlay o = parser.parseOverlay("overlay=/logo.png&overlay-align=middle,center&overlay-pad=0");
    assertThat(o).isEqualTo(new Overlay("/logo.png"));
    assertThat(o.canonical()).isEqualTo("overlay=/logo.png");
  }

  @Test
  void parseOverlay_blankIsNone() {
    assertThat(parser.parseOverlay(null)).isNull();
    assertThat(parser.parseOverlay("  ")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      top           | TOP    | CENTER
      bottom        | BOTTOM | CENTER
      left          | MIDDLE | LEFT
      right,top     | TOP    | RIGHT
      TOP,LEFT      | TOP    | LEFT
      middle,right  | MIDDLE | RIGHT
      """)
  void parseOverlay_align(String align, Overlay.Vertical v, Overlay.Horizontal h) {
    Overlay o = parser.parseOverlay("overlay=/l.png&overlay-align=" + align);
    assertThat(o).isNotNull();
    assertThat(o.vertical()).isEqualTo(v);
    assertThat(o.horizontal()).isEqualTo(h);
  }

  @Test
  void parseOverlay_base64url_withOrWithoutPadding() {
    String path = "/brand/logo ~é.png";
    byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
    String url = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8);
    String padded = Base64.getUrlEncoder().encodeToString(utf8);
    assertThat(parser.parseOverlay("overlay-base64=" + url)).isEqualTo(new Overlay(path));
    assertThat(parser.parseOverlay("overlay-base64=" + padded.replace("=", "%3D")))
        .isEqualTo(new Overlay(path));
  }

  @Test
  void canonical_roundTripsThroughTheInternalParser() {
    Overlay o =
        parser.parseOverlay(
            "overlay=/a%20b%26c.png&overlay-align=top,left&overlay-width=30p&overlay-repeat=both");
    TransformSpec spec = parser.parse("width=200&format=png").withOverlay(o);
    assertThat(spec.canonical())
        .isEqualTo(
            "width=200&overlay=/a%20b%26c.png&overlay-align=top,left&overlay-width=30p"
                + "&overlay-repeat=both&format=png");
    assertThat(parser.parseCanonical(spec.canonical())).isEqualTo(spec);
    assertThat(spec.onlyQuality()).isFalse();
  }

  @Test
  void publicQuery_ignoresOverlayParameters_withAWarning() {
    TransformSpecParser.Parsed p =
        parser.parseWithWarnings("width=100&overlay=/logo.png&overlay-align=top");
    assertThat(p.spec()).isEqualTo(parser.parse("width=100"));
    assertThat(p.spec().overlay()).isNull();
    assertThat(p.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("overlay is read only from the"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      overlay-align=top                           | overlay
      overlay=logo.png                            | overlay
      overlay=//evil.example/x.png                | overlay
      overlay=/a/../b.png                         | overlay
      overlay=/a.png%3Fx=1                        | overlay
      overlay=/a.png&overlay-base64=L2EucG5n      | overlay-base64
      overlay-base64=!!!                          | overlay-base64
      overlay-base64=bG9nby5wbmc                  | overlay-base64
      overlay=/a.png&overlay-align=top,bottom     | overlay-align
      overlay=/a.png&overlay-align=up             | overlay-align
      overlay=/a.png&overlay-align=top,left,right | overlay-align
      overlay=/a.png&overlay-width=0              | overlay-width
      overlay=/a.png&overlay-width=9000           | overlay-width
      overlay=/a.png&overlay-width=150p           | overlay-width
      overlay=/a.png&overlay-height=-3            | overlay-height
      overlay=/a.png&overlay-pad=1,2,3,4,5        | overlay-pad
      overlay=/a.png&overlay-repeat=z             | overlay-repeat
      overlay=/a.png&overlay-opacity=50           | X-Fastly-Imageopto-Overlay
      """)
  void parseOverlay_badValues_nameTheSubParameter(String header, String parameter) {
    assertThatThrownBy(() -> parser.parseOverlay(header))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.parameter()).isEqualTo(parameter);
              assertThat(e.getMessage()).contains("accepts").contains(parameter);
              assertThat(e.status()).isEqualTo(400);
            });
  }
}
