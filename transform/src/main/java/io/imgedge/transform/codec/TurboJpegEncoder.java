package io.imgedge.transform.codec;

import io.imgedge.transform.codec.turbo.TurboJpeg;
import io.imgedge.transform.codec.turbo.TurboJpegException;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * Encodes JPEG with libjpeg-turbo: 4:2:0 chroma subsampling, the libjpeg quality scale (as sharp,
 * libvips and ImageIO use it), baseline or progressive, no metadata. The image must be opaque
 * ({@code TYPE_INT_RGB}): the pipeline flattens alpha before encoding JPEG.
 */
final class TurboJpegEncoder implements ImageEncoder {
  private final TurboJpeg turbo;

  TurboJpegEncoder(TurboJpeg turbo) {
    this.turbo = turbo;
  }

  @Override
  public byte[] encode(BufferedImage image, EncodeOptions options) {
    BufferedImage rgb = SrgbImages.isPipelineType(image) ? image : SrgbImages.normalize(image);
    try {
      return turbo.encode(
          SrgbImages.pixels(rgb),
          rgb.getWidth(),
          rgb.getHeight(),
          options.quality(),
          options.progressive());
    } catch (TurboJpegException e) {
      throw new IllegalStateException("libjpeg-turbo could not encode: " + e.getMessage(), e);
    }
  }

  String providerName() {
    return turbo.version() + " (FFM)";
  }
}
