package io.imgedge.transform;

import io.imgedge.config.LimitsConfig;

/**
 * The image limits, checked against the source's header before anything is decoded.
 *
 * @param maxInputBytes largest source in bytes
 * @param maxInputWidth widest source (canvas and every frame)
 * @param maxInputHeight tallest source
 * @param maxOutputWidth widest output; larger requests are scaled down to fit, with a warning
 * @param maxOutputHeight tallest output
 * @param maxFrames most frames in an animated source
 * @param maxDecodePixels most pixels one render decodes in all ({@code limits.max-decode-pixels}:
 *     every frame of an animation counts its whole canvas)
 * @param maxRenderBytes most memory one render may need, estimated before decoding ({@code
 *     limits.max-render-memory}, derived from {@code node.memory})
 */
public record ImageLimits(
    long maxInputBytes,
    int maxInputWidth,
    int maxInputHeight,
    int maxOutputWidth,
    int maxOutputHeight,
    int maxFrames,
    long maxDecodePixels,
    long maxRenderBytes) {

  /** The default {@code limits.max-decode-pixels}: 300 megapixels. */
  public static final long DEFAULT_MAX_DECODE_PIXELS = 300_000_000L;

  /**
   * Fastly's limits: 50 MB, 12000 x 12000 in, 8192 x 8192 out, 1000 frames; 300 megapixels decoded;
   * no memory limit of its own.
   */
  public static final ImageLimits FASTLY =
      new ImageLimits(50_000_000L, 12_000, 12_000, 8192, 8192, 1000);

  /** Limits with the default decode limit and no memory limit. */
  public ImageLimits(
      long maxInputBytes,
      int maxInputWidth,
      int maxInputHeight,
      int maxOutputWidth,
      int maxOutputHeight,
      int maxFrames) {
    this(
        maxInputBytes,
        maxInputWidth,
        maxInputHeight,
        maxOutputWidth,
        maxOutputHeight,
        maxFrames,
        DEFAULT_MAX_DECODE_PIXELS,
        Long.MAX_VALUE);
  }

  /** The limits a node is configured with. */
  public static ImageLimits from(LimitsConfig c) {
    return new ImageLimits(
        c.maxInputBytes(),
        c.maxInputWidth(),
        c.maxInputHeight(),
        c.maxOutputWidth(),
        c.maxOutputHeight(),
        c.maxFrames(),
        c.maxDecodePixels(),
        c.maxRenderMemory());
  }

  /**
   * Throws if a render would decode more pixels or need more memory than one render may: a 4xx
   * naming the limit, before anything is decoded.
   */
  public void checkCost(RenderCost cost) {
    if (cost.decodedPixels() > maxDecodePixels) {
      throw new ImageTooLargeException(
          "the render would decode %d pixels (every frame counts its whole canvas); the most one render may decode is %d (limits.max-decode-pixels)"
              .formatted(cost.decodedPixels(), maxDecodePixels));
    }
    if (cost.peakBytes() > maxRenderBytes) {
      throw new ImageTooLargeException(
          "the render would need about %d MiB of memory; one render may use %d MiB on this node (limits.max-render-memory, from node.memory); ask for a smaller output"
              .formatted(cost.peakBytes() >> 20, maxRenderBytes >> 20));
    }
  }

  /** Throws if a source (or frame) of these dimensions may not be decoded. */
  public void checkInputSize(String what, long width, long height) {
    if (width <= 0 || height <= 0) {
      throw new InvalidImageException(what + " has no size (" + width + "x" + height + ")");
    }
    if (width > maxInputWidth || height > maxInputHeight) {
      throw new ImageTooLargeException(
          "%s is %dx%d pixels; the largest accepted is %dx%d"
              .formatted(what, width, height, maxInputWidth, maxInputHeight));
    }
  }

  /** Throws if a source has more bytes than accepted. */
  public void checkInputBytes(long bytes) {
    if (bytes > maxInputBytes) {
      throw new ImageTooLargeException(
          "the source image is %d bytes; the largest accepted is %d bytes"
              .formatted(bytes, maxInputBytes));
    }
  }

  /** Throws if an animation has more frames than accepted. */
  public void checkFrames(int frames) {
    if (frames > maxFrames) {
      throw new ImageTooLargeException(
          "the source image has more than %d frames, the most accepted".formatted(maxFrames));
    }
  }
}
