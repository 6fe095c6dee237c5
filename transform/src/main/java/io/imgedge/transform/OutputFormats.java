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

  static ImageFormat format(OutputTarget target, ImageHeader source) {
    return switch (target) {
      case SOURCE -> source.format().writable() ? source.format() : alphaAware(source);
      case AUTO -> alphaAware(source);
      case JPEG, BASELINE_JPEG, PROGRESSIVE_JPEG -> ImageFormat.JPEG;
      case PNG -> ImageFormat.PNG;
      case GIF -> ImageFormat.GIF;
      case WEBP -> ImageFormat.WEBP;
    };
  }

  private static ImageFormat alphaAware(ImageHeader source) {
    return source.hasAlpha() ? ImageFormat.PNG : ImageFormat.JPEG;
  }

  static EncodeOptions options(
      TransformSpec spec, Negotiated negotiated, ImageFormat format, ImageHeader source,
      TransformDefaults defaults) {
    int quality;
    if (format == ImageFormat.WEBP) {
      Integer webp = negotiated.webpNegotiated() ? spec.webpQuality() : null;
      quality = webp != null ? webp : spec.quality() != null ? spec.quality() : defaults.webpQuality();
    } else {
      quality = spec.quality() != null ? spec.quality() : defaults.jpegQuality();
    }
    return new EncodeOptions(quality, progressive(negotiated.target(), source, defaults.jpegType()));
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
