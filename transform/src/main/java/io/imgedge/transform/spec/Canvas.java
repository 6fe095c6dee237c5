package io.imgedge.transform.spec;

import org.jspecify.annotations.Nullable;

/**
 * The canvas the image is placed on ({@code canvas=}): a size (dimensions, relative to the image,
 * or a ratio: the smallest canvas of that shape that holds the image) and where the image sits.
 *
 * @param size the canvas size
 * @param position where the image's top left sits on the canvas, or null for centred
 */
public record Canvas(Size size, @Nullable Position position) {
  /** What the parser accepts, for error messages. */
  public static final String ACCEPTED =
      "W,H (pixels up to 8192, fractions or percentages such as 150p of the image) or a ratio W:H, "
          + "optionally followed by a position (x{n},y{n} or offset-x{0-100},offset-y{0-100})";

  /** The canonical form, e.g. {@code 800,600,offset-y10}. */
  public String canonical() {
    return position == null ? size.canonical() : size.canonical() + "," + position.canonical();
  }
}
