package io.imgedge.transform.spec;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Where a region sits, per axis: {@code x}/{@code y} (pixels or relative, from the top left) or
 * {@code offset-x}/{@code offset-y} (a percentage of the leftover space before the region). An
 * absent axis is centred ({@code offset 50}, which the parser normalises to absent).
 *
 * @param x the horizontal placement, or null for centred
 * @param y the vertical placement, or null for centred
 */
public record Position(@Nullable Coordinate x, @Nullable Coordinate y) {
  /** Centred on both axes. */
  public static final Position CENTRE = new Position(null, null);

  /** The placement on one axis. */
  public sealed interface Coordinate {}

  /**
   * From the top (or left) edge.
   *
   * @param value pixels, or relative to the full extent of that axis
   */
  public record At(Length value) implements Coordinate {}

  /**
   * A share of the leftover space before the region: 0 at the start, 100 at the end.
   *
   * @param milliPercent thousandths of a percent, 0 to 100000
   */
  public record Offset(long milliPercent) implements Coordinate {}

  /** The canonical form, e.g. {@code x10,offset-y25}, or empty when centred. */
  public String canonical() {
    StringJoiner j = new StringJoiner(",");
    axis(j, "x", x);
    axis(j, "y", y);
    return j.toString();
  }

  private static void axis(StringJoiner j, String name, @Nullable Coordinate c) {
    switch (c) {
      case null -> {}
      case At(Length v) -> j.add(name + v.canonical());
      case Offset(long m) -> j.add("offset-" + name + TransformSpecParser.formatMilli(m));
    }
  }

  /**
   * Where the start of a region of {@code length} falls on an axis of {@code extent} (negative
   * leftover, for a region larger than the extent, is shared the same way).
   */
  public static double place(@Nullable Coordinate c, double extent, double length) {
    return switch (c) {
      case null -> (extent - length) / 2;
      case At(Length v) -> v.resolve((int) Math.round(extent));
      case Offset(long m) -> (extent - length) * (m / 100_000.0);
    };
  }
}
