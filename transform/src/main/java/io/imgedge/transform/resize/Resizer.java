package io.imgedge.transform.resize;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/** Resamples a pipeline image ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}) to a new size. */
public interface Resizer {

  /**
   * Returns a new image of the same type, {@code width} x {@code height}; the source is unchanged.
   *
   * @param width at least 1
   * @param height at least 1
   */
  BufferedImage resize(BufferedImage source, int width, int height, ResizeFilter filter);

  /**
   * Whether the values are resampled as stored, channel by channel, as sRGB-encoded values are
   * (true), or through a non-linear transfer such as linear light (false). Pixels that still need a
   * conversion to sRGB are resampled before it only in the first case.
   */
  default boolean resamplesStoredValues() {
    return true;
  }

  /**
   * A resampler of single 8-bit planes (a YCbCr JPEG's Y, Cb and Cr) with this resampler's filters
   * and stored-value arithmetic, or null if it has none (then images are resized as RGB only).
   */
  default @Nullable PlaneResizer planes() {
    return null;
  }

  /**
   * Resamples a region of the source, which may have fractional edges (a region mapped onto a JPEG
   * decoded at a reduced scale), to {@code width} x {@code height}. This default rounds the region
   * to whole pixels, crops and resizes; resamplers that can, place the region exactly.
   */
  default BufferedImage resize(
      BufferedImage source, Rectangle2D region, int width, int height, ResizeFilter filter) {
    Rectangle r = wholePixels(region, source.getWidth(), source.getHeight());
    BufferedImage cropped = crop(source, r);
    if (cropped.getWidth() == width && cropped.getHeight() == height) {
      return cropped;
    }
    return resize(cropped, width, height, filter);
  }

  /** The region rounded to whole pixels, at least one, inside the image. */
  static Rectangle wholePixels(Rectangle2D region, int imageW, int imageH) {
    int x0 = (int) Math.min(imageW - 1, Math.round(region.getMinX()));
    int y0 = (int) Math.min(imageH - 1, Math.round(region.getMinY()));
    int x1 = (int) Math.max(x0 + 1, Math.min(imageW, Math.round(region.getMaxX())));
    int y1 = (int) Math.max(y0 + 1, Math.min(imageH, Math.round(region.getMaxY())));
    return new Rectangle(x0, y0, x1 - x0, y1 - y0);
  }

  /** A copy of a region of a pipeline image, or the image itself for the whole of it. */
  static BufferedImage crop(BufferedImage image, Rectangle r) {
    if (r.x == 0 && r.y == 0 && r.width == image.getWidth() && r.height == image.getHeight()) {
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
}
