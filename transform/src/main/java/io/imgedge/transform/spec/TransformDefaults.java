package io.imgedge.transform.spec;

import io.imgedge.config.ConfigException;
import io.imgedge.config.TransformConfig;
import io.imgedge.config.TransformConfig.JpegType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The service-wide values a request falls back to. They are part of every cache key through {@link
 * #fingerprint()}, so changing them never serves bytes rendered with the old ones.
 *
 * @param jpegQuality JPEG quality 1-100
 * @param webpQuality WebP quality 1-100
 * @param jpegType how {@code format=jpg} and JPEG sources are encoded
 * @param resizeFilter the resampling filter
 * @param upscale whether output may be larger than the source
 * @param avifQuality AVIF quality 1-100 (libavif's scale: 100 is lossless)
 * @param jxlQuality JPEG XL quality 1-100 (cjxl's scale: 100 is lossless)
 */
public record TransformDefaults(
    int jpegQuality,
    int webpQuality,
    JpegType jpegType,
    ResizeFilter resizeFilter,
    boolean upscale,
    int avifQuality,
    int jxlQuality) {

  /**
   * Fastly's defaults (quality 85 for JPEG and WebP, automatic JPEG type, lanczos3, no upscale).
   */
  public static final TransformDefaults FASTLY =
      new TransformDefaults(85, 85, JpegType.AUTO, ResizeFilter.LANCZOS3, false);

  /**
   * Defaults with imgedge's AVIF and JPEG XL qualities ({@link
   * TransformConfig#DEFAULT_AVIF_QUALITY}, {@link TransformConfig#DEFAULT_JXL_QUALITY}), which
   * Fastly does not document.
   */
  public TransformDefaults(
      int jpegQuality,
      int webpQuality,
      JpegType jpegType,
      ResizeFilter resizeFilter,
      boolean upscale) {
    this(
        jpegQuality,
        webpQuality,
        jpegType,
        resizeFilter,
        upscale,
        TransformConfig.DEFAULT_AVIF_QUALITY,
        TransformConfig.DEFAULT_JXL_QUALITY);
  }

  /**
   * Reads the defaults from the node's configuration.
   *
   * @throws ConfigException if the configured resize filter is not a known filter
   */
  public static TransformDefaults from(TransformConfig config) {
    ResizeFilter filter = ResizeFilter.parse(config.resizeFilter());
    if (filter == null) {
      throw new ConfigException(
          "invalid value for '%s': \"%s\"; expected one of: %s; see README.md#configuration"
              .formatted(
                  TransformConfig.RESIZE_FILTER_KEY, config.resizeFilter(), ResizeFilter.ACCEPTED));
    }
    return new TransformDefaults(
        config.jpegQuality(),
        config.webpQuality(),
        config.jpegType(),
        filter,
        config.upscale(),
        config.avifQuality(),
        config.jxlQuality());
  }

  /** A short hash of these values, stable across restarts, for cache keys and ETags. */
  public String fingerprint() {
    String text =
        jpegQuality
            + "|"
            + webpQuality
            + "|"
            + jpegType
            + "|"
            + resizeFilter
            + "|"
            + upscale
            + "|"
            + avifQuality
            + "|"
            + jxlQuality;
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
