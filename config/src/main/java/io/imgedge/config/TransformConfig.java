package io.imgedge.config;

/**
 * Service-wide transform defaults, the equivalent of Fastly's image optimizer settings. A request's
 * own parameters override them.
 *
 * @param jpegQuality JPEG quality when a request gives none ({@code transform.jpeg-quality})
 * @param webpQuality WebP quality when a request gives none ({@code transform.webp-quality})
 * @param jpegType baseline, progressive, or auto (same as the source JPEG) ({@code
 *     transform.jpeg-type})
 * @param resizeFilter resampling filter when a request gives none ({@code transform.resize-filter})
 * @param upscale whether output may be larger than the source by default ({@code
 *     transform.upscale})
 */
public record TransformConfig(
    int jpegQuality, int webpQuality, JpegType jpegType, String resizeFilter, boolean upscale) {

  /** How JPEG output is encoded when the request does not say ({@code format=pjpg} does). */
  public enum JpegType {
    /** Progressive when the source is a progressive JPEG, otherwise baseline. */
    AUTO,
    /** Always baseline (sequential). */
    BASELINE,
    /** Always progressive. */
    PROGRESSIVE
  }

  static TransformConfig from(Settings s) {
    return new TransformConfig(
        s.integer("transform.jpeg-quality", 1, 100),
        s.integer("transform.webp-quality", 1, 100),
        s.choice("transform.jpeg-type", JpegType.class),
        s.string("transform.resize-filter"),
        s.bool("transform.upscale"));
  }

  /** The key behind {@link #resizeFilter()}, for an error message that names it. */
  public static final String RESIZE_FILTER_KEY = "transform.resize-filter";
}
