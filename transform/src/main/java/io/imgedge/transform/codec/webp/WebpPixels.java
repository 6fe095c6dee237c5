package io.imgedge.transform.codec.webp;

/**
 * A decoded WebP still, or the first frame of an animation composed on its canvas. A class rather
 * than a record: the pixels are handed over without a copy, and have no value semantics.
 */
public final class WebpPixels {
  private final WebpInfo info;
  private final int[] argb;

  WebpPixels(WebpInfo info, int[] argb) {
    this.info = info;
    this.argb = argb;
  }

  /** The headers; the pixels are {@code info().width()} x {@code info().height()}. */
  public WebpInfo info() {
    return info;
  }

  /**
   * The pixels, packed {@code 0xAARRGGBB}, row by row, not premultiplied, 8 bits per channel (A =
   * 255 where the image has no alpha), in the layout of {@code BufferedImage.TYPE_INT_ARGB}; the
   * caller's own array (not copied).
   */
  public int[] argb() {
    return argb;
  }
}
