package io.imgedge.transform.codec;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ops.Quantizer;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageWriteParam;
import javax.imageio.spi.ImageWriterSpi;

/**
 * The encoders for every writable format, checked at start-up: if a writer is missing (for
 * example the WebP native library cannot load), construction fails with the format's name rather
 * than the first request.
 */
public final class Encoders {
  private final Map<ImageFormat, ImageIoEncoder> encoders = new EnumMap<>(ImageFormat.class);

  /** Finds and checks the writers. */
  public Encoders() {
    encoders.put(ImageFormat.JPEG, new ImageIoEncoder(required("image/jpeg", "com.sun.imageio."), Encoders::jpeg));
    encoders.put(ImageFormat.PNG, new ImageIoEncoder(required("image/png", "com.sun.imageio."), (p, o) -> { }));
    encoders.put(ImageFormat.GIF, new ImageIoEncoder(required("image/gif", "com.sun.imageio."), (p, o) -> { }));
    encoders.put(ImageFormat.WEBP, new ImageIoEncoder(required("image/webp", "com.luciad.imageio.webp."), Encoders::webp));
    selfTest();
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
    for (Map.Entry<ImageFormat, ImageIoEncoder> e : encoders.entrySet()) {
      try {
        if (e.getValue().encode(probe, new EncodeOptions(80, false)).length == 0) {
          throw new IllegalStateException("empty output");
        }
      } catch (RuntimeException | LinkageError failure) {
        throw new IllegalStateException(
            "the " + e.getKey().shortName() + " encoder (" + e.getValue().providerName() + ") does not work", failure);
      }
    }
  }

  /**
   * Encodes an image; the format must be writable. GIF (and PNG with {@code palette}) is reduced
   * to 256 colours first.
   */
  public byte[] encode(BufferedImage image, ImageFormat format, EncodeOptions options) {
    if (format == ImageFormat.GIF) {
      AnimationEncoder gif = animation(format, options, -1);
      gif.add(image, 0);
      return gif.finish();
    }
    ImageIoEncoder encoder = encoders.get(format);
    if (encoder == null) {
      throw new IllegalArgumentException("imgedge cannot write " + format);
    }
    boolean palette = options.palette() && format == ImageFormat.PNG;
    return encoder.encode(palette ? Quantizer.quantize(image, 256, false) : image, options);
  }

  /**
   * An encoder for an animation in GIF or WebP.
   *
   * @param loopCount how many times to play (0 = forever), or -1 for a GIF without a loop count
   */
  public AnimationEncoder animation(ImageFormat format, EncodeOptions options, int loopCount) {
    return switch (format) {
      case GIF -> new GifAnimationEncoder(encoders.get(ImageFormat.GIF).provider(), loopCount);
      case WEBP -> new WebpAnimationEncoder(encoders.get(ImageFormat.WEBP), options, loopCount);
      default -> throw new IllegalArgumentException(format + " has no animation");
    };
  }

  /** The writer class per format, for the start-up log and /metrics. */
  public Map<ImageFormat, String> providers() {
    Map<ImageFormat, String> names = new EnumMap<>(ImageFormat.class);
    encoders.forEach((f, e) -> names.put(f, e.providerName()));
    return names;
  }

  private static void jpeg(ImageWriteParam param, EncodeOptions options) {
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(options.quality() / 100f);
    param.setProgressiveMode(
        options.progressive() ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
  }

  private static void webp(ImageWriteParam param, EncodeOptions options) {
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType(options.lossless() ? "Lossless" : "Lossy");
    param.setCompressionQuality(options.quality() / 100f);
  }
}
