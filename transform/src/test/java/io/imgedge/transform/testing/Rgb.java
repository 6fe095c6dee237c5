package io.imgedge.transform.testing;

/**
 * An opaque colour, 0-255 per channel; also used for means, which are rounded.
 *
 * @param red 0-255
 * @param green 0-255
 * @param blue 0-255
 */
public record Rgb(int red, int green, int blue) {

  /** The colour part of a packed ARGB (or RGB) int. */
  public static Rgb of(int argb) {
    return new Rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
  }

  /** The largest difference over the three channels. */
  public int maxChannelDifference(Rgb other) {
    return Math.max(
        Math.abs(red - other.red),
        Math.max(Math.abs(green - other.green), Math.abs(blue - other.blue)));
  }

  /** Whether every channel is within {@code tolerance} of the other colour's. */
  public boolean isCloseTo(Rgb other, int tolerance) {
    return maxChannelDifference(other) <= tolerance;
  }

  /** Whether the three channels are within {@code tolerance} of each other (a neutral gray). */
  public boolean isNeutral(int tolerance) {
    return Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) <= tolerance;
  }

  @Override
  public String toString() {
    return "(" + red + "," + green + "," + blue + ")";
  }
}
