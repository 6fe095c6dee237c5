package io.imgedge.transform.codec;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.turbo.JpegInfo;
import io.imgedge.transform.codec.turbo.TurboJpeg;
import io.imgedge.transform.codec.turbo.TurboJpegException;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.probe.ImageHeader;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * Decodes colour and plain gray JPEGs with libjpeg-turbo, at the smallest DCT scale (1/2, 1/4, 1/8)
 * that still leaves at least the requested size, as sharp does ("shrink-on-load"). An RGB image's
 * embedded profile is returned pending, to be applied after the resize (fewer pixels). Returns
 * null, for the caller to decode with ImageIO, when libjpeg-turbo fails or warns (truncated or
 * damaged data, lossless or other coding it lacks), so that one set of rules judges them.
 */
final class TurboJpegDecoder {
  /**
   * The scales tried, smallest first: 1/8, 1/4, 1/2 (SIMD in libjpeg-turbo; other eighths are not).
   */
  private static final int[] EIGHTHS = {1, 2, 4};

  private final TurboJpeg turbo;

  TurboJpegDecoder(TurboJpeg turbo) {
    this.turbo = turbo;
  }

  /** Whether the header is a JPEG this decoder takes: not CMYK (gray only without a profile). */
  boolean accepts(ImageHeader header) {
    return header.format() == ImageFormat.JPEG && header.cmyk() == null;
  }

  @Nullable DecodedImage decode(byte[] data, ImageHeader header, double maxShrink) {
    try {
      JpegInfo info = turbo.info(data);
      if (info.width() != header.width() || info.height() != header.height()) {
        return null; // libjpeg-turbo reads another size than the probe (found by fuzzing): ImageIO
        // decides
      }
      if (info.gray() && header.iccProfile() != null) {
        return null; // a gray profile: ImageIO's path maps it
      }
      int eighths = eighths(maxShrink);
      BufferedImage image =
          SrgbImages.blank(info.scaledWidth(eighths), info.scaledHeight(eighths), false);
      turbo.decode(data, info, eighths, SrgbImages.pixels(image));
      EmbeddedProfile pending =
          info.gray() ? null : EmbeddedProfile.forRgbImage(header.iccProfile());
      return new DecodedImage(image, pending, eighths / 8.0);
    } catch (TurboJpegException e) {
      return null;
    }
  }

  /**
   * The smallest of 1/8, 1/4 and 1/2 that still leaves at least the output size, in eighths (8 for
   * a full-size decode). Measured on the sharp benchmark photo, the other eighths decode slower
   * than full size (libjpeg-turbo has SIMD only for these), and 3/8 loses visible quality.
   */
  static int eighths(double maxShrink) {
    for (int m : EIGHTHS) {
      if (maxShrink * m / 8 >= 1) {
        return m;
      }
    }
    return 8;
  }
}
