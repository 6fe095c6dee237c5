package io.imgedge.transform.codec;

import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.codec.jxl.JxlException;
import io.imgedge.transform.codec.jxl.JxlPixels;
import io.imgedge.transform.codec.jxl.LibJxl;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.color.GrayProfile;
import io.imgedge.transform.color.SrgbConversion;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the first frame of a JPEG XL image with libjxl into a pipeline image, in the stored
 * orientation (the caller applies the header's orientation, {@code JxlInfo.orientation()}, as an
 * EXIF one). Lossy (XYB) images come out as sRGB. Lossless ones and JPEG recompressions come out in
 * their own colour space, whose profile is returned pending: an RGB profile as an {@link
 * EmbeddedProfile}, a gray one as a {@link GrayProfile} (libjxl expands gray to R = G = B); sRGB
 * needs none. A CMYK image is refused (libjxl 0.7 does not render its black channel).
 */
final class JxlDecoder {
  private static final DirectColorModel RGB = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
  private static final int[] RGB_MASKS = {0xFF0000, 0xFF00, 0xFF};
  private static final int[] ARGB_MASKS = {0xFF0000, 0xFF00, 0xFF, 0xFF000000};

  private final LibJxl jxl;

  JxlDecoder(LibJxl jxl) {
    this.jxl = jxl;
  }

  /**
   * Decodes the first frame.
   *
   * @param maxPixels the most pixels allowed (e.g. the probed width x height): a larger image is
   *     refused from its header
   * @throws TransformException if the data is corrupt, truncated, too large or unsupported
   */
  DecodedImage decode(byte[] data, long maxPixels) {
    JxlPixels pixels;
    try {
      pixels = jxl.decode(data, maxPixels);
    } catch (JxlException e) {
      throw failure(e);
    }
    BufferedImage image =
        wrap(pixels.argb(), pixels.width(), pixels.height(), pixels.info().hasAlpha());
    return new DecodedImage(image, pending(pixels.iccProfile()));
  }

  /**
   * The conversion an output profile calls for: none for sRGB, gray or RGB profiles, CMYK refused.
   */
  static @Nullable SrgbConversion pending(byte @Nullable [] icc) {
    if (icc == null) {
      return null;
    }
    return switch (colorSpaceType(icc)) {
      case ColorSpace.TYPE_GRAY -> GrayProfile.forGrayImage(icc);
      case ColorSpace.TYPE_RGB -> EmbeddedProfile.forRgbImage(icc);
      case -1 -> null; // unreadable: the pixels are taken as sRGB, as for other formats
      default ->
          throw new UnsupportedImageException(
              "the JPEG XL image is not RGB or gray (e.g. CMYK), which is not supported");
    };
  }

  private static int colorSpaceType(byte[] icc) {
    try {
      return ICC_Profile.getInstance(icc).getColorSpaceType();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /**
   * The decoded array as the pixels of a {@code TYPE_INT_ARGB} or {@code TYPE_INT_RGB} image (the
   * {@link BufferedImage} constructor recognises the standard packed layouts), without a copy.
   */
  static BufferedImage wrap(int[] argb, int width, int height, boolean alpha) {
    ColorModel model = alpha ? ColorModel.getRGBdefault() : RGB;
    WritableRaster raster =
        Raster.createPackedRaster(
            new DataBufferInt(argb, width * height),
            width,
            height,
            width,
            alpha ? ARGB_MASKS : RGB_MASKS,
            null);
    return new BufferedImage(model, raster, false, null);
  }

  private static TransformException failure(JxlException e) {
    return switch (e.kind()) {
      case TOO_LARGE ->
          new ImageTooLargeException("the JPEG XL image is too large: " + e.getMessage());
      case UNSUPPORTED ->
          new UnsupportedImageException(
              "the JPEG XL image uses a feature that is not supported: " + e.getMessage());
      case TRUNCATED ->
          new InvalidImageException("the JPEG XL image is truncated: " + e.getMessage(), e);
      case INVALID, ENCODER ->
          new InvalidImageException(
              "the JPEG XL image is corrupt and cannot be decoded: " + e.getMessage(), e);
    };
  }

  String providerName() {
    return jxl.version() + " (FFM)";
  }
}
