package io.imgedge.transform.spec;

import io.imgedge.transform.InvalidParameterException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses Fastly Image Optimizer query parameters into a canonical {@link TransformSpec}.
 *
 * <p>Unknown parameters are ignored, as Fastly does. A known parameter with a bad value fails with
 * an {@link InvalidParameterException} that names the parameter and what it accepts. When a
 * parameter repeats, the last value wins.
 */
public final class TransformSpecParser {
  /** Largest width or height in pixels a request may ask for (Fastly's output limit). */
  public static final int MAX_PIXELS = 8192;

  private static final int MAX_PERCENT = 10_000;
  private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
  private static final Pattern FRACTION = Pattern.compile("0?\\.\\d{1,9}");
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,4})?)p");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{1,9})?");
  private static final String LENGTH_ACCEPTS =
      "pixels from 1 to " + MAX_PIXELS + ", a fraction such as 0.5, or a percentage such as 50p";

  private final TransformDefaults defaults;

  /** @param defaults the service defaults, so that explicit default values normalise away */
  public TransformSpecParser(TransformDefaults defaults) {
    this.defaults = defaults;
  }

  /**
   * Parses a raw, URL-encoded query string (without the {@code ?}); null or empty gives {@link
   * TransformSpec#NONE}.
   *
   * @throws InvalidParameterException if a known parameter has a value it does not accept
   */
  public TransformSpec parse(@Nullable String rawQuery) {
    return parse(decode(rawQuery));
  }

  /** Parses already decoded parameters (last value per name). */
  public TransformSpec parse(Map<String, String> params) {
    Length width = length(params, "width");
    Length height = length(params, "height");
    int dpr = dpr(params.get("dpr"));
    if (dpr != 1000 && width == null && height == null) {
      dpr = 1000; // dpr has no effect without a size
    }
    if (dpr != 1000 && !(width instanceof Length.Relative) && !(height instanceof Length.Relative)
        && fitsScaled(width, dpr) && fitsScaled(height, dpr)) {
      width = scale(width, dpr);
      height = scale(height, dpr);
      dpr = 1000;
    }
    Fit fit = width != null && height != null ? fit(params.get("fit")) : checkedFit(params.get("fit"));
    OutputTarget format = format(params.get("format"));
    boolean autoWebp = autoWebp(params.get("auto")) && format != OutputTarget.AUTO
        && format != OutputTarget.WEBP;
    int[] q = quality(params.get("quality"));
    return new TransformSpec(
        width, height, dpr, fit, format, q[0] < 0 ? null : q[0], q[1] < 0 ? null : q[1], autoWebp,
        orient(params.get("orient")), bgColor(params.get("bg-color")), upscale(params),
        filter(params.get("resize-filter")));
  }

  static Map<String, String> decode(@Nullable String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(urlDecode(name, name), urlDecode(name, value));
    }
    return params;
  }

  private static String urlDecode(String parameter, String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, text, "a correctly URL-encoded value");
    }
  }

  private static @Nullable Length length(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null) {
      return null;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (INTEGER.matcher(t).matches()) {
      long px = Long.parseLong(t);
      if (px >= 1 && px <= MAX_PIXELS) {
        return new Length.Pixels((int) px);
      }
    } else if (FRACTION.matcher(t).matches()) {
      long ppm = Math.round(Double.parseDouble(t) * 1_000_000);
      if (ppm > 0 && ppm < 1_000_000) {
        return new Length.Relative(ppm);
      }
    } else {
      var m = PERCENT.matcher(t);
      if (m.matches()) {
        double percent = Double.parseDouble(m.group(1));
        long ppm = Math.round(percent * 10_000);
        if (ppm > 0 && percent <= MAX_PERCENT) {
          return new Length.Relative(ppm);
        }
      }
    }
    throw new InvalidParameterException(name, v, LENGTH_ACCEPTS);
  }

  private static @Nullable Length scale(@Nullable Length length, int dprMilli) {
    if (length instanceof Length.Pixels(int value)) {
      return new Length.Pixels((int) Math.max(1, Math.round(value * (dprMilli / 1000.0))));
    }
    return length;
  }

  /** Whether a size times the dpr can still be written as {@code width=}; if not, dpr is kept. */
  private static boolean fitsScaled(@Nullable Length length, int dprMilli) {
    return !(length instanceof Length.Pixels(int value))
        || Math.round(value * (dprMilli / 1000.0)) <= MAX_PIXELS;
  }

  private static int dpr(@Nullable String v) {
    if (v == null) {
      return 1000;
    }
    String t = v.trim();
    if (DECIMAL.matcher(t).matches()) {
      double d = Double.parseDouble(t);
      if (d >= 1 && d <= 10) {
        return (int) Math.round(d * 1000);
      }
    }
    throw new InvalidParameterException("dpr", v, "a number from 1 to 10, such as 2 or 1.5");
  }

  private static @Nullable Fit checkedFit(@Nullable String v) {
    fit(v); // validate even when it has no effect
    return null;
  }

  private static @Nullable Fit fit(@Nullable String v) {
    if (v == null) {
      return null;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "bounds" -> Fit.BOUNDS;
      case "cover" -> Fit.COVER;
      case "crop" -> Fit.CROP;
      default -> throw new InvalidParameterException("fit", v, "bounds, cover or crop");
    };
  }

  private static @Nullable OutputTarget format(@Nullable String v) {
    if (v == null) {
      return null;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> OutputTarget.AUTO;
      case "jpg", "jpeg" -> OutputTarget.JPEG;
      case "bjpg", "bjpeg" -> OutputTarget.BASELINE_JPEG;
      case "pjpg", "pjpeg" -> OutputTarget.PROGRESSIVE_JPEG;
      case "png" -> OutputTarget.PNG;
      case "gif" -> OutputTarget.GIF;
      case "webp" -> OutputTarget.WEBP;
      default ->
          throw new InvalidParameterException(
              "format", v, "auto, jpg (jpeg), bjpg (bjpeg), pjpg (pjpeg), png, gif or webp");
    };
  }

  static String formatName(OutputTarget target) {
    return switch (target) {
      case AUTO -> "auto";
      case JPEG -> "jpg";
      case BASELINE_JPEG -> "bjpg";
      case PROGRESSIVE_JPEG -> "pjpg";
      case PNG -> "png";
      case GIF -> "gif";
      case WEBP -> "webp";
      case SOURCE -> throw new IllegalArgumentException("SOURCE has no format= name");
    };
  }

  /** {@code auto=} takes a comma-separated list; webp is honoured, avif is not available yet. */
  private static boolean autoWebp(@Nullable String v) {
    if (v == null) {
      return false;
    }
    boolean webp = false;
    for (String part : v.split(",")) {
      switch (part.trim().toLowerCase(Locale.ROOT)) {
        case "webp" -> webp = true;
        case "avif" -> { } // no AVIF encoder here: documented fallback to the other choices
        default -> throw new InvalidParameterException("auto", v, "webp or avif");
      }
    }
    return webp;
  }

  /** Returns {quality, webpQuality}, -1 for absent, after dropping values equal to the defaults. */
  private int[] quality(@Nullable String v) {
    if (v == null) {
      return new int[] {-1, -1};
    }
    String[] parts = v.split(",", -1);
    if (parts.length > 2) {
      throw qualityError(v);
    }
    int q = qualityValue(parts[0], v);
    int qWebp = parts.length == 2 ? qualityValue(parts[1], v) : -1;
    if (q < 0 && qWebp < 0) {
      throw qualityError(v); // "quality=" and "quality=," say nothing
    }
    if (qWebp == q || (qWebp == defaults.webpQuality() && q < 0)) {
      qWebp = -1;
    }
    if (q == defaults.jpegQuality() && q == defaults.webpQuality()) {
      q = -1;
    }
    return new int[] {q, qWebp};
  }

  private static int qualityValue(String part, String whole) {
    String t = part.trim();
    if (t.isEmpty()) {
      return -1;
    }
    if (t.matches("\\d{1,3}")) {
      int q = Integer.parseInt(t);
      if (q >= 1 && q <= 100) {
        return q;
      }
    }
    throw qualityError(whole);
  }

  private static InvalidParameterException qualityError(String v) {
    return new InvalidParameterException(
        "quality", v, "a number from 1 to 100, or two separated by a comma (quality,webp-quality)");
  }

  private static @Nullable Orientation orient(@Nullable String v) {
    if (v == null) {
      return null;
    }
    Orientation o = Orientation.parse(v);
    if (o == null) {
      throw new InvalidParameterException("orient", v, Orientation.ACCEPTED);
    }
    return o == Orientation.NORMAL ? null : o;
  }

  private static @Nullable Rgba bgColor(@Nullable String v) {
    if (v == null) {
      return null;
    }
    Rgba c = Rgba.parse(v);
    if (c == null) {
      throw new InvalidParameterException("bg-color", v, Rgba.ACCEPTED);
    }
    return c;
  }

  private @Nullable Boolean upscale(Map<String, String> params) {
    Boolean upscale = null;
    for (String name : new String[] {"enable", "disable"}) {
      String v = params.get(name);
      if (v == null) {
        continue;
      }
      if (!v.trim().equalsIgnoreCase("upscale")) {
        throw new InvalidParameterException(name, v, "upscale");
      }
      upscale = name.equals("enable");
    }
    return upscale == null || upscale == defaults.upscale() ? null : upscale;
  }

  private @Nullable ResizeFilter filter(@Nullable String v) {
    if (v == null) {
      return null;
    }
    ResizeFilter f = ResizeFilter.parse(v);
    if (f == null) {
      throw new InvalidParameterException("resize-filter", v, ResizeFilter.ACCEPTED);
    }
    return f == defaults.resizeFilter() ? null : f;
  }

  static String formatMilli(int milli) {
    String s = String.format(Locale.ROOT, "%d.%03d", milli / 1000, milli % 1000);
    return s.replaceAll("\\.?0+$", "");
  }
}
