package io.imgedge.transform.spec;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The canonical description of one derivative of a source image: what the Fastly IO query
 * parameters asked for, with aliases resolved, no-ops removed and values equal to the service's
 * defaults dropped. Two URLs that must produce the same bytes produce equal specs, whatever their
 * parameter order; {@link #canonical()} is their common query string and is part of the cache key.
 *
 * <p>Create one with {@link TransformSpecParser}; {@code parser.parse(spec.canonical())} returns
 * an equal spec.
 *
 * @param width requested width, or null
 * @param height requested height, or null
 * @param dprMilli device pixel ratio in thousandths (1000 = none). Folded into pixel sizes when
 *     parsing, so it is only kept when a size is relative or a folded size would exceed the
 *     largest a query may ask for (the plan then scales, and clamps to the output limit)
 * @param fit how to fit both sides; null (stretch to exactly width x height) or only set when both
 *     sides are given
 * @param format the {@code format=} target ({@link OutputTarget#AUTO} for {@code format=auto}), or
 *     null for the source's format; never {@link OutputTarget#SOURCE}
 * @param quality lossy quality 1-100, or null for the service default
 * @param webpQuality quality when negotiation picks WebP ({@code quality=q,qwebp}), or null
 * @param autoWebp {@code auto=webp}: WebP for clients that accept it
 * @param orient an explicit rotation or flip applied after the EXIF orientation, or null
 * @param bgColor background for flattening transparency, or null (white where needed)
 * @param upscale whether output may exceed the source size, or null for the service default
 * @param resizeFilter resampling filter, or null for the service default
 */
public record TransformSpec(
    @Nullable Length width,
    @Nullable Length height,
    int dprMilli,
    @Nullable Fit fit,
    @Nullable OutputTarget format,
    @Nullable Integer quality,
    @Nullable Integer webpQuality,
    boolean autoWebp,
    @Nullable Orientation orient,
    @Nullable Rgba bgColor,
    @Nullable Boolean upscale,
    @Nullable ResizeFilter resizeFilter) {

  /** No parameters: the source re-encoded with the service defaults. */
  public static final TransformSpec NONE =
      new TransformSpec(null, null, 1000, null, null, null, null, false, null, null, null, null);

  /** Checks the invariants the parser establishes, so that every spec is canonical. */
  public TransformSpec {
    if (format == OutputTarget.SOURCE) {
      throw new IllegalArgumentException("format is null, not SOURCE, when not given");
    }
    if (fit != null && (width == null || height == null)) {
      throw new IllegalArgumentException("fit needs both width and height");
    }
    if (dprMilli < 1000 || dprMilli > 10_000) {
      throw new IllegalArgumentException("dpr out of range: " + dprMilli);
    }
  }

  /** The device pixel ratio, 1 to 10. */
  public double dpr() {
    return dprMilli / 1000.0;
  }

  /**
   * The canonical query string, parameters in a fixed order, e.g. {@code
   * width=400&height=300&fit=crop&format=webp}. Empty for {@link #NONE}.
   */
  public String canonical() {
    StringJoiner q = new StringJoiner("&");
    if (width != null) {
      q.add("width=" + width.canonical());
    }
    if (height != null) {
      q.add("height=" + height.canonical());
    }
    if (dprMilli != 1000) {
      q.add("dpr=" + TransformSpecParser.formatMilli(dprMilli));
    }
    if (fit != null) {
      q.add("fit=" + fit.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (orient != null) {
      q.add("orient=" + orient.exifValue());
    }
    if (resizeFilter != null) {
      q.add("resize-filter=" + resizeFilter.canonical());
    }
    if (upscale != null) {
      q.add((upscale ? "enable" : "disable") + "=upscale");
    }
    if (bgColor != null) {
      q.add("bg-color=" + bgColor.canonical());
    }
    if (format != null) {
      q.add("format=" + TransformSpecParser.formatName(format));
    }
    if (autoWebp) {
      q.add("auto=webp");
    }
    if (quality != null || webpQuality != null) {
      q.add("quality=" + (quality == null ? "" : quality) + (webpQuality == null ? "" : "," + webpQuality));
    }
    return q.toString();
  }

  @Override
  public String toString() {
    String c = canonical();
    return "TransformSpec[" + (c.isEmpty() ? "none" : c) + "]";
  }
}
