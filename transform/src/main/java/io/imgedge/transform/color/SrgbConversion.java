package io.imgedge.transform.color;

import java.awt.image.BufferedImage;

/**
 * A conversion to sRGB that a decoder left for later: the pipeline applies it after resizing, when
 * there are fewest pixels to convert (an embedded ICC profile, or a JPEG's YCbCr values).
 */
public interface SrgbConversion {

  /** Converts an image of the pipeline's types to sRGB; alpha is untouched. */
  BufferedImage toSrgb(BufferedImage image);
}
