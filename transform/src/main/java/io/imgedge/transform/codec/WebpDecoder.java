package io.imgedge.transform.codec;

import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InsufficientMemoryException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.codec.webp.LibWebp;
import io.imgedge.transform.codec.webp.WebpAnimation;
import io.imgedge.transform.codec.webp.WebpException;
import io.imgedge.transform.codec.webp.WebpPixels;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.probe.FrameTable;
import io.imgedge.transform.probe.ImageHeader;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Decodes WebP with libwebp into pipeline images, as {@code dwebp} and browsers decode it: lossy
 * images with libwebp's default fancy (interpolated) chroma upsampling, animations composed frame
 * by frame by {@code WebPAnimDecoder}. The still path decodes an animation's first frame on its
 * canvas. The embedded ICC profile is left pending, as on the ImageIO path; no more pixels than the
 * probe read are decoded.
 */
final class WebpDecoder {
  private static final int[] MASKS = {0xFF0000, 0xFF00, 0xFF, 0xFF000000};
  private static final ColorModel RGB = new DirectColorModel(24, MASKS[0], MASKS[1], MASKS[2]);

  private final LibWebp webp;

  WebpDecoder(LibWebp webp) {
    this.webp = webp;
  }

  /**
   * Decodes a still, or an animation's first frame composed on its canvas ({@code TYPE_INT_ARGB} if
   * the file has alpha, else {@code TYPE_INT_RGB}).
   *
   * @throws TransformException if the data is corrupt, truncated, larger than the probe read, or
   *     unsupported
   */
  DecodedImage decode(byte[] data, ImageHeader header) {
    WebpPixels pixels;
    try {
      pixels = webp.decode(data, pixelCount(header));
    } catch (WebpException e) {
      throw failure(e);
    }
    checkSize(pixels.info().width(), pixels.info().height(), header);
    BufferedImage image =
        wrap(
            pixels.argb(),
            pixels.info().width(),
            pixels.info().height(),
            pixels.info().alpha() || pixels.info().animated());
    return new DecodedImage(image, EmbeddedProfile.forRgbImage(header.iccProfile()));
  }

  /** The frames of an animation, libwebp composing them; the caller closes them. */
  AnimationFrames frames(byte[] data, ImageHeader header) {
    FrameTable table = FrameTable.scan(data, header.format());
    WebpAnimation animation;
    try {
      animation = webp.animation(data, pixelCount(header));
    } catch (WebpException e) {
      throw failure(e);
    }
    try {
      checkSize(animation.width(), animation.height(), header);
      if (animation.frameCount() != table.frames().size()) {
        throw new InvalidImageException(
            "the WebP animation has "
                + table.frames().size()
                + " ANMF chunks but libwebp's demuxer reads "
                + animation.frameCount()
                + " frames");
      }
    } catch (RuntimeException e) {
      animation.close();
      throw e;
    }
    return new WebpFrames(animation, table);
  }

  private static long pixelCount(ImageHeader header) {
    return (long) header.width() * header.height();
  }

  private static void checkSize(int width, int height, ImageHeader header) {
    if (width != header.width() || height != header.height()) {
      throw new InvalidImageException(
          "the WebP image is "
              + width
              + "x"
              + height
              + " to libwebp but "
              + header.width()
              + "x"
              + header.height()
              + " to the probe");
    }
  }

  /** The decoded ints as a {@code TYPE_INT_ARGB} or {@code TYPE_INT_RGB} image, without a copy. */
  private static BufferedImage wrap(int[] argb, int width, int height, boolean alpha) {
    int[] masks = alpha ? MASKS : new int[] {MASKS[0], MASKS[1], MASKS[2]};
    WritableRaster raster =
        Raster.createPackedRaster(
            new DataBufferInt(argb, width * height), width, height, width, masks, null);
    return new BufferedImage(alpha ? ColorModel.getRGBdefault() : RGB, raster, false, null);
  }

  static TransformException failure(WebpException e) {
    return switch (e.kind()) {
      case TOO_LARGE ->
          new ImageTooLargeException("the WebP image is too large: " + e.getMessage());
      case UNSUPPORTED ->
          new UnsupportedImageException(
              "the WebP image uses a feature that is not supported: " + e.getMessage());
      case TRUNCATED ->
          new InvalidImageException("the WebP image is truncated: " + e.getMessage(), e);
      case INVALID ->
          new InvalidImageException(
              "the WebP image is corrupt and cannot be decoded: " + e.getMessage(), e);
      case OUT_OF_MEMORY -> new InsufficientMemoryException(e);
    };
  }
}
