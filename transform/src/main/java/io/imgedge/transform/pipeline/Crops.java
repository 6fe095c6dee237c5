package io.imgedge.transform.pipeline;

import io.imgedge.transform.color.SrgbImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Cutting a rectangle out of a pipeline image and placing one on a larger canvas, exactly. */
final class Crops {
  private Crops() {}

  /** The rectangle (inside the image) as a new image, or the image itself when it is all of it. */
  static BufferedImage crop(BufferedImage image, Rectangle r) {
    if (Layout.whole(r, image.getWidth(), image.getHeight())) {
      return image;
    }
    BufferedImage out = SrgbImages.blank(r.width, r.height, image.getColorModel().hasAlpha());
    int[] src = SrgbImages.pixels(image);
    int[] dst = SrgbImages.pixels(out);
    for (int y = 0; y < r.height; y++) {
      System.arraycopy(src, (r.y + y) * image.getWidth() + r.x, dst, y * r.width, r.width);
    }
    return out;
  }

  /**
   * The image on a {@code width} x {@code height} canvas filled with {@code fill} (ARGB), its top
   * left at {@code (x, y)}; parts outside the canvas are cut.
   */
  static BufferedImage embed(BufferedImage image, int width, int height, int x, int y, int fill) {
    boolean alpha = image.getColorModel().hasAlpha() || fill >>> 24 != 255;
    BufferedImage out = SrgbImages.blank(width, height, alpha);
    int[] dst = SrgbImages.pixels(out);
    java.util.Arrays.fill(dst, alpha ? fill : fill | 0xFF000000);
    int[] src = SrgbImages.pixels(image);
    boolean opaqueSource = !image.getColorModel().hasAlpha();
    int w = image.getWidth();
    int x0 = Math.max(0, x);
    int x1 = Math.min(width, x + w);
    for (int sy = Math.max(0, -y); sy < image.getHeight() && sy + y < height; sy++) {
      for (int dx = x0; dx < x1; dx++) {
        int p = src[sy * w + dx - x];
        dst[(sy + y) * width + dx] = opaqueSource ? p | 0xFF000000 : p;
      }
    }
    return out;
  }
}
