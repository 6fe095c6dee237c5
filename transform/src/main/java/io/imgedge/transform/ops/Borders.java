package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * Finds a uniform border ({@code trim-color=}): the smallest rectangle holding every pixel that
 * differs from the border colour by more than a threshold in some channel, alpha included.
 */
public final class Borders {
  private Borders() {}

  /**
   * The content's bounding box, or null if every pixel is border.
   *
   * @param border the border colour as ARGB, or null for the top-left pixel's
   * @param threshold the largest per-channel difference that still counts as border, 0-255
   */
  public static @Nullable Rectangle content(
      BufferedImage image, @Nullable Integer border, int threshold) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = SrgbImages.pixels(image);
    boolean alpha = image.getColorModel().hasAlpha();
    int c = border != null ? border : px[0] | (alpha ? 0 : 0xFF000000);
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      RenderScope.checkpoint();
      for (int x = 0; x < w; x++) {
        int p = alpha ? px[y * w + x] : px[y * w + x] | 0xFF000000;
        if (differs(p, c, threshold)) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return maxX < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
  }

  private static boolean differs(int p, int c, int threshold) {
    for (int shift = 0; shift <= 24; shift += 8) {
      if (Math.abs((p >>> shift & 0xFF) - (c >>> shift & 0xFF)) > threshold) {
        return true;
      }
    }
    return false;
  }
}
