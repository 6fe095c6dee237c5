package io.imgedge.transform.codec;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.turbo.JpegInfo;
import io.imgedge.transform.codec.turbo.TurboJpeg;
import io.imgedge.transform.codec.turbo.TurboJpegException;
import io.imgedge.transform.codec.turbo.YuvPlanes;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.probe.ImageHeader;
import org.jspecify.annotations.Nullable;

/**
 * JPEG in and out as YCbCr planes, through libjpeg-turbo: the source's Y, Cb and Cr as stored
 * (scaled in the DCT domain as {@link TurboJpegDecoder} scales), and a 4:2:0 JPEG written from
 * planes, as {@link TurboJpegEncoder} writes one from RGB. For renders that only resize a JPEG to a
 * JPEG: the colour conversions and chroma resampling at both ends are skipped, and the resize works
 * on half the samples.
 */
public final class YccJpeg {
  /** {@code TJSAMP_420}: what {@link TurboJpegEncoder} writes. */
  private static final int OUTPUT_SUBSAMPLING = 2;

  private final TurboJpeg turbo;

  YccJpeg(TurboJpeg turbo) {
    this.turbo = turbo;
  }

  /**
   * The JPEG's header if it can be read as planes with the colours meant: a YCbCr JPEG (not gray,
   * CMYK or RGB-coded) that libjpeg-turbo reads at the probed size, without an embedded profile
   * other than sRGB to apply; else null (the RGB path takes it).
   */
  public @Nullable JpegInfo accepts(byte[] source, ImageHeader header) {
    if (header.format() != ImageFormat.JPEG || header.cmyk() != null) {
      return null;
    }
    try {
      JpegInfo info = turbo.info(JpegProfileGuard.safe(source, header));
      if (!info.planar()
          || info.width() != header.width()
          || info.height() != header.height()
          || EmbeddedProfile.forRgbImage(header.iccProfile()) != null) {
        return null;
      }
      return info;
    } catch (TurboJpegException e) {
      return null;
    }
  }

  /**
   * Decodes the planes at {@code eighths/8} of the stored size, or returns null if libjpeg-turbo
   * fails or warns (damaged data: the RGB path's rules judge it).
   */
  public @Nullable YuvPlanes decode(byte[] source, ImageHeader header, JpegInfo info, int eighths) {
    try {
      return turbo.decodePlanes(JpegProfileGuard.safe(source, header), info, eighths);
    } catch (TurboJpegException e) {
      return null;
    }
  }

  /** The scale {@link #decode} uses for this {@code maxShrink}, in eighths. */
  public static int eighths(double maxShrink) {
    return TurboJpegDecoder.eighths(maxShrink);
  }

  /** Empty planes for a {@code width} x {@code height} output JPEG (4:2:0). */
  public YuvPlanes blank(int width, int height) {
    int[] s = turbo.planeSizes(width, height, OUTPUT_SUBSAMPLING);
    return new YuvPlanes(
        width,
        height,
        OUTPUT_SUBSAMPLING,
        new byte[][] {new byte[s[0] * s[1]], new byte[s[2] * s[3]], new byte[s[2] * s[3]]},
        new int[] {s[0], s[2], s[2]},
        new int[] {s[1], s[3], s[3]});
  }

  /** Writes the planes as a JPEG (quality and progressive from {@code options}). */
  public byte[] encode(YuvPlanes planes, EncodeOptions options) {
    try {
      return turbo.encodePlanes(planes, options.quality(), options.progressive());
    } catch (TurboJpegException e) {
      throw new IllegalStateException("libjpeg-turbo could not encode: " + e.getMessage(), e);
    }
  }
}
