package io.imgedge.transform.codec;

import java.awt.image.BufferedImage;

/** Encodes a pipeline image to one format, with no metadata and no embedded profile. */
public interface ImageEncoder {

  /** Encodes; the image is sRGB, and opaque for formats without alpha. */
  byte[] encode(BufferedImage image, EncodeOptions options);
}
