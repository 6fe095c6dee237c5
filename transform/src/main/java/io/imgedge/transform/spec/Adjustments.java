package io.imgedge.transform.spec;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Tone and detail, in Fastly's order: {@code brightness}, {@code contrast}, {@code saturation}
 * (each -100 to 100, 0 = unchanged), {@code sharpen}, {@code blur}, and {@code bw} last.
 *
 * @param brightness -100 (black) to 100 (white)
 * @param contrast -100 (flat gray) to 100
 * @param saturation -100 (grayscale) to 100
 * @param sharpen an unsharp mask, or null
 * @param blur a Gaussian blur, or null
 * @param bw conversion to 1-bit black and white, or null
 */
public record Adjustments(
    int brightness,
    int contrast,
    int saturation,
    @Nullable Sharpen sharpen,
    @Nullable Blur blur,
    @Nullable BlackWhite bw) {
  /** No change. */
  public static final Adjustments NONE = new Adjustments(0, 0, 0, null, null, null);

  /** Whether brightness, contrast or saturation change anything. */
  public boolean changesTone() {
    return brightness != 0 || contrast != 0 || saturation != 0;
  }

  void canonical(StringJoiner q) {
    if (brightness != 0) {
      q.add("brightness=" + brightness);
    }
    if (contrast != 0) {
      q.add("contrast=" + contrast);
    }
    if (saturation != 0) {
      q.add("saturation=" + saturation);
    }
    if (sharpen != null) {
      q.add("sharpen=" + sharpen.canonical());
    }
    if (blur != null) {
      q.add("blur=" + blur.canonical());
    }
    if (bw != null) {
      q.add("bw=" + bw.canonical());
    }
  }
}
