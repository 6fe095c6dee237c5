package io.imgedge.transform.spec;

/**
 * The size of a region ({@code crop=}, {@code precrop=}, {@code canvas=}): dimensions or a ratio.
 */
public sealed interface Size {

  /** The canonical query form, e.g. {@code 400,300}, {@code 0.5,50p} or {@code 16:9}. */
  String canonical();

  /**
   * A width and a height, each pixels or relative to the image.
   *
   * @param width the width
   * @param height the height
   */
  record Dimensions(Length width, Length height) implements Size {
    @Override
    public String canonical() {
      return width.canonical() + "," + height.canonical();
    }
  }

  /**
   * An aspect ratio {@code W:H}: the largest region of that shape (for a crop), or the smallest
   * canvas of that shape that holds the image.
   *
   * @param widthMilli the width part in thousandths, above 0
   * @param heightMilli the height part in thousandths, above 0
   */
  record Ratio(long widthMilli, long heightMilli) implements Size {
    @Override
    public String canonical() {
      return TransformSpecParser.formatMilli(widthMilli)
          + ":"
          + TransformSpecParser.formatMilli(heightMilli);
    }

    /** Width divided by height. */
    public double value() {
      return (double) widthMilli / heightMilli;
    }
  }
}
