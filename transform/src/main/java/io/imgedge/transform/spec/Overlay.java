package io.imgedge.transform.spec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * An image composited over the derivative after every other step, as Fastly's {@code
 * X-Fastly-Imageopto-Overlay} header asks (a watermark). Never read from a request's query string:
 * only from the header when the operator trusts it, or from an origin's configuration ({@link
 * TransformSpecParser#parseOverlay}).
 *
 * <p>Placement: the overlay is sized ({@link #width}, {@link #height}; a relative length is a share
 * of the base image's width or height, one given alone keeps the overlay's aspect ratio, none keeps
 * its natural size but shrinks it to fit inside the base image), then aligned inside the base image
 * less {@link #pad} (so {@code bottom,right} with a pad of 10 leaves 10 pixels to the right and
 * below it). With {@link #repeat} the overlay is tiled along that axis from the aligned position
 * both ways, each tile taking its pad on every side as spacing. Whatever falls outside the base
 * image is clipped.
 *
 * @param path the overlay image's root-relative path, starting with {@code /}, fetched through the
 *     same origin routing as the base image
 * @param vertical the {@code overlay-align} row
 * @param horizontal the {@code overlay-align} column
 * @param width {@code overlay-width}, or null
 * @param height {@code overlay-height}, or null
 * @param pad {@code overlay-pad}, or null for none
 * @param repeat {@code overlay-repeat}
 */
public record Overlay(
    String path,
    Vertical vertical,
    Horizontal horizontal,
    @Nullable Length width,
    @Nullable Length height,
    @Nullable Sides pad,
    Repeat repeat) {

  /** The header Fastly reads overlays from. */
  public static final String HEADER = "X-Fastly-Imageopto-Overlay";

  /** What {@code overlay-align} accepts, for error messages. */
  public static final String ALIGN_ACCEPTED =
      "{top|middle|bottom},{left|center|right} such as bottom,right, or one of them alone"
          + " (the other axis is centred)";

  /** What {@code overlay-repeat} accepts, for error messages. */
  public static final String REPEAT_ACCEPTED = "x, y or both";

  /** An overlay at its natural size, centred, once. */
  public Overlay(String path) {
    this(path, Vertical.MIDDLE, Horizontal.CENTER, null, null, null, Repeat.NONE);
  }

  /** {@code overlay-align}'s row. */
  public enum Vertical {
    /** Against the top edge. */
    TOP,
    /** Centred vertically (the default). */
    MIDDLE,
    /** Against the bottom edge. */
    BOTTOM;

    /** Where a length of {@code size} starts in {@code [start, start + extent)}. */
    public double place(double start, double extent, double size) {
      return switch (this) {
        case TOP -> start;
        case MIDDLE -> start + (extent - size) / 2;
        case BOTTOM -> start + extent - size;
      };
    }
  }

  /** {@code overlay-align}'s column. */
  public enum Horizontal {
    /** Against the left edge. */
    LEFT,
    /** Centred horizontally (the default). */
    CENTER,
    /** Against the right edge. */
    RIGHT;

    /** Where a length of {@code size} starts in {@code [start, start + extent)}. */
    public double place(double start, double extent, double size) {
      return switch (this) {
        case LEFT -> start;
        case CENTER -> start + (extent - size) / 2;
        case RIGHT -> start + extent - size;
      };
    }
  }

  /** {@code overlay-repeat}: the axes the overlay is tiled along. */
  public enum Repeat {
    /** Once (the default). */
    NONE,
    /** Along the row it is aligned in. */
    X,
    /** Along the column it is aligned in. */
    Y,
    /** Over the whole image. */
    BOTH;

    /** Whether tiles repeat horizontally. */
    public boolean x() {
      return this == X || this == BOTH;
    }

    /** Whether tiles repeat vertically. */
    public boolean y() {
      return this == Y || this == BOTH;
    }
  }

  /**
   * Adds the canonical parameters, defaults left out: {@code overlay=/logo.png&overlay-align=
   * bottom,right&overlay-width=20p&overlay-pad=10&overlay-repeat=x}. The same text is what {@link
   * TransformSpecParser#parseOverlay} reads back to an equal overlay.
   */
  public void canonical(StringJoiner q) {
    q.add("overlay=" + encodePath(path));
    if (vertical != Vertical.MIDDLE || horizontal != Horizontal.CENTER) {
      q.add("overlay-align=" + name(vertical) + "," + name(horizontal));
    }
    if (width != null) {
      q.add("overlay-width=" + width.canonical());
    }
    if (height != null) {
      q.add("overlay-height=" + height.canonical());
    }
    if (pad != null) {
      q.add("overlay-pad=" + pad.canonical());
    }
    if (repeat != Repeat.NONE) {
      q.add("overlay-repeat=" + name(repeat));
    }
  }

  /** The canonical header value, as {@link #canonical(StringJoiner)} writes it. */
  public String canonical() {
    StringJoiner q = new StringJoiner("&");
    canonical(q);
    return q.toString();
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** Percent-encodes a path for a query value, leaving {@code /} readable. */
  static String encodePath(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
  }
}
