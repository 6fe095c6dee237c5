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
 * @param avifQuality AVIF quality when a request gives none ({@code transform.avif-quality})
 * @param jxlQuality JPEG XL quality when a request gives none ({@code transform.jxl-quality})
 * @param clientHints whether {@code Sec-CH-DPR}, {@code Sec-CH-Width} and {@code Save-Data} fill in
 *     what a request's parameters leave open ({@code transform.client-hints})
 * @param ffmpeg the {@code ffmpeg} program that writes {@code format=mp4}: a path, or a name looked
 *     up on {@code PATH}; empty for none ({@code transform.ffmpeg})
 */
public record TransformConfig(
    int jpegQuality,
    int webpQuality,
    JpegType jpegType,
    String resizeFilter,
    boolean upscale,
    int avifQuality,
    int jxlQuality,
    boolean clientHints,
    String ffmpeg) {

  /** {@code transform.avif-quality}'s default, chosen by measurement (see README: AVIF). */
  public static final int DEFAULT_AVIF_QUALITY = 65;

  /** {@code transform.jxl-quality}'s default, chosen by measurement (see README: JPEG XL). */
  public static final int DEFAULT_JXL_QUALITY = 85;

  /** The defaults for AVIF, JPEG XL, client hints and ffmpeg, with the rest given. */
  public TransformConfig(
      int jpegQuality, int webpQuality, JpegType jpegType, String resizeFilter, boolean upscale) {
    this(
        jpegQuality,
        webpQuality,
        jpegType,
        resizeFilter,
        upscale,
        DEFAULT_AVIF_QUALITY,
        DEFAULT_JXL_QUALITY,
        false,
        DEFAULT_FFMPEG);
  }

  /** {@code transform.ffmpeg}'s default: the program's name, looked up on {@code PATH}. */
  public static final String DEFAULT_FFMPEG = "ffmpeg";

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
        s.bool("transform.upscale"),
        s.integer("transform.avif-quality", 1, 100),
        s.integer("transform.jxl-quality", 1, 100),
        s.bool("transform.client-hints"),
        s.string("transform.ffmpeg").trim());
  }

  /** The key behind {@link #resizeFilter()}, for an error message that names it. */
  public static final String RESIZE_FILTER_KEY = "transform.resize-filter";
}
