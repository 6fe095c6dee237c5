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
 */
public record ImageLimits(
    long maxInputBytes,
    int maxInputWidth,
    int maxInputHeight,
    int maxOutputWidth,
    int maxOutputHeight,
    int maxFrames) {

  /** Fastly's limits: 50 MB, 12000 x 12000 in, 8192 x 8192 out, 1000 frames. */
  public static final ImageLimits FASTLY = new ImageLimits(50_000_000L, 12_000, 12_000, 8192, 8192, 1000);

  /** The limits a node is configured with. */
  public static ImageLimits from(LimitsConfig c) {
    return new ImageLimits(
        c.maxInputBytes(), c.maxInputWidth(), c.maxInputHeight(), c.maxOutputWidth(),
        c.maxOutputHeight(), c.maxFrames());
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
          "the source image is %d bytes; the largest accepted is %d bytes".formatted(bytes, maxInputBytes));
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
