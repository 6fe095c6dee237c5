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
 * Decodes colour and plain gray JPEGs with libjpeg-turbo, at the largest DCT scale (1/2, 1/4,
 * 1/8) that still leaves at least the requested size, as sharp does ("shrink-on-load"). An RGB
 * image's embedded profile is returned pending, to be applied after the resize (fewer pixels).
 * Returns null, for the caller to decode with ImageIO, when libjpeg-turbo fails or warns (truncated
 * or damaged data, lossless or other coding it lacks), so that one set of rules judges them.
 */
final class TurboJpegDecoder {
  private static final int[] DENOMINATORS = {8, 4, 2};

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
      if (info.gray() && header.iccProfile() != null) {
        return null; // a gray profile: ImageIO's path maps it
      }
      int d = denominator(maxShrink);
      BufferedImage image = SrgbImages.blank(info.scaledWidth(d), info.scaledHeight(d), false);
      turbo.decode(data, info, d, SrgbImages.pixels(image));
      EmbeddedProfile pending = info.gray() ? null : EmbeddedProfile.forRgbImage(header.iccProfile());
      return new DecodedImage(image, pending);
    } catch (TurboJpegException e) {
      return null;
    }
  }

  /** The largest power-of-two shrink not above {@code maxShrink}. */
  static int denominator(double maxShrink) {
    for (int d : DENOMINATORS) {
      if (maxShrink >= d) {
        return d;
      }
    }
    return 1;
  }
}
