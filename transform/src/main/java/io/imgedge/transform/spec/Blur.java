package io.imgedge.transform.spec;

/**
 * A Gaussian blur ({@code blur=}): a standard deviation in pixels (0.5 to 1000), or a percentage of
 * the image's larger side ({@code Np}).
 *
 * @param milli thousandths of a pixel, or of a percent when {@code relative}
 * @param relative whether the value is a percentage of the image's larger side
 */
public record Blur(long milli, boolean relative) {
  /** What the parser accepts, for error messages. */
  public static final String ACCEPTED =
      "a number of pixels from 0.5 to 1000, or a percentage of the image size such as 2p";

  /** The standard deviation in pixels for an image of this size. */
  public double sigma(int width, int height) {
    return relative ? Math.max(width, height) * milli / 100_000.0 : milli / 1000.0;
  }

  /** The canonical form, e.g. {@code 2.5} or {@code 1p}. */
  public String canonical() {
    return TransformSpecParser.formatMilli(milli) + (relative ? "p" : "");
  }
}
