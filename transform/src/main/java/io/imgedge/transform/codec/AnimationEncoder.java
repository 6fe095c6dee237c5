package io.imgedge.transform.codec;

import java.awt.image.BufferedImage;

/**
 * Encodes an animation frame by frame, so that only one decoded frame is held at a time. Frames are
 * complete pictures (coalesced): each replaces the previous one on the canvas. Close it when done,
 * finished or not: an encoder that works in temporary files deletes them.
 */
public interface AnimationEncoder extends AutoCloseable {

  /** Adds the next frame, shown for {@code delayMillis}. */
  void add(BufferedImage frame, int delayMillis);

  /** Ends the animation and returns the encoded bytes. */
  byte[] finish();

  /** Frees what the encoder holds; nothing by default. No exception. */
  @Override
  default void close() {}
}
