package io.imgedge.transform.spec;

import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The rotation and the resize: {@code orient}, then {@code width}, {@code height}, {@code dpr},
 * {@code fit}, {@code resize-filter} and {@code enable}/{@code disable=upscale}.
 *
 * @param width requested width, or null
 * @param height requested height, or null
 * @param dprMilli device pixel ratio in thousandths (1000 = none). Folded into pixel sizes when
 *     parsing, so it is only kept when a size is relative or a folded size would exceed the largest
 *     a query may ask for (the plan then scales, and clamps to the output limit)
 * @param fit how to fit both sides; null (stretch to exactly width x height) or only set when both
 *     sides are given
 * @param orient an explicit rotation or flip applied after the EXIF orientation, or null
 * @param resizeFilter resampling filter, or null for the service default
 * @param upscale whether output may exceed the source size, or null for the service default
 */
public record Sizing(
    @Nullable Length width,
    @Nullable Length height,
    int dprMilli,
    @Nullable Fit fit,
    @Nullable Orientation orient,
    @Nullable ResizeFilter resizeFilter,
    @Nullable Boolean upscale) {
  /** No rotation, the source size. */
  public static final Sizing NONE = new Sizing(null, null, 1000, null, null, null, null);

  /** Checks the invariants the parser establishes. */
  public Sizing {
    if (fit != null && (width == null || height == null)) {
      throw new IllegalArgumentException("fit needs both width and height");
    }
    if (dprMilli < 1000 || dprMilli > 10_000) {
      throw new IllegalArgumentException("dpr out of range: " + dprMilli);
    }
  }

  void canonical(StringJoiner q) {
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
      q.add("fit=" + fit.name().toLowerCase(Locale.ROOT));
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
  }
}
