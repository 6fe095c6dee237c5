package io.imgedge.transform.codec;

import io.imgedge.transform.color.SrgbConversion;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * A decoded source: pixels as {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, and the embedded
 * profile still to apply, which the pipeline does after resizing (fewer pixels to convert).
 *
 * @param image the pixels, sRGB-encoded unless {@code pending} is set
 * @param pending the conversion to sRGB still to apply (an embedded profile, or YCbCr values), or
 *     null if the pixels are sRGB already
 * @param scale the size of the pixels relative to the source's: 1, or 1/2, 1/4, 1/8 for a JPEG
 *     scaled in the DCT domain (exactly; the last, partial block adds a pixel that covers less)
 */
public record DecodedImage(BufferedImage image, @Nullable SrgbConversion pending, double scale) {

  /** A full-size decode. */
  public DecodedImage(BufferedImage image, @Nullable SrgbConversion pending) {
    this(image, pending, 1);
  }
}
