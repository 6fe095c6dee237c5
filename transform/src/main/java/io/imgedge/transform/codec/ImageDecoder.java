package io.imgedge.transform.codec;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.color.DeepImages;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.probe.FrameTable;
import io.imgedge.transform.probe.ImageHeader;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the first frame of a probed source into a pipeline image. Colour and plain gray JPEGs go
 * through libjpeg-turbo when {@link NativeCodecs} has it, scaled by 1/2, 1/4 or 1/8 in the DCT
 * domain when the render shrinks that much anyway ("shrink-on-load"), with their embedded profile
 * left pending for after the resize. Everything else, and any JPEG libjpeg-turbo refuses or warns
 * about (then decoded again, so that the same rules decide), goes through ImageIO: TwelveMonkeys
 * for JPEG (ICC profiles, lossless), WebP and TIFF; the JDK for PNG (its tRNS and palette made to
 * agree with libpng's, {@link PngSamples}), GIF and BMP. CMYK and YCCK JPEGs go through {@link
 * CmykJpegReader}. Without libjpeg-turbo, a YCbCr JPEG that the render shrinks is read as its raw
 * YCbCr raster by the JDK decoder and converted after the resize ({@link YccJpegReader}). A decoder
 * warning that means missing data (a truncated file) fails the decode rather than returning a
 * partly gray image. AVIF goes through libavif (dav1d) and JPEG XL through libjxl when {@link
 * NativeCodecs} has them, and are refused (415) otherwise; their orientation ({@code irot}/{@code
 * imir}, the codestream's) is left to the pipeline, which the probe told of it as an EXIF
 * orientation. WebP goes through libwebp when {@link NativeCodecs} has it (fancy chroma upsampling,
 * as dwebp and browsers; animations composed by {@code WebPAnimDecoder}), else through
 * TwelveMonkeys.
 *
 * <p>GIF is the exception to the above: its stills and animation frames go through {@code
 * GifDecoder}, not ImageIO, and are rendered as browsers render them (broken or short LZW data
 * keeps the pixels decoded before the break, the rest transparent; colour indices past the table
 * are transparent). A GIF cut inside its blocks is refused by the probe (422).
 */
public final class ImageDecoder {
  private static final String TWELVEMONKEYS = "com.twelvemonkeys.";
  private static final String JDK = "com.sun.imageio.";

  private final Map<ImageFormat, ImageReaderSpi> readers = new EnumMap<>(ImageFormat.class);
  private final CmykJpegReader cmyk;
  private final @Nullable ImageReaderSpi jdkJpeg;
  private final @Nullable TurboJpegDecoder turbo;
  private final @Nullable YccJpeg ycc;
  private final @Nullable AvifDecoder avif;
  private final @Nullable JxlDecoder jxl;
  private final @Nullable WebpDecoder webp;
  private final GifDecoder gif = new GifDecoder();
  private final String jpegCodec;

  /** Finds the decoders, with libjpeg-turbo for JPEG if it is installed. */
  public ImageDecoder() {
    this(NativeCodecs.loadQuietly());
  }

  /**
   * Finds the decoders, with the JPEG codec {@code natives} provides; fails if an ImageIO decoder
   * is missing (a broken class path or fat jar).
   */
  public ImageDecoder(NativeCodecs natives) {
    var library = natives.turbo();
    this.turbo = library == null ? null : new TurboJpegDecoder(library);
    this.ycc = library == null ? null : new YccJpeg(library);
    this.avif = natives.libAvif() == null ? null : new AvifDecoder(natives.libAvif());
    this.jxl = natives.libJxl() == null ? null : new JxlDecoder(natives.libJxl());
    this.webp = natives.libWebp() == null ? null : new WebpDecoder(natives.libWebp());
    this.jpegCodec = natives.jpegCodec();
    readers.put(ImageFormat.JPEG, required("jpeg", List.of(TWELVEMONKEYS)));
    readers.put(ImageFormat.PNG, required("png", List.of(JDK)));
    readers.put(ImageFormat.WEBP, required("webp", List.of(TWELVEMONKEYS)));
    readers.put(ImageFormat.BMP, required("bmp", List.of(JDK, TWELVEMONKEYS)));
    readers.put(ImageFormat.TIFF, required("tiff", List.of(TWELVEMONKEYS)));
    this.cmyk = new CmykJpegReader();
    ImageReaderSpi jpeg = Plugins.reader("jpeg", List.of(JDK));
    this.jdkJpeg = jpeg != null && jpeg.getClass().getName().startsWith(JDK) ? jpeg : null;
  }

  private static ImageReaderSpi required(String format, List<String> preferred) {
    ImageReaderSpi spi = Plugins.reader(format, preferred);
    if (spi == null) {
      throw new IllegalStateException("no ImageIO reader for " + format + " on the class path");
    }
    return spi;
  }

  /** The JPEG codec in use: {@code "libjpeg-turbo 2.1.5 (FFM)"} or {@code "ImageIO"}. */
  public String jpegCodec() {
    return jpegCodec;
  }

  /** JPEG as YCbCr planes through libjpeg-turbo, or null without it. */
  public @Nullable YccJpeg ycc() {
    return ycc;
  }

  /** The decoder used for a format, for the start-up log and /metrics. */
  public String decoderName(ImageFormat format) {
    if (format == ImageFormat.AVIF) {
      return avif == null ? NativeCodecs.NOT_INSTALLED : AvifDecoder.class.getName();
    }
    if (format == ImageFormat.JXL) {
      return jxl == null ? NativeCodecs.NOT_INSTALLED : JxlDecoder.class.getName();
    }
    if (format == ImageFormat.WEBP && webp != null) {
      return WebpDecoder.class.getName(); // libwebp; without it, TwelveMonkeys' reader below
    }
    if (format == ImageFormat.GIF) {
      return GifDecoder.class.getName();
    }
    ImageReaderSpi spi = readers.get(format);
    return spi == null ? NativeCodecs.NOT_INSTALLED : spi.getClass().getName();
  }

  /**
   * The scale {@link #decode(byte[], ImageHeader, double)} will decode a source at for this {@code
   * maxShrink}: 1/8, 1/4 or 1/2 for a JPEG libjpeg-turbo shrinks on load, else 1 (for estimating a
   * render's cost before decoding).
   */
  public double decodeScale(ImageHeader header, double maxShrink) {
    return turbo != null && turbo.accepts(header) ? TurboJpegDecoder.eighths(maxShrink) / 8.0 : 1;
  }

  /**
   * Decodes the first frame of a source that {@link io.imgedge.transform.probe.HeaderProbe}
   * accepted.
   *
   * @throws TransformException if the data cannot be decoded
   */
  public DecodedImage decode(byte[] data, ImageHeader header) {
    return decode(data, header, 1);
  }

  /**
   * Decodes the first frame, allowing the decoder to return it smaller by up to {@code maxShrink}
   * in each direction (a JPEG is then scaled in the DCT domain by 1/2, 1/4 or 1/8). The pixels keep
   * the stored orientation and aspect ratio; the caller maps its geometry onto the size it gets.
   *
   * @param maxShrink how much smaller than stored the result may be, 1 for full size
   * @throws TransformException if the data cannot be decoded
   */
  public DecodedImage decode(byte[] source, ImageHeader header, double maxShrink) {
    if (header.format() == ImageFormat.AVIF) {
      return avif(source, header);
    }
    if (header.format() == ImageFormat.JXL) {
      return jxl(source, header);
    }
    if (header.format() == ImageFormat.WEBP && webp != null) {
      return webp.decode(source, header);
    }
    if (header.format() == ImageFormat.GIF) {
      return gif.decode(source, header);
    }
    byte[] data = JpegProfileGuard.safe(source, header);
    data = header.format() == ImageFormat.PNG ? PngSamples.decodable(data) : data;
    if (turbo != null && turbo.accepts(header)) {
      DecodedImage fast = turbo.decode(data, header, maxShrink);
      if (fast != null) {
        return fast;
      }
    }
    if (maxShrink > 1 && jdkJpeg != null && header.storedAsYcc()) {
      try {
        DecodedImage ycc =
            read(jdkJpeg, data, header, reader -> YccJpegReader.read(reader, header));
        if (ycc != null) {
          return ycc;
        }
      } catch (TransformException e) {
        // the JDK decoder refuses it: TwelveMonkeys below decides (a damaged file fails there too)
      }
    }
    BufferedImage raw =
        read(
            reader(header),
            data,
            header,
            reader ->
                header.cmyk() != null
                    ? cmyk.read(reader, header.cmyk(), header.iccProfile())
                    : reader.read(0));
    raw =
        header.format() == ImageFormat.PNG
            ? PngSamples.likeLibpng(raw, data)
            : raw; // tRNS, palette
    // TwelveMonkeys applies a JPEG's embedded profile itself.
    byte @Nullable [] profile = header.format() == ImageFormat.JPEG ? null : header.iccProfile();
    BufferedImage deep = DeepImages.toSrgb(raw, profile); // 16 bits: converted before rounding
    if (deep != null) {
      return new DecodedImage(onCanvas(deep, header), null);
    }
    BufferedImage image = onCanvas(SrgbImages.normalize(raw), header);
    return new DecodedImage(image, EmbeddedProfile.forRgbImage(profile));
  }

  /** Decodes the first image of an AVIF, at most as large as the probe read it. */
  private DecodedImage avif(byte[] data, ImageHeader header) {
    if (avif == null) {
      throw new UnsupportedImageException(
          "AVIF sources cannot be decoded on this node (libavif is not installed)");
    }
    return avif.decode(data, (long) header.width() * header.height()).image();
  }

  /** Decodes the first frame of a JPEG XL, at most as large as the probe read it. */
  private DecodedImage jxl(byte[] data, ImageHeader header) {
    if (jxl == null) {
      throw new UnsupportedImageException(
          "JPEG XL sources cannot be decoded on this node (libjxl is not installed)");
    }
    return jxl.decode(data, (long) header.width() * header.height());
  }

  /**
   * The frames of an animated GIF or WebP, decoded one at a time as complete pictures. The caller
   * closes them.
   */
  public AnimationFrames frames(byte[] data, ImageHeader header) {
    if (header.format() == ImageFormat.WEBP && webp != null) {
      return webp.frames(data, header);
    }
    if (header.format() == ImageFormat.GIF) {
      return new CoalescedFrames(
          gif.frames(data, header.width(), header.height()),
          FrameTable.scan(data, ImageFormat.GIF),
          header.width(),
          header.height());
    }
    ImageReader reader;
    try {
      reader = reader(header).createReaderInstance();
      reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(data)), false, true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a decoder", e);
    }
    FrameTable table = FrameTable.scan(data, header.format());
    return new CoalescedFrames(CoalescedFrames.of(reader), table, header.width(), header.height());
  }

  /**
   * The ImageIO decoder for the source's format; AVIF and JPEG XL have none (libavif and libjxl
   * decode them, as stills: their animations are read as the first frame), so asking for one is
   * refused as unsupported (415). GIF has none either: {@link GifDecoder} decodes it.
   */
  private ImageReaderSpi reader(ImageHeader header) {
    ImageReaderSpi spi = readers.get(header.format());
    if (spi == null) {
      throw new UnsupportedImageException(
          "the frames of "
              + header.format().mediaType()
              + " animations are not decoded, only the first");
    }
    return spi;
  }

  /** What a reader makes of its input. */
  private interface Read<T extends @Nullable Object> {
    T from(ImageReader reader) throws IOException;
  }

  /** Reads with a new reader of {@code spi}, failing on decoder warnings that mean missing data. */
  private <T extends @Nullable Object> T read(
      ImageReaderSpi spi, byte[] data, ImageHeader header, Read<T> read) {
    ImageReader reader;
    try {
      reader = spi.createReaderInstance();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a decoder", e);
    }
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      T image = read.from(reader);
      failOnMissingData(warnings, header);
      return image;
    } catch (TransformException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw failure(header, e);
    } finally {
      reader.dispose();
    }
  }

  private static TransformException failure(ImageHeader header, Exception e) {
    if (io.imgedge.transform.InsufficientMemoryException.causedBy(e)) {
      return new io.imgedge.transform.InsufficientMemoryException(e); // our memory, not the image
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("unsupported") || message.contains("not supported")) {
      return new UnsupportedImageException(
          "the " + header.format().shortName() + " image uses a feature that is not supported");
    }
    return new InvalidImageException(
        "the "
            + header.format().shortName()
            + " image is corrupt or truncated and cannot be decoded",
        e);
  }

  private static void failOnMissingData(List<String> warnings, ImageHeader header) {
    for (String w : warnings) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (lower.contains("premature end") || lower.contains("truncated")) {
        throw new InvalidImageException(
            "the " + header.format().shortName() + " image is truncated: " + w);
      }
    }
  }

  /** Places a first frame that does not fill its animation's canvas at its offset. */
  private static BufferedImage onCanvas(BufferedImage frame, ImageHeader header) {
    Rectangle at = header.firstFrame();
    boolean fills =
        at.x == 0
            && at.y == 0
            && frame.getWidth() == header.width()
            && frame.getHeight() == header.height();
    if (fills) {
      return frame;
    }
    BufferedImage canvas = SrgbImages.blank(header.width(), header.height(), true);
    Graphics2D g = canvas.createGraphics();
    try {
      g.drawImage(frame, at.x, at.y, null);
    } finally {
      g.dispose();
    }
    return canvas;
  }
}
