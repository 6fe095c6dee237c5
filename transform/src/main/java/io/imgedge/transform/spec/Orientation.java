package io.imgedge.transform.spec;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A rotation and/or flip, numbered as EXIF orientations: the value says how the stored image must
 * be transformed to display upright ({@code orient=}, and the EXIF tag of the source).
 */
public enum Orientation {
  /** 1: as stored. */
  NORMAL(1, false),
  /** 2: mirrored left to right. */
  FLIP_HORIZONTAL(2, false),
  /** 3: rotated 180 degrees. */
  ROTATE_180(3, false),
  /** 4: mirrored top to bottom. */
  FLIP_VERTICAL(4, false),
  /** 5: mirrored left to right, then rotated 90 degrees anticlockwise (transpose). */
  TRANSPOSE(5, true),
  /** 6: rotated 90 degrees clockwise. */
  ROTATE_90(6, true),
  /** 7: mirrored left to right, then rotated 90 degrees clockwise (transverse). */
  TRANSVERSE(7, true),
  /** 8: rotated 90 degrees anticlockwise (270 clockwise). */
  ROTATE_270(8, true);

  /** What {@link #parse} accepts, for error messages. */
  public static final String ACCEPTED = "r, l, h, v, hv, vh, rv, vr, lv, vl or 1-8";

  private final int exifValue;
  private final boolean swapsAxes;

  Orientation(int exifValue, boolean swapsAxes) {
    this.exifValue = exifValue;
    this.swapsAxes = swapsAxes;
  }

  /** The EXIF orientation number, 1 to 8. */
  public int exifValue() {
    return exifValue;
  }

  /** Whether width and height trade places. */
  public boolean swapsAxes() {
    return swapsAxes;
  }

  /** The orientation for an EXIF value, or {@link #NORMAL} for anything outside 1 to 8. */
  public static Orientation fromExif(int value) {
    for (Orientation o : values()) {
      if (o.exifValue == value) {
        return o;
      }
    }
    return NORMAL;
  }

  /** Parses Fastly's {@code orient=} syntax, or returns null if the value is not valid. */
  public static @Nullable Orientation parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "1" -> NORMAL;
      case "h", "2" -> FLIP_HORIZONTAL;
      case "hv", "vh", "3" -> ROTATE_180;
      case "v", "4" -> FLIP_VERTICAL;
      case "rv", "vr", "5" -> TRANSPOSE;
      case "r", "6" -> ROTATE_90;
      case "lv", "vl", "7" -> TRANSVERSE;
      case "l", "8" -> ROTATE_270;
      default -> null;
    };
  }
}
