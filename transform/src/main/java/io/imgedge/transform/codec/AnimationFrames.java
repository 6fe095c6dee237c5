package io.imgedge.transform.codec;

import io.imgedge.transform.probe.FrameTable;
import java.awt.image.BufferedImage;

/**
 * The frames of an animated GIF or WebP as complete pictures, decoded one at a time from {@link
 * ImageDecoder#frames}: ImageIO's frames composed by imgedge ({@link CoalescedFrames}), or
 * libwebp's composed by {@code WebPAnimDecoder} ({@link WebpFrames}). The caller closes them.
 */
public interface AnimationFrames extends AutoCloseable {

  /** The animation's frame table (loop count, delays), read from the file's blocks. */
  FrameTable table();

  /** Whether another frame follows. */
  boolean hasNext();

  /**
   * The next complete frame, {@code TYPE_INT_ARGB}, the canvas's size.
   *
   * @throws io.imgedge.transform.TransformException if it cannot be decoded (corrupt, truncated)
   */
  BufferedImage next();

  /** Frees the decoder; no exception. */
  @Override
  void close();
}
