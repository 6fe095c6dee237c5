package io.imgedge.transform.codec;

import io.imgedge.transform.codec.jxl.JxlException;
import io.imgedge.transform.codec.jxl.JxlSettings;
import io.imgedge.transform.codec.jxl.LibJxl;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * Encodes JPEG XL with libjxl: lossy at cjxl's mapping of the quality (1-99) to a Butteraugli
 * distance ({@link JxlSettings#forQuality}), lossless at quality 100 (as Fastly documents {@code
 * format=jxl&quality=100}) or with {@link EncodeOptions#lossless()}; sRGB, alpha kept when the
 * image has it ({@code TYPE_INT_ARGB}), no metadata.
 */
final class JxlEncoder implements ImageEncoder {
  /**
   * The effort used unless another is given. See {@code JxlPerformanceTest} for what the efforts
   * cost and save on the benchmark photo at 720x588.
   */
  static final int DEFAULT_EFFORT = 5;

  private final LibJxl jxl;
  private final int effort;

  JxlEncoder(LibJxl jxl) {
    this(jxl, DEFAULT_EFFORT);
  }

  /**
   * @param effort libjxl's effort, 1 (fastest) to 9
   */
  JxlEncoder(LibJxl jxl, int effort) {
    JxlSettings.lossless(effort); // validates the effort now rather than on the first request
    this.jxl = jxl;
    this.effort = effort;
  }

  @Override
  public byte[] encode(BufferedImage image, EncodeOptions options) {
    BufferedImage src = SrgbImages.isPipelineType(image) ? image : SrgbImages.normalize(image);
    try {
      return jxl.encode(
          packed(src),
          src.getWidth(),
          src.getHeight(),
          src.getColorModel().hasAlpha(),
          settings(options));
    } catch (JxlException e) {
      throw new IllegalStateException("libjxl could not encode: " + e.getMessage(), e);
    }
  }

  /**
   * Lossless at quality 100 or when asked for; else cjxl's distance for the quality; progressive
   * for {@code format=pjxl}.
   */
  JxlSettings settings(EncodeOptions options) {
    int quality = Math.clamp(options.quality(), 1, 100);
    JxlSettings settings =
        options.lossless() ? JxlSettings.lossless(effort) : JxlSettings.forQuality(quality, effort);
    return options.progressive() ? settings.progressively() : settings;
  }

  /** The image's own array when it is exactly its pixels (not a sub-image), else a copy. */
  private static int[] packed(BufferedImage image) {
    int[] pixels = SrgbImages.pixels(image);
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getRaster().getParent() == null && pixels.length == w * h) {
      return pixels;
    }
    return image.getRGB(0, 0, w, h, null, 0, w);
  }

  String providerName() {
    return jxl.version() + " (FFM)";
  }
}
