package io.imgedge.transform.spec;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The resampling kernel ({@code resize-filter=}), Fastly's names with their aliases. */
public enum ResizeFilter {
  NEAREST("nearest"),
  BILINEAR("bilinear"),
  BICUBIC("bicubic"),
  LANCZOS2("lanczos2"),
  LANCZOS3("lanczos3");

  /** What {@link #parse} accepts, for error messages. */
  public static final String ACCEPTED =
      "nearest, bilinear (linear), bicubic (cubic), lanczos2, lanczos3 (lanczos)";

  private final String canonical;

  ResizeFilter(String canonical) {
    this.canonical = canonical;
  }

  /** The canonical name. */
  public String canonical() {
    return canonical;
  }

  /** Parses a name or alias, or returns null if it is neither. */
  public static @Nullable ResizeFilter parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "nearest" -> NEAREST;
      case "bilinear", "linear" -> BILINEAR;
      case "bicubic", "cubic" -> BICUBIC;
      case "lanczos2" -> LANCZOS2;
      case "lanczos3", "lanczos" -> LANCZOS3;
      default -> null;
    };
  }
}
