package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Property: for many random valid queries (fixed seed), the canonical form parses back to an equal
 * spec, is a fixed point, and does not depend on parameter order.
 */
class TransformSpecRoundTripTest {
  private static final long SEED = 0x1A9E_ED9EL;
  private static final int QUERIES = 3000;

  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @Test
  void parse_canonical_equalsSpec_forRandomValidQueries() {
    Random random = new Random(SEED);
    for (int i = 0; i < QUERIES; i++) {
      List<String> params = randomParams(random);
      String query = String.join("&", params);
      TransformSpec spec = parser.parse(query);

      TransformSpec reparsed = parser.parse(spec.canonical());

      assertThat(reparsed).as("query %s, canonical %s", query, spec.canonical()).isEqualTo(spec);
      assertThat(reparsed.canonical()).as("query %s", query).isEqualTo(spec.canonical());
      Collections.shuffle(params, random);
      assertThat(parser.parse(String.join("&", params))).as("shuffled %s", params).isEqualTo(spec);
    }
  }

  @Test
  void randomQueries_coverEveryKindOfValue() {
    Random random = new Random(SEED);
    List<TransformSpec> specs = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      specs.add(parser.parse(String.join("&", randomParams(random))));
    }
    assertThat(specs).anyMatch(s -> s.width() instanceof Length.Relative)
        .anyMatch(s -> s.height() instanceof Length.Pixels)
        .anyMatch(s -> s.dprMilli() != 1000)
        .anyMatch(s -> s.fit() != null)
        .anyMatch(s -> s.format() == OutputTarget.PROGRESSIVE_JPEG)
        .anyMatch(s -> s.webpQuality() != null && s.quality() == null)
        .anyMatch(s -> s.orient() == Orientation.TRANSVERSE)
        .anyMatch(s -> s.bgColor() != null && s.bgColor().alpha() < 255)
        .anyMatch(s -> Boolean.TRUE.equals(s.upscale()))
        .anyMatch(s -> s.resizeFilter() == ResizeFilter.NEAREST)
        .anyMatch(TransformSpec::autoWebp)
        .anyMatch(s -> s.cropping().trimColor() != null && s.cropping().trimColor().color() == null)
        .anyMatch(s -> s.cropping().precrop() != null && s.cropping().precrop().position() != null)
        .anyMatch(s -> s.cropping().crop() != null && s.cropping().crop().smart())
        .anyMatch(s -> s.cropping().crop() != null && s.cropping().crop().safe())
        .anyMatch(s -> s.cropping().trim() != null)
        .anyMatch(s -> s.framing().pad() != null)
        .anyMatch(s -> s.framing().canvas() != null && s.framing().canvas().size() instanceof Size.Ratio)
        .anyMatch(s -> s.adjustments().brightness() < 0 && s.adjustments().contrast() > 0)
        .anyMatch(s -> s.adjustments().saturation() != 0)
        .anyMatch(s -> s.adjustments().sharpen() != null)
        .anyMatch(s -> s.adjustments().blur() != null && s.adjustments().blur().relative())
        .anyMatch(s -> s.adjustments().bw() instanceof BlackWhite.Atkinson)
        .anyMatch(s -> s.output().firstFrame() && s.output().keepCopyright())
        .anyMatch(s -> s.output().optimize() == Optimize.HIGH)
        .anyMatch(s -> s.format() == OutputTarget.WEBP_LOSSLESS)
        .anyMatch(s -> s.format() == OutputTarget.PNG8)
        .anyMatch(s -> s.equals(TransformSpec.NONE));
    assertThat(specs.stream().map(TransformSpec::canonical).distinct().count())
        .as("mostly distinct").isGreaterThan(QUERIES * 3L / 4);
  }

  private static List<String> randomParams(Random r) {
    List<String> params = new ArrayList<>();
    if (r.nextInt(40) == 0) {
      params.add("utm_campaign=none");
      return params;
    }
    maybe(r, params, "width", TransformSpecRoundTripTest::length);
    maybe(r, params, "height", TransformSpecRoundTripTest::length);
    maybe(r, params, "dpr", TransformSpecRoundTripTest::dpr);
    maybe(r, params, "fit", x -> pick(x, "bounds", "cover", "crop", "CROP"));
    maybe(r, params, "format", x -> pick(x, "auto", "jpg", "jpeg", "bjpg", "bjpeg", "pjpg", "pjpeg",
        "png", "png8", "gif", "webp", "webpll", "webply", "avif"));
    maybe(r, params, "auto", x -> pick(x, "webp", "avif", "webp,avif", "avif,webp"));
    maybe(r, params, "quality", TransformSpecRoundTripTest::quality);
    maybe(r, params, "orient", x -> pick(x, "r", "l", "h", "v", "hv", "vh", "rv", "vr", "lv", "vl",
        "1", "2", "3", "4", "5", "6", "7", "8"));
    maybe(r, params, "bg-color", TransformSpecRoundTripTest::color);
    maybe(r, params, pick(r, "enable", "disable"), x -> "upscale");
    maybe(r, params, "resize-filter", x -> pick(x, "nearest", "bilinear", "linear", "bicubic",
        "cubic", "lanczos2", "lanczos3", "lanczos"));
    maybe(r, params, "trim-color", TransformSpecRoundTripTest::trimColor);
    maybe(r, params, "precrop", TransformSpecRoundTripTest::region);
    maybe(r, params, "trim", TransformSpecRoundTripTest::sides);
    maybe(r, params, "crop", TransformSpecRoundTripTest::region);
    maybe(r, params, "pad", TransformSpecRoundTripTest::sides);
    maybe(r, params, "canvas", x -> size(x) + (x.nextBoolean() ? "" : "," + position(x)));
    maybe(r, params, "brightness", x -> Integer.toString(x.nextInt(201) - 100));
    maybe(r, params, "contrast", x -> pick(x, "+", "") + x.nextInt(101));
    maybe(r, params, "saturation", x -> Integer.toString(x.nextInt(201) - 100));
    maybe(r, params, "sharpen", TransformSpecRoundTripTest::sharpen);
    maybe(r, params, "blur", x -> x.nextBoolean() ? decimal(x, 1, 999) : decimal(x, 1, 99) + "p");
    maybe(r, params, "bw", x -> pick(x, "threshold", "atkinson", "threshold," + x.nextInt(101)));
    maybe(r, params, "frame", x -> "1");
    maybe(r, params, "metadata", x -> pick(x, "copyright", "c2pa", "copyright,c2pa"));
    maybe(r, params, "optimize", x -> pick(x, "low", "medium", "high", "HIGH"));
    maybe(r, params, "utm_campaign", x -> "spring" + x.nextInt(100));
    return params;
  }

  private static void maybe(Random r, List<String> params, String name, Function<Random, String> value) {
    if (r.nextInt(3) == 0) {
      params.add(name + "=" + URLEncoder.encode(value.apply(r), StandardCharsets.UTF_8));
    }
  }

  private static String length(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> Integer.toString(1 + r.nextInt(8192));
      case 1 -> Integer.toString(1 + r.nextInt(2000));
      case 2 -> "0." + String.format("%06d", 1 + r.nextInt(999_999)).replaceAll("0+$", "");
      default -> {
        String whole = Integer.toString(r.nextInt(400));
        String frac = r.nextBoolean() ? "" : "." + (1 + r.nextInt(9999));
        yield (whole.equals("0") && frac.isEmpty() ? "1" : whole) + frac + "p";
      }
    };
  }

  private static String dpr(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> Integer.toString(1 + r.nextInt(10));
      case 1 -> pick(r, "1.5", "2.25", "3.333", "1.0005", "9.999", "10.0");
      default -> String.format(java.util.Locale.ROOT, "%.3f", 1 + 9 * r.nextDouble());
    };
  }

  private static String quality(Random r) {
    String q = Integer.toString(1 + r.nextInt(100));
    String qWebp = Integer.toString(1 + r.nextInt(100));
    return switch (r.nextInt(4)) {
      case 0 -> q;
      case 1 -> q + "," + qWebp;
      case 2 -> "," + qWebp;
      default -> pick(r, "85", "85,85", "85," + qWebp, q + ",85");
    };
  }

  private static String color(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> String.format("%03x", r.nextInt(0x1000));
      case 1 -> String.format("%06X", r.nextInt(0x1000000));
      case 2 -> r.nextInt(256) + "," + r.nextInt(256) + "," + r.nextInt(256);
      default -> r.nextInt(256) + "," + r.nextInt(256) + "," + r.nextInt(256) + ","
          + pick(r, "0", "1", "0.5", ".25", "0.333", "1.0");
    };
  }

  private static String trimColor(Random r) {
    String c = r.nextBoolean() ? "auto" : color(r);
    return r.nextBoolean() ? c : c + ",t" + pick(r, "0", "1", "0.3", ".04", "0.125");
  }

  private static String region(Random r) {
    String s = size(r);
    if (r.nextBoolean()) {
      s += "," + position(r);
    }
    if (r.nextInt(3) == 0) {
      s += ",safe";
    }
    if (s.contains(":") && r.nextInt(3) == 0) {
      s += ",smart";
    }
    return s;
  }

  private static String size(Random r) {
    return r.nextBoolean()
        ? (1 + r.nextInt(20)) + ":" + pick(r, "1", "2", "9", "1.5", "0.75")
        : length(r) + "," + length(r);
  }

  private static String position(Random r) {
    String x = switch (r.nextInt(3)) {
      case 0 -> "x" + r.nextInt(500);
      case 1 -> "x" + pick(r, "0.25", "10p", "0.5");
      default -> "offset-x" + pick(r, "0", "10", "50", "33.5", "100");
    };
    String y = r.nextBoolean() ? "y" + r.nextInt(500) : "offset-y" + r.nextInt(101);
    return switch (r.nextInt(3)) {
      case 0 -> x;
      case 1 -> y;
      default -> x + "," + y;
    };
  }

  private static String sides(Random r) {
    List<String> v = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      v.add(pick(r, Integer.toString(r.nextInt(200)), "0", "0.1", "5p", "12.5p"));
    }
    return String.join(",", v);
  }

  private static String sharpen(Random r) {
    List<String> parts = new ArrayList<>(List.of("a" + decimal(r, 0, 10)));
    if (r.nextBoolean()) {
      parts.add("r" + pick(r, "0.5", "1", "2", "3.75", "1000"));
    }
    if (r.nextBoolean()) {
      parts.add("t" + r.nextInt(256));
    }
    Collections.shuffle(parts, r);
    return String.join(",", parts);
  }

  private static String decimal(Random r, int min, int max) {
    int whole = min + r.nextInt(max - min + 1);
    return r.nextBoolean() || whole == max ? Integer.toString(whole) : whole + "." + (1 + r.nextInt(99));
  }

  private static String pick(Random r, String... choices) {
    return choices[r.nextInt(choices.length)];
  }
}
