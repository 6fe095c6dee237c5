package io.imgedge.transform.codec;

import io.imgedge.transform.codec.webp.WebpAnimation;
import io.imgedge.transform.codec.webp.WebpException;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.probe.FrameTable;
import java.awt.image.BufferedImage;

/**
 * The frames of an animated WebP as libwebp composes them ({@code WebPAnimDecoder}: offsets,
 * blending, disposal), each copied out of libwebp's canvas into a new pipeline image. Only
 * libwebp's canvases and one frame are held, however long the animation.
 */
final class WebpFrames implements AnimationFrames {
  private final WebpAnimation animation;
  private final FrameTable table;

  WebpFrames(WebpAnimation animation, FrameTable table) {
    this.animation = animation;
    this.table = table;
  }

  @Override
  public FrameTable table() {
    return table;
  }

  @Override
  public boolean hasNext() {
    return animation.hasNext();
  }

  @Override
  public BufferedImage next() {
    BufferedImage frame = SrgbImages.blank(animation.width(), animation.height(), true);
    try {
      animation.next(SrgbImages.pixels(frame));
    } catch (WebpException e) {
      throw WebpDecoder.failure(e);
    }
    return frame;
  }

  @Override
  public void close() {
    animation.close();
  }
}
