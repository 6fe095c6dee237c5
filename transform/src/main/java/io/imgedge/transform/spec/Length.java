package io.imgedge.transform.spec;

/**
 * A width or height: a number of pixels, or a size relative to the source image.
 *
 * <p>Relative sizes are held in parts per million so that they print and parse back exactly.
 */
public sealed interface Length {

  /** The length in pixels for a source dimension of {@code sourcePixels}. */
  double resolve(int sourcePixels);

  /** The canonical query-string form: {@code 400} or {@code 50p}. */
  String canonical();

  /**
   * An absolute number of pixels.
   *
   * @param value at least 1
   */
  record Pixels(int value) implements Length {
    @Override
    public double resolve(int sourcePixels) {
      return value;
    }

    @Override
    public String canonical() {
      return Integer.toString(value);
    }
  }

  /**
   * A fraction of the source dimension.
   *
   * @param ppm the fraction in parts per million, e.g. 500000 for a half
   */
  record Relative(long ppm) implements Length {
    @Override
    public double resolve(int sourcePixels) {
      return sourcePixels * (ppm / 1_000_000.0);
    }

    /** Percent with up to four decimals, e.g. {@code 33.3333p}. */
    @Override
    public String canonical() {
      long hundredthsOfBasis = ppm; // ppm / 10_000 = percent
      String whole = Long.toString(hundredthsOfBasis / 10_000);
      long frac = hundredthsOfBasis % 10_000;
      if (frac == 0) {
        return whole + "p";
      }
      String digits = String.format("%04d", frac).replaceAll("0+$", "");
      return whole + "." + digits + "p";
    }
  }
}
