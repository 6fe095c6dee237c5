package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.config.TransformConfig.JpegType;
import io.imgedge.transform.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransformSpecParserTest {
  /** Every lossy format's default quality 85, so that quality=85 says nothing. */
  private static final TransformDefaults ALL_85 =
      new TransformDefaults(
          85,
          85,
          io.imgedge.config.TransformConfig.JpegType.AUTO,
          ResizeFilter.LANCZOS3,
          false,
          85,
          85);

  private final TransformSpecParser parser = new TransformSpecParser(ALL_85);

  @Test
  void parse_nullOrEmpty_isNone() {
    assertThat(parser.parse((String) null)).isEqualTo(TransformSpec.NONE);
    assertThat(parser.parse("")).isEqualTo(TransformSpec.NONE);
    assertThat(parser.parse("&&")).isEqualTo(TransformSpec.NONE);
    assertThat(TransformSpec.NONE.canonical()).isEmpty();
  }

  @Test
  void parse_orderDoesNotMatter() {
    List<String> params =
        List.of("width=400", "height=300", "fit=crop", "format=webp", "quality=70");
    TransformSpec expected = parser.parse(String.join("&", params));
    for (List<String> order : permutations(params)) {
      assertThat(parser.parse(String.join("&", order))).as("order %s", order).isEqualTo(expected);
    }
  }

  @Test
  void canonical_hasAFixedParameterOrder() {
    TransformSpec spec =
        parser.parse(
            "quality=70&auto=webp&format=png&bg-color=f00&enable=upscale&resize-filter=cubic"
                + "&orient=r&fit=crop&height=300&width=400");
    assertThat(spec.canonical())
        .isEqualTo(
            "width=400&height=300&fit=crop&orient=6&resize-filter=bicubic&enable=upscale"
                + "&bg-color=ff0000ff&format=png&auto=webp&quality=70");
    assertThat(spec.toString()).isEqualTo("TransformSpec[" + spec.canonical() + "]");
    assertThat(TransformSpec.NONE.toString()).isEqualTo("TransformSpec[none]");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      format=jpg                 | format=jpeg
      format=JPG                 | format=jpeg
      format=pjpg                | format=pjpeg
      format=bjpg                | format=bjpeg
      resize-filter=linear       | resize-filter=bilinear
      resize-filter=cubic        | resize-filter=bicubic
      resize-filter=lanczos      | resize-filter=lanczos3
      orient=r                   | orient=6
      orient=l                   | orient=8
      orient=h                   | orient=2
      orient=v                   | orient=4
      orient=hv                  | orient=3
      orient=vh                  | orient=3
      orient=rv                  | orient=5
      orient=lv                  | orient=7
      auto=webp,webp             | auto=webp
      auto=AVIF,avif,webp        | auto=avif,webp
      format=jpegxl              | format=jxl
      format=pjpegxl             | format=pjxl
      bg-color=f00               | bg-color=255,0,0
      bg-color=FF0000            | bg-color=255,0,0,1
      width=0.5                  | width=50p
      width=.25                  | width=25p
      height=0.125               | height=12.5p
      """)
  void parse_aliasesAreEqual(String alias, String canonical) {
    assertThat(parser.parse(alias)).isEqualTo(parser.parse(canonical));
  }

  @Test
  void parse_distinctFormatsStayDistinct() {
    List<TransformSpec> specs =
        List.of("jpg", "pjpg", "bjpg", "png", "gif", "webp", "auto", "avif", "jxl", "pjxl").stream()
            .map(f -> parser.parse("format=" + f))
            .toList();
    assertThat(specs).doesNotHaveDuplicates();
    assertThat(parser.parse("format=bjpeg").canonical()).isEqualTo("format=bjpg");
    assertThat(parser.parse("format=pjpeg").canonical()).isEqualTo("format=pjpg");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "resize-filter=lanczos3",
        "resize-filter=lanczos",
        "disable=upscale",
        "quality=85",
        "quality=85,85",
        "quality=,85",
        "orient=1",
        "dpr=1",
        "dpr=1.0",
        "dpr=2",
        "fit=crop",
        "enable=upscale&disable=upscale",
      })
  void parse_defaultsAndNoOps_normaliseAway(String query) {
    assertThat(parser.parse(query)).isEqualTo(TransformSpec.NONE);
  }

  @Test
  void parse_fitWithoutBothSizes_isDropped() {
    assertThat(parser.parse("width=100&fit=crop")).isEqualTo(parser.parse("width=100"));
    assertThat(parser.parse("height=100&fit=bounds")).isEqualTo(parser.parse("height=100"));
    assertThat(parser.parse("width=100&height=50&fit=crop").fit()).isEqualTo(Fit.CROP);
  }

  @Test
  void parse_defaultsNormaliseAwayAgainstTheServiceDefaults() {
    var custom =
        new TransformSpecParser(
            new TransformDefaults(80, 75, JpegType.AUTO, ResizeFilter.BICUBIC, true));
    assertThat(custom.parse("quality=85").quality()).isEqualTo(85);
    assertThat(custom.parse("quality=80").quality())
        .as("80 is only the JPEG default, not the WebP one")
        .isEqualTo(80);
    assertThat(custom.parse("resize-filter=cubic")).isEqualTo(TransformSpec.NONE);
    assertThat(custom.parse("resize-filter=lanczos3").resizeFilter())
        .isEqualTo(ResizeFilter.LANCZOS3);
    assertThat(custom.parse("enable=upscale")).isEqualTo(TransformSpec.NONE);
    assertThat(custom.parse("disable=upscale").upscale()).isFalse();
    assertThat(parser.parse("enable=upscale").upscale()).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      width=200&dpr=2              | width=400
      height=150&dpr=2             | height=300
      width=200&height=100&dpr=1.5 | width=300&height=150
      width=333&dpr=1.5            | width=500
      width=100&dpr=10             | width=1000
      dpr=3                        | ''
      """)
  void parse_dprFoldsIntoPixelSizes(String withDpr, String folded) {
    TransformSpec spec = parser.parse(withDpr);
    assertThat(spec).isEqualTo(parser.parse(folded));
    assertThat(spec.dprMilli()).isEqualTo(1000);
  }

  @Test
  void parse_dprIsKeptWithRelativeSizes() {
    TransformSpec spec = parser.parse("width=0.5&dpr=2");
    assertThat(spec.dprMilli()).isEqualTo(2000);
    assertThat(spec.dpr()).isEqualTo(2.0);
    assertThat(spec.width()).isEqualTo(new Length.Relative(500_000));
    assertThat(spec.canonical()).isEqualTo("width=50p&dpr=2");

    TransformSpec mixed = parser.parse("width=50p&height=300&dpr=1.25");
    assertThat(mixed.height())
        .as("not folded: the plan multiplies")
        .isEqualTo(new Length.Pixels(300));
    assertThat(mixed.canonical()).isEqualTo("width=50p&height=300&dpr=1.25");
  }

  @Test
  void parse_dprThatWouldExceedTheLargestSize_isKeptNotFolded() {
    TransformSpec spec = parser.parse("width=5000&height=100&dpr=2");
    assertThat(spec.width()).isEqualTo(new Length.Pixels(5000));
    assertThat(spec.dprMilli()).isEqualTo(2000);
    assertThat(parser.parse(spec.canonical())).isEqualTo(spec);
  }

  @Test
  void parse_relativeSizes() {
    assertThat(parser.parse("width=0.5")).isEqualTo(parser.parse("width=50p"));
    assertThat(parser.parse("width=0.5").canonical()).isEqualTo("width=50p");
    assertThat(parser.parse("height=250p").height()).isEqualTo(new Length.Relative(2_500_000));
    assertThat(parser.parse("width=33.3333p").canonical()).isEqualTo("width=33.3333p");
    assertThat(parser.parse("width=0.333333").canonical()).isEqualTo("width=33.3333p");
  }

  @Test
  void parse_unknownParametersAreIgnored() {
    assertThat(parser.parse("utm_source=mail&width=100&blurry=abc&sharpness=zzz&x"))
        .isEqualTo(parser.parse("width=100"));
  }

  @Test
  void parse_lastDuplicateWins() {
    assertThat(parser.parse("width=100&width=200")).isEqualTo(parser.parse("width=200"));
    assertThat(parser.parse("format=png&format=webp")).isEqualTo(parser.parse("format=webp"));
    assertThat(parser.parse("width=abc&width=200").width()).isEqualTo(new Length.Pixels(200));
  }

  @Test
  void parse_urlEncodedValues() {
    assertThat(parser.parse("bg-color=255%2C0%2C0")).isEqualTo(parser.parse("bg-color=f00"));
    assertThat(parser.parse("w%69dth=100")).isEqualTo(parser.parse("width=100"));
    assertThat(parser.parse("width=+100+")).isEqualTo(parser.parse("width=100"));
  }

  @Test
  void parse_quality() {
    assertThat(parser.parse("quality=70").quality()).isEqualTo(70);
    TransformSpec both = parser.parse("quality=70,60");
    assertThat(both.quality()).isEqualTo(70);
    assertThat(both.webpQuality()).isEqualTo(60);
    assertThat(parser.parse("quality=70,70")).isEqualTo(parser.parse("quality=70"));
    TransformSpec webpOnly = parser.parse("quality=85,60");
    assertThat(webpOnly.quality()).isNull();
    assertThat(webpOnly.webpQuality()).isEqualTo(60);
    assertThat(parser.parse(webpOnly.canonical())).isEqualTo(webpOnly);
  }

  @Test
  void parse_auto_keepsTheOrderOfPreference() {
    assertThat(parser.parse("auto=webp").auto()).containsExactly(OutputTarget.WEBP);
    assertThat(parser.parse("auto=avif").auto()).containsExactly(OutputTarget.AVIF);
    assertThat(parser.parse("auto=avif,webp").auto())
        .containsExactly(OutputTarget.AVIF, OutputTarget.WEBP);
    assertThat(parser.parse("auto=webp,avif").auto())
        .containsExactly(OutputTarget.WEBP, OutputTarget.AVIF);
    assertThat(parser.parse("auto=webp&format=webp")).isEqualTo(parser.parse("format=webp"));
    assertThat(parser.parse("auto=avif,webp&format=avif").auto())
        .containsExactly(OutputTarget.WEBP);
    assertThat(parser.parse("auto=webp&format=auto")).isEqualTo(parser.parse("format=auto"));
    assertThat(parser.parse("auto=avif&format=auto")).isEqualTo(parser.parse("format=auto"));
    assertThat(parser.parse("auto=webp&format=png").auto()).containsExactly(OutputTarget.WEBP);
  }

  @Test
  void parse_decodedMap_isNormalisedTheSameWay() {
    assertThat(parser.parse(Map.of("width", "200", "dpr", "2")))
        .isEqualTo(parser.parse("width=400"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      width=0               | width         | pixels from 1 to 8192
      width=9000            | width         | pixels from 1 to 8192
      width=abc             | width         | a percentage such as 50p
      width=1.5             | width         | a fraction such as 0.5
      width=-5              | width         | pixels from 1 to 8192
      width=0p              | width         | a percentage such as 50p
      width=                | width         | pixels from 1 to 8192
      height=-1             | height        | pixels from 1 to 8192
      height=10001p         | height        | a percentage such as 50p
      dpr=0.5               | dpr           | a number from 1 to 10
      dpr=11                | dpr           | a number from 1 to 10
      dpr=two               | dpr           | a number from 1 to 10
      fit=fill              | fit           | bounds, cover or crop
      width=1&height=1&fit=fill | fit       | bounds, cover or crop
      format=tiff           | format        | auto, avif, jxl (jpegxl), pjxl (pjpegxl), jpg (jpeg), bjpg (bjpeg), pjpg (pjpeg), png, png8, gif, webp, webpll, webply or mp4
      quality=0             | quality       | a number from 1 to 100
      quality=101           | quality       | a number from 1 to 100
      quality=80,90,70      | quality       | two separated by a comma
      quality=high          | quality       | a number from 1 to 100
      orient=9              | orient        | r, l, h, v, hv, vh, rv, vr, lv, vl or 1-8
      orient=0              | orient        | 1-8
      bg-color=ggg          | bg-color      | a hex colour (3 or 6 digits
      bg-color=1,2          | bg-color      | r,g,b with 0-255 each
      bg-color=256,0,0      | bg-color      | r,g,b with 0-255 each
      bg-color=1,2,3,1.5    | bg-color      | r,g,b,a with a from 0 to 1
      enable=crop           | enable        | upscale
      disable=everything    | disable       | upscale
      resize-filter=gauss   | resize-filter | nearest, bilinear (linear), bicubic (cubic), lanczos2, lanczos3 (lanczos)
      auto=jxl              | auto          | avif, webp, or both in order of preference
      crop=5:0              | crop          | a ratio W:H
      crop=0,10             | crop          | W,H (pixels
      crop=10               | crop          | W,H (pixels
      crop=10,10,z5         | crop          | offset-x{0-100}
      crop=10,10,x5,x6      | crop          | one placement per axis
      crop=10,10,offset-x101 | crop         | offsets from 0 to 100
      crop=10,10,smart      | crop          | a ratio with smart
      precrop=a:b           | precrop       | a ratio W:H
      trim=1,2,3,4,5        | trim          | 1 to 4 comma-separated values
      trim=-1               | trim          | 1 to 4 comma-separated values
      trim-color=zzz        | trim-color    | auto or a colour
      trim-color=auto,t2    | trim-color    | optionally followed by ,t{0-1}
      pad=a                 | pad           | 1 to 4 comma-separated values
      canvas=9000,10        | canvas        | pixels up to 8192
      canvas=1:0            | canvas        | a ratio W:H
      sharpen=a20           | sharpen       | a{amount 0-10},r{radius 0.5-1000},t{threshold 0-255}
      sharpen=a5,r0.1       | sharpen       | a{amount 0-10}
      sharpen=a5,t256       | sharpen       | t{threshold 0-255}
      sharpen=a5,a6         | sharpen       | a{amount 0-10}
      sharpen=r2            | sharpen       | a{amount 0-10}
      blur=0.1              | blur          | from 0.5 to 1000
      blur=1001             | blur          | from 0.5 to 1000
      blur=101p             | blur          | a percentage of the image size
      brightness=101        | brightness    | a whole number from -100 to 100
      contrast=x            | contrast      | a whole number from -100 to 100
      saturation=-101       | saturation    | a whole number from -100 to 100
      bw=threshold,101      | bw            | threshold, threshold,{luminance 0-100} or atkinson
      bw=floyd              | bw            | atkinson
      frame=2               | frame         | 1 (the first frame
      metadata=all          | metadata      | copyright, c2pa or copyright,c2pa
      optimize=max          | optimize      | low, medium or high
      width=%zz             | width         | a correctly URL-encoded value
      bg-color=%G0          | bg-color      | a correctly URL-encoded value
      width=100%            | width         | a correctly URL-encoded value
      """)
  void parse_badValue_isRejectedNamingParameterAndWhatItAccepts(
      String query, String parameter, String accepts) {
    var e = catchThrowableOfType(InvalidParameterException.class, () -> parser.parse(query));
    assertThat(e).as("%s must be rejected", query).isNotNull();
    assertThat(e.parameter()).isEqualTo(parameter);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errorId()).isEqualTo("IMGEDGE-0101");
    assertThat(e.getMessage())
        .startsWith("invalid value for '" + parameter + "'")
        .contains(parameter + " accepts")
        .contains(accepts);
  }

  @Test
  void parse_badValue_messageQuotesTheValueAbbreviatedAndPrintable() {
    String longValue = "x".repeat(200);
    assertThatThrownBy(() -> parser.parse("format=" + longValue))
        .hasMessageContaining("\"" + "x".repeat(61) + "...\"")
        .hasMessageNotContaining("x".repeat(65));
    assertThatThrownBy(() -> parser.parse("format=p%0Ang")).hasMessageContaining("\"p?ng\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      crop=4:3                          | crop=4:3
      crop=640,480,x10,y20              | crop=640,480,x10,y20
      crop=0.5,50p,offset-x50,offset-y10 | crop=50p,50p,offset-y10
      crop=1.91:1,smart                 | crop=1.91:1,smart
      crop=16:9,safe,offset-x0          | crop=16:9,offset-x0,safe
      precrop=100,100,y5                | precrop=100,100,y5
      trim=10                           | trim=10
      trim=10,20,10,20                  | trim=10,20
      trim=0                            |
      trim=0.1,5p,0,1                   | trim=10p,5p,0,1
      trim-color=auto                   | trim-color=auto
      trim-color=FFF,t0.3               | trim-color=ffffffff,t0.3
      trim-color=255,255,255,0.5,t0.04  | trim-color=ffffff80
      pad=10&canvas=400,300             | canvas=400,300
      pad=0,0                           |
      canvas=16:9,x0,offset-y100        | canvas=16:9,x0,offset-y100
      brightness=0&contrast=+10&saturation=-100 | contrast=10&saturation=-100
      sharpen=t3,r2,a5                  | sharpen=a5,r2,t3
      sharpen=a0                        |
      blur=2.50                         | blur=2.5
      blur=1.5p                         | blur=1.5p
      bw=threshold                      | bw=threshold,49
      bw=ATKINSON                       | bw=atkinson
      frame=1&metadata=copyright,c2pa   | frame=1&metadata=copyright
      format=avif                       | format=avif
      format=jxl&auto=avif,webp         | format=jxl&auto=avif,webp
      format=webpll&auto=webp           | format=webpll
      format=png8&optimize=high         | format=png8&optimize=high
      optimize=low&quality=70           | quality=70
      """)
  void parse_newParameters_canonicalForm(String query, String canonical) {
    TransformSpec spec = parser.parse(query);
    assertThat(spec.canonical()).isEqualTo(canonical == null ? "" : canonical);
    assertThat(parser.parse(spec.canonical())).isEqualTo(spec);
  }

  @Test
  void parseWithWarnings_reportsIgnoredParameters() {
    var parsed = parser.parseWithWarnings("pad=10&canvas=400,300&format=avif&profile=high&dpr=2");
    assertThat(parsed.warnings())
        .hasSize(3)
        .anyMatch(w -> w.contains("pad is ignored"))
        .anyMatch(w -> w.contains("profile"))
        .anyMatch(w -> w.contains("dpr"));
    assertThat(parser.parseWithWarnings("width=10").warnings()).isEmpty();
  }

  @Test
  void mp4_profileAndLevel_areCanonical_andDefaultsNormaliseAway() {
    assertThat(parser.parse("level=4&format=MP4&profile=High").canonical())
        .isEqualTo("format=mp4&profile=high&level=4.0");
    assertThat(parser.parse("format=mp4&profile=baseline&level=3.0").canonical())
        .isEqualTo("format=mp4");
    assertThat(parser.parse("format=mp4&profile=main&level=5.2").output().h264())
        .isEqualTo(new H264(H264.Profile.MAIN, 52));
    var spec = parser.parse("format=mp4&profile=high&level=6.2");
    assertThat(parser.parse(spec.canonical())).isEqualTo(spec);
  }

  @Test
  void mp4_profileWithoutLevel_takesBothDefaults_asFastlyDocuments() {
    var parsed = parser.parseWithWarnings("format=mp4&profile=high");
    assertThat(parsed.spec().output().h264()).isEqualTo(H264.DEFAULT);
    assertThat(parsed.warnings()).singleElement().asString().contains("only together with level");
    var other = parser.parseWithWarnings("format=gif&profile=high&level=4.0");
    assertThat(other.spec().canonical()).isEqualTo("format=gif");
    assertThat(other.warnings()).singleElement().asString().contains("format=mp4 only");
  }

  @ParameterizedTest
  @CsvSource({
    "profile=extended&level=3.0, profile",
    "profile=high&level=1.4, level",
    "profile=high&level=7.0, level",
    "profile=high&level=3.10, level",
    "level=abc, level",
    "profile=, profile"
  })
  void mp4_badProfileOrLevel_isRefused_namingIt(String query, String parameter) {
    assertThatThrownBy(() -> parser.parse("format=mp4&" + query))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'" + parameter + "'");
    assertThatThrownBy(() -> parser.parse("format=gif&" + query))
        .as("refused whatever the format")
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void spec_onlyQuality() {
    assertThat(parser.parse("quality=50").onlyQuality()).isTrue();
    assertThat(TransformSpec.NONE.onlyQuality()).isTrue();
    assertThat(parser.parse("quality=50&width=10").onlyQuality()).isFalse();
    assertThat(parser.parse("format=png").onlyQuality()).isFalse();
  }

  @Test
  void spec_rejectsNonCanonicalConstruction() {
    assertThatThrownBy(
            () -> new Output(false, false, OutputTarget.SOURCE, List.of(), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Output(false, false, null, List.of(OutputTarget.JXL), null, null, null))
        .as("auto= negotiates AVIF and WebP only")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Sizing(new Length.Pixels(1), null, 1000, Fit.CROP, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sizing(null, null, 999, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Output(false, false, null, List.of(), Optimize.LOW, 80, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Region(
                    new Size.Dimensions(new Length.Pixels(1), new Length.Pixels(1)),
                    null,
                    false,
                    true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<List<String>> permutations(List<String> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<String>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<String> rest = new ArrayList<>(items);
      String head = rest.remove(i);
      for (List<String> tail : permutations(rest)) {
        List<String> p = new ArrayList<>();
        p.add(head);
        p.addAll(tail);
        all.add(p);
      }
    }
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"quality=", "quality=,"})
  void parse_emptyQuality_isRejected(String query) {
    assertThatThrownBy(() -> new TransformSpecParser(TransformDefaults.FASTLY).parse(query))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'quality'");
  }

  @Test
  void parse_qualityEqualToSomeDefaultsOnly_isKept() {
    TransformSpec spec = new TransformSpecParser(TransformDefaults.FASTLY).parse("quality=85");
    assertThat(spec.quality()).as("85 is JPEG's and WebP's default, not AVIF's").isEqualTo(85);
  }

  @Test
  void parse_canonicalWithOnlyAWebpQuality_roundTrips() {
    TransformSpecParser parser = new TransformSpecParser(ALL_85);
    TransformSpec spec = parser.parse("quality=85,70");
    assertThat(spec.canonical()).isEqualTo("quality=,70");
    assertThat(parser.parse(spec.canonical())).isEqualTo(spec);
  }
}
