package io.imgedge.transform;

import io.imgedge.config.TransformConfig.JpegType;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.AcceptedFormats;
import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import io.imgedge.transform.spec.Optimize;
import io.imgedge.transform.spec.OutputTarget;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a negotiated target into a concrete format and encoder options, once the source is known.
 *
 * <p>{@code format=auto} for a client that accepts AVIF or JPEG XL chooses per image: an animation
 * stays animated (WebP, else GIF: imgedge writes no animated AVIF), 1-bit black and white goes
 * lossless (WebP, else PNG), and everything else to AVIF, else JPEG XL, else WebP, else JPEG (PNG
 * for alpha) — except that a tiny output skips AVIF (its container costs more than it saves below
 * {@link #TINY_PIXELS}, twice that with alpha). A format whose encoder is not installed on this
 * node is replaced by WebP (the closest one that is always there), with a warning. {@code
 * format=mp4} gives MP4 for an animation only; a still image, or a node without ffmpeg, keeps the
 * source's format, with a warning.
 */
final class OutputFormats {
  /**
   * Opaque outputs of at most this many pixels are tiny, where WebP at its default quality is
   * smaller than AVIF at its own (AVIF's boxes and AV1 headers cost ~300 bytes). Measured on
   * thumbnails 16 to 128 px wide of sharp's photo and the bundled samples: AVIF wins from about
   * 2,400-2,800 pixels (e.g. sharp's photo 48x39: AVIF 924 bytes, WebP 896; 56x46: 1,073 against
   * 1,084). With alpha (a second AV1 image) the crossing is about twice as far: the bundled logo at
   * 64x32 is 1,223 against 1,114 bytes, at 96x48 1,531 against 1,520.
   */
  static final int TINY_PIXELS = 48 * 48;

  private OutputFormats() {}

  /**
   * The format chosen, and why it is not the one asked for (or null).
   *
   * @param format the format to encode
   * @param warning for the warning header when the format asked for is not available here, or null
   */
  record Choice(ImageFormat format, @Nullable String warning) {}

  /**
   * Chooses the format.
   *
   * @param outputPixels the size of the final image (of one frame)
   * @param available the formats this node can encode
   */
  static Choice choose(
      Negotiated negotiated,
      ImageHeader source,
      TransformSpec spec,
      long outputPixels,
      Set<ImageFormat> available) {
    if (negotiated.target() == OutputTarget.MP4) {
      return mp4(source, spec, available);
    }
    ImageFormat wanted =
        switch (negotiated.target()) {
          case SOURCE -> available.contains(source.format()) ? source.format() : alphaAware(source);
          case AUTO -> auto(negotiated.accepted(), source, spec, outputPixels, available);
          case JPEG, BASELINE_JPEG, PROGRESSIVE_JPEG -> ImageFormat.JPEG;
          case PNG, PNG8 -> ImageFormat.PNG;
          case GIF -> ImageFormat.GIF;
          case WEBP, WEBP_LOSSLESS, WEBP_LOSSY -> ImageFormat.WEBP;
          case AVIF -> ImageFormat.AVIF;
          case JXL, PROGRESSIVE_JXL -> ImageFormat.JXL;
          case MP4 -> ImageFormat.MP4;
        };
    if (available.contains(wanted)) {
      return new Choice(wanted, null);
    }
    return new Choice(
        ImageFormat.WEBP,
        "%s output is not available on this node (its native library is not installed); served as WebP"
            .formatted(
                wanted == ImageFormat.JXL
                    ? "JPEG XL"
                    : wanted.shortName().toUpperCase(java.util.Locale.ROOT)));
  }

  /**
   * {@code format=mp4}: MP4 for an animation (Fastly converts animated GIFs only; imgedge animated
   * WebP too); a still image (or {@code frame=1}) keeps its own format, and an animation on a node
   * without ffmpeg too (GIF or WebP, still animated), each with a warning.
   */
  private static Choice mp4(ImageHeader source, TransformSpec spec, Set<ImageFormat> available) {
    ImageFormat own = available.contains(source.format()) ? source.format() : alphaAware(source);
    String ownName = own.shortName().toUpperCase(java.util.Locale.ROOT);
    if (!animated(source, spec)) {
      return new Choice(
          own,
          "format=mp4 is for animations (an animated GIF or WebP, without frame=1); served as "
              + ownName);
    }
    if (!available.contains(ImageFormat.MP4)) {
      return new Choice(
          own,
          "MP4 output is not available on this node (ffmpeg is not installed); the animation is"
              + " served as "
              + ownName);
    }
    return new Choice(ImageFormat.MP4, null);
  }

  private static ImageFormat auto(
      AcceptedFormats accepted,
      ImageHeader source,
      TransformSpec spec,
      long outputPixels,
      Set<ImageFormat> available) {
    boolean webp = accepted.webp();
    if (animated(source, spec)) {
      return webp ? ImageFormat.WEBP : ImageFormat.GIF;
    }
    if (spec.adjustments().bw() != null) {
      return webp ? ImageFormat.WEBP : alphaAware(source, spec);
    }
    boolean tiny = outputPixels <= (source.hasAlpha() ? 2L * TINY_PIXELS : TINY_PIXELS);
    if (accepted.avif() && available.contains(ImageFormat.AVIF) && !tiny) {
      return ImageFormat.AVIF;
    }
    if (accepted.jxl() && available.contains(ImageFormat.JXL)) {
      return ImageFormat.JXL;
    }
    return webp ? ImageFormat.WEBP : alphaAware(source, spec);
  }

  /**
   * Whether the output keeps an animation: an animated GIF or WebP source, no {@code frame=1}
   * (animated AVIF and JPEG XL sources are read as their first frame).
   */
  static boolean animated(ImageHeader source, TransformSpec spec) {
    boolean framesDecoded =
        source.format() == ImageFormat.GIF || source.format() == ImageFormat.WEBP;
    return framesDecoded && source.frames() > 1 && !spec.output().firstFrame();
  }

  private static ImageFormat alphaAware(ImageHeader source) {
    return source.hasAlpha() ? ImageFormat.PNG : ImageFormat.JPEG;
  }

  /**
   * {@code format=auto} without a modern format: PNG for alpha and for 1-bit black and white, else
   * JPEG.
   */
  private static ImageFormat alphaAware(ImageHeader source, TransformSpec spec) {
    return spec.adjustments().bw() != null ? ImageFormat.PNG : alphaAware(source);
  }

  static EncodeOptions options(
      TransformSpec spec,
      Negotiated negotiated,
      ImageFormat format,
      ImageHeader source,
      TransformDefaults defaults) {
    Integer explicit = spec.quality();
    Optimize optimize = spec.output().optimize();
    int quality =
        switch (format) {
          case WEBP ->
              first(
                  negotiated.webpNegotiated() ? spec.webpQuality() : null,
                  explicit,
                  optimize == null ? null : optimize.quality(),
                  defaults.webpQuality());
          case AVIF ->
              first(
                  explicit,
                  optimize == null ? null : avifQuality(optimize),
                  defaults.avifQuality());
          case JXL ->
              first(explicit, optimize == null ? null : optimize.quality(), defaults.jxlQuality());
          default ->
              first(explicit, optimize == null ? null : optimize.quality(), defaults.jpegQuality());
        };
    OutputTarget target = negotiated.target();
    boolean lossless =
        target == OutputTarget.WEBP_LOSSLESS
            || (format == ImageFormat.WEBP
                && target != OutputTarget.WEBP_LOSSY
                && spec.adjustments().bw() != null);
    boolean progressive =
        format == ImageFormat.JXL
            ? target == OutputTarget.PROGRESSIVE_JXL
            : progressive(target, source, defaults.jpegType());
    return new EncodeOptions(
        quality, progressive, lossless, target == OutputTarget.PNG8, spec.output().h264());
  }

  /**
   * {@code optimize=} on libavif's quality scale, which runs lower than JPEG's for the same look:
   * low 80, medium 65 (the default's), high 50.
   */
  private static int avifQuality(Optimize optimize) {
    return switch (optimize) {
      case LOW -> 80;
      case MEDIUM -> 65;
      case HIGH -> 50;
    };
  }

  private static int first(@Nullable Integer... candidates) {
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
