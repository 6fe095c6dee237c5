package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Tells what a source image is and whether it may be decoded, from its bytes alone and before any
 * pixel is decoded: the format by magic number (refusing content that contradicts its declared
 * type), the structure, and the limits.
 */
public final class HeaderProbe {
  private final ImageLimits limits;

  /**
   * @param limits what a source may be
   */
  public HeaderProbe(ImageLimits limits) {
    this.limits = limits;
  }

  /**
   * Probes a source.
   *
   * @param data the encoded source
   * @param declared the format its origin declared (Content-Type, or the file extension for a
   *     folder), or null if it declared none; content of another format is refused
   * @throws io.imgedge.transform.TransformException describing why it may not be decoded
   */
  public ImageHeader probe(byte[] data, @Nullable ImageFormat declared) {
    if (data.length == 0) {
      throw new InvalidImageException("the source image is empty (0 bytes)");
    }
    limits.checkInputBytes(data.length);
    ImageFormat format = ImageFormat.sniff(data);
    if (format == null) {
      throw new UnsupportedImageException(
          ImageFormat.isOtherHeif(data)
              ? "the source is a HEIF image that is not AVIF (e.g. HEIC, coded in HEVC), which is not supported"
              : "the source is not an image in a supported format (JPEG, PNG, GIF, WebP, AVIF, JPEG XL, BMP, TIFF)");
    }
    if (declared != null && declared != format) {
      throw new UnsupportedImageException(
          "the source is declared as %s but its content is %s"
              .formatted(declared.mediaType(), format.mediaType()));
    }
    ImageHeader header = scan(format, data);
    limits.checkInputSize("the source image", header.width(), header.height());
    limits.checkFrames(header.frames());
    return header;
  }

  private ImageHeader scan(ImageFormat format, byte[] data) {
    return switch (format) {
      case JPEG -> JpegScanner.scan(data, limits);
      case PNG -> PngScanner.scan(data);
      case GIF -> GifScanner.scan(data, limits);
      case WEBP -> WebpScanner.scan(data, limits);
      case BMP, TIFF -> viaImageReader(format, data);
      case AVIF -> AvifScanner.scan(data, limits);
      case JXL -> JxlScanner.scan(data, limits);
      case MP4 ->
          throw new IllegalArgumentException("MP4 is never sniffed: imgedge writes it only");
    };
  }

  /**
   * BMP and TIFF: the reader's header parse gives the size without decoding pixels. A TIFF's
   * orientation is its first IFD's Orientation tag (read as in EXIF, {@link ExifOrientation}): the
   * decoder (TwelveMonkeys) returns the first page as stored, and libvips' tiffload reports the tag
   * as the orientation its thumbnail and autorot apply.
   */
  private static ImageHeader viaImageReader(ImageFormat format, byte[] data) {
    Orientation orientation =
        format == ImageFormat.TIFF
            ? ExifOrientation.read(data, 0, data.length)
            : Orientation.NORMAL;
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnsupportedImageException("no decoder for " + format.mediaType());
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        return new ImageHeader(
            format,
            w,
            h,
            1,
            orientation,
            null,
            true,
            false,
            null,
            new Rectangle(0, 0, w, h),
            data.length,
            false,
            false,
            bitDepth(reader),
            null);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnsupportedImageException u) {
        throw u;
      }
      throw new InvalidImageException("the " + format.shortName() + " header cannot be read", e);
    }
  }

  /**
   * Bits per sample as the reader's header parse gives them (a 16-bit TIFF costs twice the memory
   * of an 8-bit one), or 0 if it cannot say: the decode, not the probe, decides whether an unusual
   * layout is readable.
   */
  private static int bitDepth(ImageReader reader) {
    try {
      ImageTypeSpecifier raw = reader.getRawImageType(0);
      return raw == null ? 0 : raw.getBitsPerBand(0);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
