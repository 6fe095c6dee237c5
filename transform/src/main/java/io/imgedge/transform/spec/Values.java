package io.imgedge.transform.spec;

import io.imgedge.transform.InvalidParameterException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the value syntaxes Fastly's parameters share: lengths (pixels, fractions, {@code Np}),
 * CSS-style sides, sizes and ratios, positions, regions, and decimals. Every failure names the
 * parameter and the accepted form.
 */
final class Values {
  /** Largest pixel count a region, side or position may give. */
  static final int MAX_REGION_PIXELS = 65_535;

  private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
  private static final Pattern FRACTION = Pattern.compile("0?\\.\\d{1,9}");
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,4})?)p");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,7}(?:\\.\\d{1,9})?|\\.\\d{1,9}");
  private static final Pattern SIGNED = Pattern.compile("[+-]?\\d{1,3}");
  private static final int MAX_PERCENT = 10_000;

  private Values() {}

  /**
   * A length: pixels from {@code min} to {@code maxPixels}, a fraction {@code 0 < v < 1}, or a
   * percentage {@code Np} (0 allowed when {@code min} is 0); null if the text is none of these.
   */
  static @Nullable Length length(String text, int min, int maxPixels) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (INTEGER.matcher(t).matches()) {
      long px = Long.parseLong(t);
      return px >= min && px <= maxPixels ? new Length.Pixels((int) px) : null;
    }
    if (FRACTION.matcher(t).matches()) {
      long ppm = Math.round(Double.parseDouble(t) * 1_000_000);
      return ppm > 0 && ppm < 1_000_000 ? new Length.Relative(ppm) : null;
    }
    Matcher m = PERCENT.matcher(t);
    if (m.matches()) {
      double percent = Double.parseDouble(m.group(1));
      long ppm = Math.round(percent * 10_000);
      return (ppm > 0 || min == 0) && percent <= MAX_PERCENT ? new Length.Relative(ppm) : null;
    }
    return null;
  }

  /** A decimal number in thousandths, or -1 if the text is not a plain decimal. */
  static long milli(String text) {
    String t = text.trim();
    if (!DECIMAL.matcher(t).matches()) {
      return -1;
    }
    return Math.round(Double.parseDouble(t) * 1000);
  }

  /** An integer from -100 to 100 ({@code brightness}, {@code contrast}, {@code saturation}). */
  static int level(String name, String text) {
    String t = text.trim();
    if (SIGNED.matcher(t).matches()) {
      int v = Integer.parseInt(t);
      if (v >= -100 && v <= 100) {
        return v;
      }
    }
    throw new InvalidParameterException(name, text, "a whole number from -100 to 100");
  }

  /** CSS-style sides: 1 to 4 lengths, each pixels from 0, fractions or percentages. */
  static Sides sides(String name, String text, int maxPixels) {
    String[] parts = text.split(",", -1);
    if (parts.length < 1 || parts.length > 4) {
      throw new InvalidParameterException(name, text, Sides.ACCEPTED);
    }
    Length[] v = new Length[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Length side = length(parts[i], 0, maxPixels);
      if (side == null) {
        throw new InvalidParameterException(name, text, Sides.ACCEPTED);
      }
      v[i] = side;
    }
    return switch (v.length) {
      case 1 -> new Sides(v[0], v[0], v[0], v[0]);
      case 2 -> new Sides(v[0], v[1], v[0], v[1]);
      case 3 -> new Sides(v[0], v[1], v[2], v[1]);
      default -> new Sides(v[0], v[1], v[2], v[3]);
    };
  }

  /**
   * A region ({@code crop}, {@code precrop}): {@code W,H} or {@code W:H}, then position tokens and
   * {@code safe}/{@code smart}.
   */
  static Region region(String name, String text) {
    List<String> tokens =
        Arrays.stream(text.split(",", -1)).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    int[] used = new int[1];
    Size size = size(name, text, tokens, used, MAX_REGION_PIXELS, Region.ACCEPTED);
    boolean safe = false;
    boolean smart = false;
    PositionBuilder position = new PositionBuilder(name, text, Region.ACCEPTED);
    for (String token : tokens.subList(used[0], tokens.size())) {
      if (token.equals("safe") && !safe) {
        safe = true;
      } else if (token.equals("smart") && !smart) {
        smart = true;
      } else {
        position.add(token);
      }
    }
    if (smart && !(size instanceof Size.Ratio)) {
      throw new InvalidParameterException(
          name, text, "a ratio with smart, such as 1:1,smart; " + Region.ACCEPTED);
    }
    return new Region(size, position.build(), safe, smart);
  }

  /**
   * A canvas: {@code W,H} (pixels up to the output limit, or relative) or {@code W:H}, then a
   * position.
   */
  static Canvas canvas(String text, int maxPixels) {
    List<String> tokens =
        Arrays.stream(text.split(",", -1)).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    int[] used = new int[1];
    Size size = size("canvas", text, tokens, used, maxPixels, Canvas.ACCEPTED);
    PositionBuilder position = new PositionBuilder("canvas", text, Canvas.ACCEPTED);
    tokens.subList(used[0], tokens.size()).forEach(position::add);
    return new Canvas(size, position.build());
  }

  private static Size size(
      String name, String text, List<String> tokens, int[] used, int maxPixels, String accepted) {
    String first = tokens.get(0);
    if (first.contains(":")) {
      String[] wh = first.split(":", -1);
      long w = wh.length == 2 ? milli(wh[0]) : -1;
      long h = wh.length == 2 ? milli(wh[1]) : -1;
      if (w <= 0 || h <= 0 || w > 1_000_000_000L || h > 1_000_000_000L) {
        throw new InvalidParameterException(name, text, accepted);
      }
      used[0] = 1;
      return new Size.Ratio(w, h);
    }
    Length w = length(first, 1, maxPixels);
    Length h = tokens.size() > 1 ? length(tokens.get(1), 1, maxPixels) : null;
    if (w == null || h == null) {
      throw new InvalidParameterException(name, text, accepted);
    }
    used[0] = 2;
    return new Size.Dimensions(w, h);
  }

  /** Collects {@code x}, {@code y}, {@code offset-x} and {@code offset-y} tokens, one per axis. */
  private static final class PositionBuilder {
    private final String name;
    private final String text;
    private final String accepted;
    private Position.@Nullable Coordinate x;
    private Position.@Nullable Coordinate y;
    private boolean xSet;
    private boolean ySet;

    PositionBuilder(String name, String text, String accepted) {
      this.name = name;
      this.text = text;
      this.accepted = accepted;
    }

    void add(String token) {
      boolean offset = token.startsWith("offset-");
      String t = offset ? token.substring(7) : token;
      if (t.isEmpty() || (t.charAt(0) != 'x' && t.charAt(0) != 'y')) {
        throw new InvalidParameterException(name, text, accepted);
      }
      boolean isX = t.charAt(0) == 'x';
      if (isX ? xSet : ySet) {
        throw new InvalidParameterException(name, text, "one placement per axis; " + accepted);
      }
      Position.Coordinate c = offset ? offset(t.substring(1)) : at(t.substring(1));
      if (isX) {
        x = c;
        xSet = true;
      } else {
        y = c;
        ySet = true;
      }
    }

    private Position.@Nullable Coordinate offset(String value) {
      long m = milli(value);
      if (m < 0 || m > 100_000) {
        throw new InvalidParameterException(name, text, "offsets from 0 to 100; " + accepted);
      }
      return m == 50_000 ? null : new Position.Offset(m);
    }

    private Position.Coordinate at(String value) {
      Length l = length(value, 0, MAX_REGION_PIXELS);
      if (l == null) {
        throw new InvalidParameterException(name, text, accepted);
      }
      return new Position.At(l);
    }

    @Nullable Position build() {
      return x == null && y == null ? null : new Position(x, y);
    }
  }
}
