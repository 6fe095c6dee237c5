package io.imgedge.transform.spec;

import org.jspecify.annotations.Nullable;

/**
 * A uniform border to remove ({@code trim-color=}): its colour, or the top-left pixel's ({@code
 * auto}), and how different a pixel may be and still count as border.
 *
 * @param color the border colour, or null for the top-left pixel's
 * @param thresholdMilli the largest per-channel difference (alpha included) that still counts as
 *     border, in thousandths of the full range: 0 (exact) to 1000 (everything)
 */
public record TrimColor(@Nullable Rgba color, int thresholdMilli) {
  /**
   * The default threshold: 0.04, about 10 levels (libvips' find_trim default), as JPEG borders are
   * never exact.
   */
  public static final int DEFAULT_THRESHOLD_MILLI = 40;

  /** What the parser accepts, for error messages. */
  public static final String ACCEPTED =
      "auto or a colour (hex f00 or ff0000, r,g,b or r,g,b,a), optionally followed by ,t{0-1}, e.g. "
          + "auto, ffffff,t0.3 or 0,0,0";

  /** The canonical form, e.g. {@code auto} or {@code ffffffff,t0.3}. */
  public String canonical() {
    String c = color == null ? "auto" : color.canonical();
    return thresholdMilli == DEFAULT_THRESHOLD_MILLI
        ? c
        : c + ",t" + TransformSpecParser.formatMilli(thresholdMilli);
  }
}
