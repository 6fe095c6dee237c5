package io.imgedge.transform.codec;

import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.codec.avif.AvifException;
import io.imgedge.transform.codec.avif.AvifInfo;
import io.imgedge.transform.codec.avif.AvifPixels;
import io.imgedge.transform.codec.avif.LibAvif;
import io.imgedge.transform.color.CicpConversion;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.color.SrgbConversion;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the first image of an AVIF with libavif 0.11 (dav1d) to a pipeline image, 8-bit and not
 * premultiplied, with its colour conversion left pending for after the resize: the embedded ICC
 * profile if there is one, else the CICP description ({@link CicpConversion}) unless it is sRGB.
 * The {@code irot}/{@code imir} boxes are not applied: they are reported in {@link Decoded#info()}
 * ({@link AvifInfo#exifOrientation()}) for the caller to orient the image as it does EXIF.
 */
final class AvifDecoder {
  private static final int[] MASKS = {0xFF0000, 0xFF00, 0xFF, 0xFF000000};
  private static final ColorModel ARGB = ColorModel.getRGBdefault();
  private static final ColorModel RGB = new DirectColorModel(24, MASKS[0], MASKS[1], MASKS[2]);

  private final LibAvif avif;

  AvifDecoder(LibAvif avif) {
    this.avif = avif;
  }

  /**
   * A decoded AVIF and what its container says.
   *
   * @param image the pixels ({@code TYPE_INT_ARGB} if the AVIF has alpha, else {@code
   *     TYPE_INT_RGB}) and the conversion to sRGB still to apply
   * @param info size, colour description, transformations ({@code irot}/{@code imir}), Exif
   */
  record Decoded(DecodedImage image, AvifInfo info) {}

  /**
   * Decodes the first image.
   *
   * @param maxPixels the most pixels accepted, checked on the container before decoding
   * @throws ImageTooLargeException if the image has more pixels than {@code maxPixels}
   * @throws UnsupportedImageException if libavif cannot decode what the file uses
   * @throws InvalidImageException if the data is corrupt or truncated
   */
  Decoded decode(byte[] data, long maxPixels) {
    AvifPixels pixels;
    try {
      pixels = avif.decode(data, maxPixels);
    } catch (AvifException e) {
      throw failure(e);
    }
    AvifInfo info = pixels.info();
    BufferedImage image = wrap(pixels.argb(), info.width(), info.height(), info.alpha());
    return new Decoded(new DecodedImage(image, pending(info)), info);
  }

  /**
   * The conversion to sRGB an AVIF needs: its ICC profile's when it has one (ICC takes precedence
   * over CICP; null for an sRGB, gray or unusable profile, as {@link EmbeddedProfile} decides),
   * else its CICP primaries and transfer's (null for sRGB).
   */
  static @Nullable SrgbConversion pending(AvifInfo info) {
    if (info.icc() != null) {
      return EmbeddedProfile.forRgbImage(info.icc());
    }
    return CicpConversion.forCicp(info.colorPrimaries(), info.transferCharacteristics());
  }

  private static TransformException failure(AvifException e) {
    if (e.tooLarge()) {
      return new ImageTooLargeException(
          Objects.requireNonNull(e.getMessage(), "AvifException has a message"));
    }
    if (e.unsupported()) {
      return new UnsupportedImageException("the AVIF image uses a feature that is not supported");
    }
    return new InvalidImageException(
        "the AVIF image is corrupt or truncated and cannot be decoded", e);
  }

  /** The decoded ints as a {@code TYPE_INT_ARGB} or {@code TYPE_INT_RGB} image, without a copy. */
  static BufferedImage wrap(int[] argb, int width, int height, boolean alpha) {
    int[] masks = alpha ? MASKS : new int[] {MASKS[0], MASKS[1], MASKS[2]};
    WritableRaster raster =
        Raster.createPackedRaster(
            new DataBufferInt(argb, width * height), width, height, width, masks, null);
    return new BufferedImage(alpha ? ARGB : RGB, raster, false, null);
  }
}
