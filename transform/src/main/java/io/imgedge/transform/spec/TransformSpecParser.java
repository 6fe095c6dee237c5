package io.imgedge.transform.spec;

import io.imgedge.transform.InvalidParameterException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** Fastly parameters imgedge knows but does not implement: ignored with a warning. */
  private static final List<String> UNSUPPORTED = List.of("viewbox", "region");

  /** The overlay's sub-parameters: read from the overlay header, never from a public query. */
  private static final List<String> OVERLAY =
      List.of(
          "overlay",
          "overlay-base64",
          "overlay-align",
          "overlay-width",
          "overlay-height",
          "overlay-pad",
          "overlay-repeat");

  /** The longest overlay path accepted. */
  private static final int MAX_OVERLAY_PATH = 1024;

  private final TransformDefaults defaults;

  /**
   * @param defaults the service defaults, so that explicit default values normalise away
   */
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

  /**
   * Parses a raw query and reports what it ignored or replaced (e.g. {@code pad} beside {@code
   * canvas}, {@code metadata=c2pa}) as warnings for the {@code Imgedge-IO-Warning} header.
   *
   * @throws InvalidParameterException if a known parameter has a value it does not accept
   */
  public Parsed parseWithWarnings(@Nullable String rawQuery) {
    List<String> warnings = new ArrayList<>();
    TransformSpec spec = parse(decode(rawQuery), warnings);
    return new Parsed(spec, warnings);
  }

  /**
   * A spec and the warnings parsing it gave.
   *
   * @param spec the canonical spec
   * @param warnings non-fatal notes: parameters ignored or replaced
   */
  public record Parsed(TransformSpec spec, List<String> warnings) {
    /** Copies the warnings. */
    public Parsed {
      warnings = List.copyOf(warnings);
    }
  }

  /** Parses already decoded parameters (last value per name). */
  public TransformSpec parse(Map<String, String> params) {
    return parse(params, new ArrayList<>());
  }

  /**
   * Parses a canonical spec as nodes send it to each other ({@link TransformSpec#canonical()}),
   * overlay included: for the internal endpoints only, never for a public request's query.
   *
   * @throws InvalidParameterException if a parameter has a value it does not accept
   */
  public TransformSpec parseCanonical(@Nullable String canonical) {
    Map<String, String> params = decode(canonical);
    Map<String, String> overlay = new LinkedHashMap<>();
    for (String name : OVERLAY) {
      String v = params.remove(name);
      if (v != null) {
        overlay.put(name, v);
      }
    }
    TransformSpec spec = parse(params);
    return overlay.isEmpty() ? spec : spec.withOverlay(overlay(overlay));
  }

  /**
   * Parses the value of an {@code X-Fastly-Imageopto-Overlay} header (or an origin's {@code
   * overlay} setting, which has the same syntax): URL-encoded {@code overlay=/path} or {@code
   * overlay-base64=<base64url of the path>}, with optional {@code overlay-align}, {@code
   * overlay-width}, {@code overlay-height}, {@code overlay-pad} and {@code overlay-repeat}. Null or
   * blank gives null (no overlay).
   *
   * @throws InvalidParameterException if a sub-parameter is unknown, missing or has a bad value
   */
  public @Nullable Overlay parseOverlay(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Map<String, String> params = decode(value.trim());
    for (String name : params.keySet()) {
      if (!OVERLAY.contains(name)) {
        throw new InvalidParameterException(
            Overlay.HEADER, value, "only the sub-parameters " + String.join(", ", OVERLAY));
      }
    }
    return overlay(params);
  }

  private static Overlay overlay(Map<String, String> params) {
    String path = params.get("overlay");
    String base64 = params.get("overlay-base64");
    if (path != null && base64 != null) {
      throw new InvalidParameterException(
          "overlay-base64", base64, "a path only when overlay= is not also given");
    }
    if (path == null && base64 == null) {
      throw new InvalidParameterException(
          "overlay", "", "a root-relative path such as /logo.png (or overlay-base64=)");
    }
    String p = path != null ? overlayPath("overlay", path) : base64Path(base64);
    Overlay.Vertical[] v = {Overlay.Vertical.MIDDLE};
    Overlay.Horizontal[] h = {Overlay.Horizontal.CENTER};
    String align = params.get("overlay-align");
    if (align != null) {
      align(align, v, h);
    }
    String pad = params.get("overlay-pad");
    Sides sides = pad == null ? null : Values.sides("overlay-pad", pad, MAX_PIXELS);
    return new Overlay(
        p,
        v[0],
        h[0],
        overlayLength(params, "overlay-width"),
        overlayLength(params, "overlay-height"),
        sides == null || sides.isZero() ? null : sides,
        repeat(params.get("overlay-repeat")));
  }

  private static String overlayPath(String name, String path) {
    boolean ok =
        path.startsWith("/")
            && !path.startsWith("//")
            && path.length() <= MAX_OVERLAY_PATH
            && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '?' || c == '#')
            && java.util.Arrays.stream(path.split("/")).noneMatch(seg -> seg.equals(".."));
    if (!ok) {
      throw new InvalidParameterException(
          name,
          path,
          "a root-relative path of up to "
              + MAX_OVERLAY_PATH
              + " characters such as /logo.png, without a query, a fragment or '..'");
    }
    return path;
  }

  private static String base64Path(@Nullable String text) {
    String t = text == null ? "" : text.trim();
    byte[] bytes;
    try {
      bytes =
          java.util.Base64.getUrlDecoder()
              .decode(t.replace(' ', '-').replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          "overlay-base64",
          t,
          "the overlay's root-relative path in base64url, such as L2xvZ28ucG5n");
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    try {
      return overlayPath(
          "overlay-base64", decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidParameterException(
          "overlay-base64", t, "the base64url encoding of a UTF-8 path");
    }
  }

  private static void align(String text, Overlay.Vertical[] v, Overlay.Horizontal[] h) {
    String[] parts = text.toLowerCase(Locale.ROOT).split(",", -1);
    boolean vSeen = false;
    boolean hSeen = false;
    boolean ok = parts.length <= 2;
    for (int i = 0; ok && i < parts.length; i++) {
      switch (parts[i].trim()) {
        case "top", "middle", "bottom" -> {
          ok = !vSeen;
          vSeen = true;
          v[0] = Overlay.Vertical.valueOf(parts[i].trim().toUpperCase(Locale.ROOT));
        }
        case "left", "center", "right" -> {
          ok = !hSeen;
          hSeen = true;
          h[0] = Overlay.Horizontal.valueOf(parts[i].trim().toUpperCase(Locale.ROOT));
        }
        default -> ok = false;
      }
    }
    if (!ok) {
      throw new InvalidParameterException("overlay-align", text, Overlay.ALIGN_ACCEPTED);
    }
  }

  private static @Nullable Length overlayLength(Map<String, String> params, String name) {
    Length l = length(params, name);
    if (l instanceof Length.Relative(long ppm) && ppm > 1_000_000) {
      throw new InvalidParameterException(
          name,
          params.getOrDefault(name, ""),
          "pixels from 1 to "
              + MAX_PIXELS
              + ", a fraction such as 0.2, or a percentage up to 100p");
    }
    return l;
  }

  private static Overlay.Repeat repeat(@Nullable String v) {
    if (v == null) {
      return Overlay.Repeat.NONE;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "x" -> Overlay.Repeat.X;
      case "y" -> Overlay.Repeat.Y;
      case "both" -> Overlay.Repeat.BOTH;
      default -> throw new InvalidParameterException("overlay-repeat", v, Overlay.REPEAT_ACCEPTED);
    };
  }

  private TransformSpec parse(Map<String, String> params, List<String> warnings) {
    for (String name : UNSUPPORTED) {
      if (params.containsKey(name)) {
        warnings.add(name + " is not supported and was ignored");
      }
    }
    for (String name : OVERLAY) {
      if (params.containsKey(name)) {
        warnings.add(
            name
                + " is read only from the "
                + Overlay.HEADER
                + " header (when the operator trusts it), not from the query, and was ignored");
      }
    }
    return new TransformSpec(
        cropping(params),
        sizing(params, warnings),
        framing(params, warnings),
        adjustments(params),
        output(params, warnings));
  }

  private static Cropping cropping(Map<String, String> params) {
    String tc = params.get("trim-color");
    String precrop = params.get("precrop");
    String trim = params.get("trim");
    String crop = params.get("crop");
    Sides sides = trim == null ? null : Values.sides("trim", trim, Values.MAX_REGION_PIXELS);
    return new Cropping(
        tc == null ? null : trimColor(tc),
        precrop == null ? null : Values.region("precrop", precrop),
        sides == null || sides.isZero() ? null : sides,
        crop == null ? null : Values.region("crop", crop));
  }

  private Sizing sizing(Map<String, String> params, List<String> warnings) {
    Length width = length(params, "width");
    Length height = length(params, "height");
    int dpr = dpr(params.get("dpr"));
    if (dpr != 1000 && width == null && height == null) {
      dpr = 1000; // dpr has no effect without a size
      warnings.add("dpr has no effect without width or height and was ignored");
    }
    if (dpr != 1000
        && !(width instanceof Length.Relative)
        && !(height instanceof Length.Relative)
        && fitsScaled(width, dpr)
        && fitsScaled(height, dpr)) {
      width = scale(width, dpr);
      height = scale(height, dpr);
      dpr = 1000;
    }
    Fit fit =
        width != null && height != null ? fit(params.get("fit")) : checkedFit(params.get("fit"));
    if (fit == null && params.containsKey("fit") && (width == null || height == null)) {
      warnings.add("fit has no effect without both width and height and was ignored");
    }
    return new Sizing(
        width,
        height,
        dpr,
        fit,
        orient(params.get("orient")),
        filter(params.get("resize-filter")),
        upscale(params));
  }

  private static Framing framing(Map<String, String> params, List<String> warnings) {
    String pad = params.get("pad");
    String canvas = params.get("canvas");
    Sides sides = pad == null ? null : Values.sides("pad", pad, MAX_PIXELS);
    Canvas c = canvas == null ? null : Values.canvas(canvas, MAX_PIXELS);
    if (sides != null && c != null) {
      warnings.add("pad is ignored when canvas is given");
      sides = null;
    }
    return new Framing(
        sides == null || sides.isZero() ? null : sides, c, bgColor(params.get("bg-color")));
  }

  private static Adjustments adjustments(Map<String, String> params) {
    return new Adjustments(
        level(params, "brightness"),
        level(params, "contrast"),
        level(params, "saturation"),
        sharpen(params.get("sharpen")),
        blur(params.get("blur")),
        bw(params.get("bw")));
  }

  private Output output(Map<String, String> params, List<String> warnings) {
    OutputTarget format = format(params.get("format"));
    List<OutputTarget> auto =
        format == OutputTarget.AUTO
            ? List.of()
            : auto(params.get("auto")).stream().filter(t -> !sameFormat(t, format)).toList();
    int[] q = quality(params.get("quality"));
    Optimize optimize = optimize(params.get("optimize"));
    return new Output(
        frame(params.get("frame")),
        metadata(params.get("metadata"), warnings),
        format,
        auto,
        q[0] < 0 ? optimize : null,
        q[0] < 0 ? null : q[0],
        q[1] < 0 ? null : q[1],
        h264(params, format, warnings));
  }

  /**
   * {@code profile} and {@code level}, checked whatever the format; they count for {@code
   * format=mp4} only.
   */
  private static H264 h264(
      Map<String, String> params, @Nullable OutputTarget format, List<String> warnings) {
    String profile = params.get("profile");
    String level = params.get("level");
    if (format == OutputTarget.MP4) {
      return H264.parse(profile, level, warnings);
    }
    H264.parse(profile, level, new ArrayList<>()); // bad values are refused all the same
    if (profile != null || level != null) {
      warnings.add("profile and level apply to format=mp4 only and were ignored");
    }
    return H264.DEFAULT;
  }

  /** Whether negotiating {@code auto} could change nothing because {@code format=} asks for it. */
  private static boolean sameFormat(OutputTarget auto, @Nullable OutputTarget format) {
    return auto == OutputTarget.WEBP ? isWebp(format) : auto == format;
  }

  private static boolean isWebp(@Nullable OutputTarget t) {
    return t == OutputTarget.WEBP
        || t == OutputTarget.WEBP_LOSSLESS
        || t == OutputTarget.WEBP_LOSSY;
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
      case "avif" -> OutputTarget.AVIF;
      case "jxl", "jpegxl" -> OutputTarget.JXL;
      case "pjxl", "pjpegxl" -> OutputTarget.PROGRESSIVE_JXL;
      case "jpg", "jpeg" -> OutputTarget.JPEG;
      case "bjpg", "bjpeg" -> OutputTarget.BASELINE_JPEG;
      case "pjpg", "pjpeg" -> OutputTarget.PROGRESSIVE_JPEG;
      case "png" -> OutputTarget.PNG;
      case "png8" -> OutputTarget.PNG8;
      case "gif" -> OutputTarget.GIF;
      case "webp" -> OutputTarget.WEBP;
      case "webpll" -> OutputTarget.WEBP_LOSSLESS;
      case "webply" -> OutputTarget.WEBP_LOSSY;
      case "mp4" -> OutputTarget.MP4;
      default ->
          throw new InvalidParameterException(
              "format",
              v,
              "auto, avif, jxl (jpegxl), pjxl (pjpegxl), "
                  + "jpg (jpeg), bjpg (bjpeg), pjpg (pjpeg), png, png8, gif, webp, webpll, webply or mp4");
    };
  }

  static String formatName(OutputTarget target) {
    return switch (target) {
      case AUTO -> "auto";
      case JPEG -> "jpg";
      case BASELINE_JPEG -> "bjpg";
      case PROGRESSIVE_JPEG -> "pjpg";
      case PNG -> "png";
      case PNG8 -> "png8";
      case GIF -> "gif";
      case WEBP -> "webp";
      case WEBP_LOSSLESS -> "webpll";
      case WEBP_LOSSY -> "webply";
      case AVIF -> "avif";
      case JXL -> "jxl";
      case PROGRESSIVE_JXL -> "pjxl";
      case MP4 -> "mp4";
      case SOURCE -> throw new IllegalArgumentException("SOURCE has no format= name");
    };
  }

  /**
   * {@code auto=} takes a comma-separated list of {@code avif} and {@code webp}, in order of
   * preference; a repeated name counts once.
   */
  private static List<OutputTarget> auto(@Nullable String v) {
    if (v == null) {
      return List.of();
    }
    List<OutputTarget> auto = new ArrayList<>(2);
    for (String part : v.split(",")) {
      OutputTarget t =
          switch (part.trim().toLowerCase(Locale.ROOT)) {
            case "avif" -> OutputTarget.AVIF;
            case "webp" -> OutputTarget.WEBP;
            default ->
                throw new InvalidParameterException(
                    "auto", v, "avif, webp, or both in order of preference");
          };
      if (!auto.contains(t)) {
        auto.add(t);
      }
    }
    return auto;
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
    if (q == defaults.jpegQuality()
        && q == defaults.webpQuality()
        && q == defaults.avifQuality()
        && q == defaults.jxlQuality()) {
      q = -1; // the default of every lossy format: says nothing
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

  private static TrimColor trimColor(String v) {
    String text = v.trim().toLowerCase(Locale.ROOT);
    int threshold = TrimColor.DEFAULT_THRESHOLD_MILLI;
    int comma = text.lastIndexOf(',');
    if (comma >= 0 && text.substring(comma + 1).trim().startsWith("t")) {
      long t = Values.milli(text.substring(comma + 1).trim().substring(1));
      if (t < 0 || t > 1000) {
        throw new InvalidParameterException("trim-color", v, TrimColor.ACCEPTED);
      }
      threshold = (int) t;
      text = text.substring(0, comma);
    }
    if (text.trim().equals("auto")) {
      return new TrimColor(null, threshold);
    }
    Rgba color = Rgba.parse(text);
    if (color == null) {
      throw new InvalidParameterException("trim-color", v, TrimColor.ACCEPTED);
    }
    return new TrimColor(color, threshold);
  }

  private static int level(Map<String, String> params, String name) {
    String v = params.get(name);
    return v == null ? 0 : Values.level(name, v);
  }

  private static @Nullable Sharpen sharpen(@Nullable String v) {
    if (v == null) {
      return null;
    }
    long[] arc = {-1, Sharpen.DEFAULT_RADIUS_MILLI, 0};
    boolean[] seen = new boolean[3];
    for (String part : v.toLowerCase(Locale.ROOT).split(",", -1)) {
      String p = part.trim();
      int i = p.isEmpty() ? -1 : "art".indexOf(p.charAt(0));
      long value = i < 0 ? -1 : Values.milli(p.substring(1));
      if (i < 0 || seen[i] || value < 0) {
        throw new InvalidParameterException("sharpen", v, Sharpen.ACCEPTED);
      }
      seen[i] = true;
      arc[i] = value;
    }
    boolean ok =
        arc[0] >= 0
            && arc[0] <= 10_000
            && arc[1] >= 500
            && arc[1] <= 1_000_000
            && arc[2] % 1000 == 0
            && arc[2] <= 255_000;
    if (!ok) {
      throw new InvalidParameterException("sharpen", v, Sharpen.ACCEPTED);
    }
    return arc[0] == 0 ? null : new Sharpen((int) arc[0], (int) arc[1], (int) (arc[2] / 1000));
  }

  private static @Nullable Blur blur(@Nullable String v) {
    if (v == null) {
      return null;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    boolean relative = t.endsWith("p");
    long milli = Values.milli(relative ? t.substring(0, t.length() - 1) : t);
    boolean ok = relative ? milli > 0 && milli <= 100_000 : milli >= 500 && milli <= 1_000_000;
    if (!ok) {
      throw new InvalidParameterException("blur", v, Blur.ACCEPTED);
    }
    return new Blur(milli, relative);
  }

  private static @Nullable BlackWhite bw(@Nullable String v) {
    if (v == null) {
      return null;
    }
    String[] parts = v.trim().toLowerCase(Locale.ROOT).split(",", -1);
    if (parts.length == 1 && parts[0].equals("atkinson")) {
      return new BlackWhite.Atkinson();
    }
    if (parts[0].equals("threshold") && parts.length <= 2) {
      if (parts.length == 1) {
        return new BlackWhite.Threshold(BlackWhite.DEFAULT_LUMINANCE);
      }
      if (parts[1].trim().matches("\\d{1,3}") && Integer.parseInt(parts[1].trim()) <= 100) {
        return new BlackWhite.Threshold(Integer.parseInt(parts[1].trim()));
      }
    }
    throw new InvalidParameterException("bw", v, BlackWhite.ACCEPTED);
  }

  private static boolean frame(@Nullable String v) {
    if (v == null) {
      return false;
    }
    if (!v.trim().equals("1")) {
      throw new InvalidParameterException(
          "frame", v, "1 (the first frame; the only value supported)");
    }
    return true;
  }

  private static boolean metadata(@Nullable String v, List<String> warnings) {
    if (v == null) {
      return false;
    }
    boolean copyright = false;
    for (String part : v.toLowerCase(Locale.ROOT).split(",", -1)) {
      switch (part.trim()) {
        case "copyright" -> copyright = true;
        case "c2pa" -> warnings.add("metadata=c2pa is not supported and was ignored");
        default ->
            throw new InvalidParameterException("metadata", v, "copyright, c2pa or copyright,c2pa");
      }
    }
    return copyright;
  }

  private static @Nullable Optimize optimize(@Nullable String v) {
    if (v == null) {
      return null;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "low" -> Optimize.LOW;
      case "medium" -> Optimize.MEDIUM;
      case "high" -> Optimize.HIGH;
      default -> throw new InvalidParameterException("optimize", v, "low, medium or high");
    };
  }

  static String formatMilli(long milli) {
    String s = String.format(Locale.ROOT, "%d.%03d", milli / 1000, milli % 1000);
    return s.replaceAll("\\.?0+$", "");
  }
}
