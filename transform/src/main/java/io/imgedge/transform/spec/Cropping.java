package io.imgedge.transform.spec;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What is cut away before resizing, in Fastly's order: {@code trim-color}, {@code precrop}, {@code
 * trim}, {@code crop}.
 *
 * @param trimColor a uniform border to remove, or null
 * @param precrop a region kept before anything else, or null
 * @param trim fixed edges to cut, or null (never all zero)
 * @param crop a region kept after trimming, or null
 */
public record Cropping(
    @Nullable TrimColor trimColor,
    @Nullable Region precrop,
    @Nullable Sides trim,
    @Nullable Region crop) {
  /** Nothing cut. */
  public static final Cropping NONE = new Cropping(null, null, null, null);

  /** Checks that a no-op trim is absent rather than zero. */
  public Cropping {
    if (trim != null && trim.isZero()) {
      throw new IllegalArgumentException("a zero trim is null");
    }
  }

  void canonical(StringJoiner q) {
    if (trimColor != null) {
      q.add("trim-color=" + trimColor.canonical());
    }
    if (precrop != null) {
      q.add("precrop=" + precrop.canonical());
    }
    if (trim != null) {
      q.add("trim=" + trim.canonical());
    }
    if (crop != null) {
      q.add("crop=" + crop.canonical());
    }
  }
}
