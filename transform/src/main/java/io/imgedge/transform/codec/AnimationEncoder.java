package io.imgedge.transform.codec;

import java.awt.image.BufferedImage;

/**
 * Encodes an animation frame by frame, so that only one decoded frame is held at a time. Frames are
 * complete pictures (coalesced): each replaces the previous one on the canvas.
 */
public interface AnimationEncoder {

  /** Adds the next frame, shown for {@code delayMillis}. */
  void add(BufferedImage frame, int delayMillis);

  /** Ends the animation and returns the encoded bytes. */
  byte[] finish();
}
