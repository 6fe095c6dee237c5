package io.imgedge.transform.codec;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.avif.AvifSettings;
import io.imgedge.transform.ops.Quantizer;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageWriteParam;
import javax.imageio.spi.ImageWriterSpi;
import org.jspecify.annotations.Nullable;

/**
 * The encoders for every writable format, checked at start-up: if a writer is missing (for example
 * the WebP native library cannot load), construction fails with the format's name rather than the
 * first request. JPEG goes through libjpeg-turbo when {@link NativeCodecs} has it, else through the
 * JDK's writer (with optimized Huffman tables, as libjpeg-turbo and sharp write them). AVIF goes
 * through libavif (aom) and JPEG XL through libjxl when {@link NativeCodecs} has them; without them
 * those formats are not written ({@link #formats()} says so). MP4 (animations only) goes through
 * the {@code ffmpeg} program ({@link Ffmpeg}) when it is installed.
 */
public final class Encoders {
  /**
   * aom's speed for AVIF stills, chosen by measurement on sharp's benchmark task (README: AVIF and
   * JPEG XL against ipx): at the quantizer that meets the SSIM bar (22, quality 65) speed 8 gives
   * 41.8 KB at SSIM 0.9564 in ~0.12 s; speed 9 is 6 % larger for the same SSIM, speed 7 and 6 are
   * 4-9 % smaller but take 1.5-2.3x the time, which the throughput bar (5x ipx) cannot afford on
   * two cores.
   */
  static final int AVIF_SPEED = 8;

  private final Map<ImageFormat, ImageEncoder> encoders = new EnumMap<>(ImageFormat.class);
  private final Map<ImageFormat, String> names = new EnumMap<>(ImageFormat.class);
  private final String jpegCodec;
  private final ImageWriterSpi gifWriter;
  private final @Nullable Ffmpeg ffmpeg;

  /**
   * Finds and checks the writers, with libjpeg-turbo for JPEG if it is installed, and ffmpeg for
   * MP4 if it is on {@code PATH}.
   */
  public Encoders() {
    this(NativeCodecs.loadQuietly());
  }

  /**
   * Finds and checks the writers, with the JPEG codec {@code natives} provides, and ffmpeg for MP4
   * if it is on {@code PATH}.
   */
  public Encoders(NativeCodecs natives) {
    this(natives, Ffmpeg.locateQuietly());
  }

  /**
   * Finds and checks the writers, with the codecs {@code natives} provides.
   *
   * @param ffmpeg the program that writes MP4, or null for none (MP4 is then not written)
   */
  public Encoders(NativeCodecs natives, @Nullable Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
    if (ffmpeg != null) {
      names.put(ImageFormat.MP4, Ffmpeg.describe(ffmpeg));
    }
    var turbo = natives.turbo();
    if (turbo != null) {
      TurboJpegEncoder jpeg = new TurboJpegEncoder(turbo);
      put(ImageFormat.JPEG, jpeg, jpeg.providerName());
    } else {
      imageIo(ImageFormat.JPEG, "image/jpeg", "com.sun.imageio.", Encoders::jpeg);
    }
    this.jpegCodec = natives.jpegCodec();
    if (natives.libAvif() != null) {
      AvifEncoder avif = new AvifEncoder(natives.libAvif(), AVIF_SPEED, AvifSettings.YUV420, 1);
      put(ImageFormat.AVIF, avif, avif.providerName());
    }
    if (natives.libJxl() != null) {
      JxlEncoder jxl = new JxlEncoder(natives.libJxl());
      put(ImageFormat.JXL, jxl, jxl.providerName());
    }
    imageIo(ImageFormat.PNG, "image/png", "com.sun.imageio.", (p, o) -> {});
    this.gifWriter =
        imageIo(ImageFormat.GIF, "image/gif", "com.sun.imageio.", (p, o) -> {}).provider();
    imageIo(ImageFormat.WEBP, "image/webp", "com.luciad.imageio.webp.", Encoders::webp);
    selfTest();
  }

  private ImageIoEncoder imageIo(
      ImageFormat format,
      String mime,
      String preferred,
      java.util.function.BiConsumer<ImageWriteParam, EncodeOptions> configure) {
    ImageIoEncoder encoder = new ImageIoEncoder(required(mime, preferred), configure);
    put(format, encoder, encoder.providerName());
    return encoder;
  }

  private void put(ImageFormat format, ImageEncoder encoder, String name) {
    encoders.put(format, encoder);
    names.put(format, name);
  }

  /** Whether JPEG is written by libjpeg-turbo (as {@link YccJpeg#encode} writes it too). */
  public boolean jpegByLibjpegTurbo() {
    return encoders.get(ImageFormat.JPEG) instanceof TurboJpegEncoder;
  }

  /** The JPEG codec in use: {@code "libjpeg-turbo 2.1.5 (FFM)"} or {@code "ImageIO"}. */
  public String jpegCodec() {
    return jpegCodec;
  }

  private static ImageWriterSpi required(String mimeType, String preferred) {
    ImageWriterSpi spi = Plugins.writer(mimeType, List.of(preferred));
    if (spi == null) {
      throw new IllegalStateException("no ImageIO writer for " + mimeType + " on the class path");
    }
    return spi;
  }

  /** Encodes one tiny image per format so that a broken codec (e.g. a native library) fails now. */
  private void selfTest() {
    BufferedImage probe = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    for (Map.Entry<ImageFormat, ImageEncoder> e : encoders.entrySet()) {
      try {
        if (e.getValue().encode(probe, new EncodeOptions(80, false)).length == 0) {
          throw new IllegalStateException("empty output");
        }
      } catch (RuntimeException | LinkageError failure) {
        throw new IllegalStateException(
            "the "
                + e.getKey().shortName()
                + " encoder ("
                + names.get(e.getKey())
                + ") does not work",
            failure);
      }
    }
  }

  /**
   * Encodes an image; the format must be writable. GIF (and PNG with {@code palette}) is reduced to
   * 256 colours first; a PNG of only opaque black and white pixels ({@code bw=}) is written with
   * one bit per pixel.
   */
  public byte[] encode(BufferedImage image, ImageFormat format, EncodeOptions options) {
    if (format == ImageFormat.GIF) {
      AnimationEncoder gif = animation(format, options, -1);
      gif.add(image, 0);
      return gif.finish();
    }
    ImageEncoder encoder = encoders.get(format);
    if (encoder == null) {
      throw new IllegalArgumentException("imgedge cannot write " + format);
    }
    if (format == ImageFormat.PNG) {
      BufferedImage bilevel = Bilevel.of(image);
      if (bilevel != null) {
        return encoder.encode(bilevel, options);
      }
    }
    boolean palette = options.palette() && format == ImageFormat.PNG;
    return encoder.encode(palette ? Quantizer.quantize(image, 256, false) : image, options);
  }

  /**
   * An encoder for an animation in GIF, WebP or (when {@link #formats()} has it) MP4.
   *
   * @param loopCount how many times to play (0 = forever), or -1 for a GIF without a loop count;
   *     MP4 has none (the page's {@code <video loop>} says)
   */
  public AnimationEncoder animation(ImageFormat format, EncodeOptions options, int loopCount) {
    return switch (format) {
      case MP4 ->
          new Mp4AnimationEncoder(
              Objects.requireNonNull(ffmpeg, "MP4 is not among formats(): ffmpeg is missing"),
              options);
      case GIF -> new GifAnimationEncoder(gifWriter, loopCount);
      case WEBP ->
          new WebpAnimationEncoder(
              Objects.requireNonNull(
                  encoders.get(ImageFormat.WEBP), "the constructor requires WebP"),
              options,
              loopCount);
      default -> throw new IllegalArgumentException(format + " has no animation");
    };
  }

  /**
   * A side of an MP4 frame: 4:2:0 needs even sides, so an odd side loses its last pixel (a side of
   * one pixel is doubled).
   */
  public static int evenSide(int side) {
    return Mp4AnimationEncoder.even(side);
  }

  /** The formats this node can encode (GIF, animated or not, included; MP4 for animations). */
  public java.util.Set<ImageFormat> formats() {
    java.util.EnumSet<ImageFormat> all = java.util.EnumSet.of(ImageFormat.GIF);
    all.addAll(encoders.keySet());
    if (ffmpeg != null) {
      all.add(ImageFormat.MP4);
    }
    return all;
  }

  /** The writer class per format, for the start-up log and /metrics. */
  public Map<ImageFormat, String> providers() {
    return new EnumMap<>(names);
  }

  private static void jpeg(ImageWriteParam param, EncodeOptions options) {
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(options.quality() / 100f);
    param.setProgressiveMode(
        options.progressive() ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
    if (param instanceof javax.imageio.plugins.jpeg.JPEGImageWriteParam jpeg) {
      jpeg.setOptimizeHuffmanTables(true);
    }
  }

  private static void webp(ImageWriteParam param, EncodeOptions options) {
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType(options.lossless() ? "Lossless" : "Lossy");
    param.setCompressionQuality(options.quality() / 100f);
  }
}
