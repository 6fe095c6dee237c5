package io.imgedge.transform.pipeline;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.Orientation;
import java.awt.image.BufferedImage;

/**
 * Applies an EXIF-numbered orientation by moving packed pixels, so that every value, alpha
 * included, is kept exactly (drawing with Graphics2D, as imgscalr's rotate does, premultiplies and
 * rounds partly transparent pixels).
 */
final class Orientations {
  private Orientations() {}

  /** Returns a new image of the same pipeline type, or the image itself for {@code NORMAL}. */
  static BufferedImage apply(BufferedImage image, Orientation orientation) {
    if (orientation == Orientation.NORMAL) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int outW = orientation.swapsAxes() ? h : w;
    int outH = orientation.swapsAxes() ? w : h;
    // Where stored pixel (x, y) goes: base + x * stepX + y * stepY in the output array.
    int[] m =
        switch (orientation) {
          case NORMAL -> new int[] {0, 1, outW};
          case FLIP_HORIZONTAL -> new int[] {w - 1, -1, outW};
          case ROTATE_180 -> new int[] {(h - 1) * outW + w - 1, -1, -outW};
          case FLIP_VERTICAL -> new int[] {(h - 1) * outW, 1, -outW};
          case TRANSPOSE -> new int[] {0, outW, 1};
          case ROTATE_90 -> new int[] {h - 1, outW, -1};
          case TRANSVERSE -> new int[] {(w - 1) * outW + h - 1, -outW, -1};
          case ROTATE_270 -> new int[] {(w - 1) * outW, -outW, 1};
        };
    BufferedImage out = SrgbImages.blank(outW, outH, image.getColorModel().hasAlpha());
    int[] src = SrgbImages.pixels(image);
    int[] dst = SrgbImages.pixels(out);
    for (int y = 0; y < h; y++) {
      int to = m[0] + y * m[2];
      for (int x = 0, from = y * w; x < w; x++, from++, to += m[1]) {
        dst[to] = src[from];
      }
    }
    return out;
  }
}
