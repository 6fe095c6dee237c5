package io.imgedge.transform.spec;

import org.jspecify.annotations.Nullable;

/**
 * A region to keep ({@code crop=}, {@code precrop=}): a size, a position, and the {@code safe}
 * (intersect instead of failing when out of bounds) and {@code smart} (place by content; needs a
 * ratio) modes.
 *
 * @param size dimensions or a ratio
 * @param position where the region sits, or null for centred
 * @param safe return the intersection of an out-of-bounds region instead of failing
 * @param smart choose the position by image content
 */
public record Region(Size size, @Nullable Position position, boolean safe, boolean smart) {
  /** What the parser accepts, for error messages. */
  public static final String ACCEPTED =
      "W,H (pixels, fractions such as 0.5 or percentages such as 50p) or a ratio W:H, optionally "
          + "followed by a position (x{n},y{n} or offset-x{0-100},offset-y{0-100}) and ,safe or "
          + ",smart (smart needs a ratio), e.g. 4:3 or 640,480,x10,y20 or 1:1,smart";

  /** Checks that smart placement has a ratio to work with. */
  public Region {
    if (smart && !(size instanceof Size.Ratio)) {
      throw new IllegalArgumentException("smart cropping needs a ratio");
    }
  }

  /** The canonical form, e.g. {@code 4:3,offset-x10,safe}. */
  public String canonical() {
    String s = size.canonical();
    if (position != null) {
      s += "," + position.canonical();
    }
    return s + (safe ? ",safe" : "") + (smart ? ",smart" : "");
  }
}
