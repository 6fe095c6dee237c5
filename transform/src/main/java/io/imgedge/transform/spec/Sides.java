package io.imgedge.transform.spec;

/**
 * Four lengths, one per side, as CSS writes margins ({@code trim=}, {@code pad=}): one value for
 * every side, two for top/bottom and left/right, three for top, left/right and bottom, or four
 * clockwise from the top. Each is pixels or relative to the image's height (top, bottom) or width
 * (left, right).
 *
 * @param top top
 * @param right right
 * @param bottom bottom
 * @param left left
 */
public record Sides(Length top, Length right, Length bottom, Length left) {
  /** What the parser accepts, for error messages. */
  public static final String ACCEPTED =
      "1 to 4 comma-separated values as in CSS (top, right, bottom, left), each pixels from 0, a "
          + "fraction such as 0.1 or a percentage such as 10p";

  /** Whether every side is zero pixels or zero percent. */
  public boolean isZero() {
    return isZero(top) && isZero(right) && isZero(bottom) && isZero(left);
  }

  private static boolean isZero(Length l) {
    return l instanceof Length.Pixels(int v) && v == 0
        || l instanceof Length.Relative(long ppm) && ppm == 0;
  }

  /** The shortest CSS form, e.g. {@code 10}, {@code 10,20} or {@code 10,20,30,40}. */
  public String canonical() {
    String t = top.canonical();
    String r = right.canonical();
    String b = bottom.canonical();
    String l = left.canonical();
    if (r.equals(l)) {
      if (t.equals(b)) {
        return t.equals(r) ? t : t + "," + r;
      }
      return t + "," + r + "," + b;
    }
    return t + "," + r + "," + b + "," + l;
  }

  /** Pixels on each side of an image of this size: {top, right, bottom, left}, rounded. */
  public int[] resolve(int width, int height) {
    return new int[] {
      (int) Math.round(top.resolve(height)), (int) Math.round(right.resolve(width)),
      (int) Math.round(bottom.resolve(height)), (int) Math.round(left.resolve(width))
    };
  }
}
