package io.imgedge.transform;

import io.imgedge.config.TransformConfig.JpegType;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import io.imgedge.transform.spec.OutputTarget;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;

/** Turns a negotiated target into a concrete format and encoder options, once the source is known. */
final class OutputFormats {
  private OutputFormats() {}

  static ImageFormat format(OutputTarget target, ImageHeader source, TransformSpec spec) {
    return switch (target) {
      case SOURCE -> source.format().writable() ? source.format() : alphaAware(source);
      case AUTO -> animated(source, spec) ? ImageFormat.GIF : alphaAware(source, spec);
      case JPEG, BASELINE_JPEG, PROGRESSIVE_JPEG -> ImageFormat.JPEG;
      case PNG, PNG8 -> ImageFormat.PNG;
      case GIF -> ImageFormat.GIF;
      case WEBP, WEBP_LOSSLESS, WEBP_LOSSY -> ImageFormat.WEBP;
    };
  }

  /** Whether the output keeps an animation: an animated source, no {@code frame=1}. */
  static boolean animated(ImageHeader source, TransformSpec spec) {
    return source.frames() > 1 && !spec.output().firstFrame();
  }

  private static ImageFormat alphaAware(ImageHeader source) {
    return source.hasAlpha() ? ImageFormat.PNG : ImageFormat.JPEG;
  }

  /** {@code format=auto} without WebP: PNG for alpha and for 1-bit black and white, else JPEG. */
  private static ImageFormat alphaAware(ImageHeader source, TransformSpec spec) {
    return spec.adjustments().bw() != null ? ImageFormat.PNG : alphaAware(source);
  }

  static EncodeOptions options(
      TransformSpec spec, Negotiated negotiated, ImageFormat format, ImageHeader source,
      TransformDefaults defaults) {
    int quality;
    Integer explicit = spec.quality();
    Integer optimized = spec.output().optimize() == null ? null : spec.output().optimize().quality();
    if (format == ImageFormat.WEBP) {
      Integer webp = negotiated.webpNegotiated() ? spec.webpQuality() : null;
      quality = first(webp, explicit, optimized, defaults.webpQuality());
    } else {
      quality = first(explicit, optimized, defaults.jpegQuality());
    }
    OutputTarget target = negotiated.target();
    boolean lossless = target == OutputTarget.WEBP_LOSSLESS
        || (format == ImageFormat.WEBP && target != OutputTarget.WEBP_LOSSY && spec.adjustments().bw() != null);
    return new EncodeOptions(quality, progressive(target, source, defaults.jpegType()), lossless,
        target == OutputTarget.PNG8);
  }

  private static int first(Integer... candidates) {
    for (Integer c : candidates) {
      if (c != null) {
        return c;
      }
    }
    throw new IllegalArgumentException("no quality");
  }

  private static boolean progressive(OutputTarget target, ImageHeader source, JpegType type) {
    return switch (target) {
      case PROGRESSIVE_JPEG -> true;
      case BASELINE_JPEG -> false;
      default ->
          switch (type) {
            case PROGRESSIVE -> true;
            case BASELINE -> false;
            case AUTO -> source.progressive();
          };
    };
  }
}
