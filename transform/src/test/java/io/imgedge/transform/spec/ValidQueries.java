package io.imgedge.transform.spec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random valid Fastly IO queries for property tests: every parameter, every kind of value and
 * spelling (aliases, case, percent-encoding), each drawn from a {@link Random}.
 */
public final class ValidQueries {
  private ValidQueries() {}

  /** One generator per parameter, each returning {@code name=value} (value percent-encoded). */
  public static final Map<String, Function<Random, String>> PARAMETERS = parameters();

  private static Map<String, Function<Random, String>> parameters() {
    Map<String, Function<Random, String>> p = new LinkedHashMap<>();
    param(p, "width", ValidQueries::length);
    param(p, "height", ValidQueries::length);
    param(p, "dpr", ValidQueries::dpr);
    param(p, "fit", x -> pick(x, "bounds", "cover", "crop", "CROP"));
    param(
        p,
        "format",
        x ->
            pick(
                x, "auto", "jpg", "jpeg", "bjpg", "bjpeg", "pjpg", "pjpeg", "png", "png8", "gif",
                "webp", "webpll", "webply", "avif", "jxl", "jpegxl", "pjxl"));
    param(p, "auto", x -> pick(x, "webp", "avif", "webp,avif", "avif,webp"));
    param(p, "quality", ValidQueries::quality);
    param(
        p,
        "orient",
        x ->
            pick(
                x, "r", "l", "h", "v", "hv", "vh", "rv", "vr", "lv", "vl", "1", "2", "3", "4", "5",
                "6", "7", "8"));
    param(p, "bg-color", ValidQueries::color);
    p.put("upscale", x -> pick(x, "enable", "disable") + "=upscale");
    param(
        p,
        "resize-filter",
        x ->
            pick(
                x,
                "nearest",
                "bilinear",
                "linear",
                "bicubic",
                "cubic",
                "lanczos2",
                "lanczos3",
                "lanczos"));
    param(p, "trim-color", ValidQueries::trimColor);
    param(p, "precrop", ValidQueries::region);
    param(p, "trim", ValidQueries::sides);
    param(p, "crop", ValidQueries::region);
    param(p, "pad", ValidQueries::sides);
    param(p, "canvas", x -> size(x) + (x.nextBoolean() ? "" : "," + position(x)));
    param(p, "brightness", x -> Integer.toString(x.nextInt(201) - 100));
    param(p, "contrast", x -> pick(x, "+", "") + x.nextInt(101));
    param(p, "saturation", x -> Integer.toString(x.nextInt(201) - 100));
    param(p, "sharpen", ValidQueries::sharpen);
    param(p, "blur", x -> x.nextBoolean() ? decimal(x, 1, 999) : decimal(x, 1, 99) + "p");
    param(p, "bw", x -> pick(x, "threshold", "atkinson", "threshold," + x.nextInt(101)));
    param(p, "frame", x -> "1");
    param(p, "metadata", x -> pick(x, "copyright", "c2pa", "copyright,c2pa"));
    param(p, "optimize", x -> pick(x, "low", "medium", "high", "HIGH"));
    param(p, "utm_campaign", x -> "spring" + x.nextInt(100));
    return Collections.unmodifiableMap(p);
  }

  private static void param(
      Map<String, Function<Random, String>> p, String name, Function<Random, String> value) {
    p.put(name, r -> name + "=" + URLEncoder.encode(value.apply(r), StandardCharsets.UTF_8));
  }

  /**
   * A random valid query's parameters: each one with probability 1/3 (now and then none but a
   * tracking one).
   */
  public static List<String> randomParams(Random r) {
    List<String> params = new ArrayList<>();
    if (r.nextInt(40) == 0) {
      params.add("utm_campaign=none");
      return params;
    }
    for (Function<Random, String> p : PARAMETERS.values()) {
      if (r.nextInt(3) == 0) {
        params.add(p.apply(r));
      }
    }
    return params;
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
      default ->
          r.nextInt(256)
              + ","
              + r.nextInt(256)
              + ","
              + r.nextInt(256)
              + ","
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
    String x =
        switch (r.nextInt(3)) {
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
    return r.nextBoolean() || whole == max
        ? Integer.toString(whole)
        : whole + "." + (1 + r.nextInt(99));
  }

  private static String pick(Random r, String... choices) {
    return choices[r.nextInt(choices.length)];
  }
}
