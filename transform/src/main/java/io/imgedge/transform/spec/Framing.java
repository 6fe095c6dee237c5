package io.imgedge.transform.spec;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What surrounds the resized image: {@code pad} or {@code canvas} (pad is ignored when canvas is
 * given, so the parser drops it), and {@code bg-color}, which fills them and flattens transparency.
 *
 * @param pad a border to add, or null (never all zero, never with a canvas)
 * @param canvas the canvas to place the image on, or null
 * @param bgColor background colour, or null (white, or transparent where alpha is kept)
 */
public record Framing(@Nullable Sides pad, @Nullable Canvas canvas, @Nullable Rgba bgColor) {
  /** Nothing added. */
  public static final Framing NONE = new Framing(null, null, null);

  /** Checks the invariants the parser establishes. */
  public Framing {
    if (pad != null && (pad.isZero() || canvas != null)) {
      throw new IllegalArgumentException("pad is null when zero or when a canvas is given");
    }
  }

  void canonical(StringJoiner q) {
    if (pad != null) {
      q.add("pad=" + pad.canonical());
    }
    if (canvas != null) {
      q.add("canvas=" + canvas.canonical());
    }
    if (bgColor != null) {
      q.add("bg-color=" + bgColor.canonical());
    }
  }
}
