package io.imgedge.transform.codec;

import io.imgedge.transform.codec.avif.AvifException;
import io.imgedge.transform.codec.avif.AvifSettings;
import io.imgedge.transform.codec.avif.LibAvif;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * Encodes AVIF with libavif 0.11 and aom: 8-bit sRGB signalled as CICP 1/13/1, full range, the
 * chroma subsampling and aom speed this encoder was made with, and the quantizer {@link
 * AvifSettings#forQuality} maps the quality to; alpha kept (near-losslessly, {@link
 * AvifSettings#ALPHA_QUANTIZER}) for {@code TYPE_INT_ARGB} images, no metadata.
 */
final class AvifEncoder implements ImageEncoder {
  private final LibAvif avif;
  private final int speed;
  private final int subsampling;
  private final int maxThreads;

  /**
   * @param speed aom's speed, 0-10
   * @param subsampling {@link AvifSettings#YUV420} or {@link AvifSettings#YUV444}
   * @param maxThreads threads per encode (1 unless requests are few: aom does not split a small
   *     still)
   */
  AvifEncoder(LibAvif avif, int speed, int subsampling, int maxThreads) {
    AvifSettings.forQuality(50, speed, subsampling, maxThreads); // checks the ranges now
    this.avif = avif;
    this.speed = speed;
    this.subsampling = subsampling;
    this.maxThreads = maxThreads;
  }

  @Override
  public byte[] encode(BufferedImage image, EncodeOptions options) {
    BufferedImage argb = SrgbImages.isPipelineType(image) ? image : SrgbImages.normalize(image);
    AvifSettings settings =
        AvifSettings.forQuality(options.quality(), speed, subsampling, maxThreads);
    try {
      return avif.encode(
          SrgbImages.pixels(argb),
          argb.getWidth(),
          argb.getHeight(),
          argb.getColorModel().hasAlpha(),
          settings);
    } catch (AvifException e) {
      throw new IllegalStateException("libavif could not encode: " + e.getMessage(), e);
    }
  }

  String providerName() {
    return avif.version() + " (FFM)";
  }
}
