package io.imgedge.transform.spec;

/**
 * An unsharp mask ({@code sharpen=a{amount},r{radius},t{threshold}}).
 *
 * @param amountMilli strength in thousandths, above 0 up to 10 (10000)
 * @param radiusMilli the Gaussian's standard deviation in thousandths of a pixel, 0.5 to 1000
 * @param threshold the smallest difference (0-255 levels) that is sharpened
 */
public record Sharpen(int amountMilli, int radiusMilli, int threshold) {
  /** The radius when {@code r} is not given: one pixel. */
  public static final int DEFAULT_RADIUS_MILLI = 1000;

  /** What the parser accepts, for error messages. */
  public static final String ACCEPTED =
      "a{amount 0-10},r{radius 0.5-1000},t{threshold 0-255}, e.g. a5,r2,t0 (r and t optional)";

  /** The canonical form, e.g. {@code a5,r2,t0}. */
  public String canonical() {
    return "a"
        + TransformSpecParser.formatMilli(amountMilli)
        + ",r"
        + TransformSpecParser.formatMilli(radiusMilli)
        + ",t"
        + threshold;
  }
}
