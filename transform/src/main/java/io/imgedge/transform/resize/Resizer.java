package io.imgedge.transform.resize;

import io.imgedge.transform.spec.ResizeFilter;
import java.awt.image.BufferedImage;

/** Resamples a pipeline image ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}) to a new size. */
public interface Resizer {

  /**
   * Returns a new image of the same type, {@code width} x {@code height}; the source is unchanged.
   *
   * @param width at least 1
   * @param height at least 1
   */
  BufferedImage resize(BufferedImage source, int width, int height, ResizeFilter filter);
}
