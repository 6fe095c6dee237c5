package io.imgedge.transform.codec.webp;

/**
 * What a WebP's headers say ({@code WebPBitstreamFeatures}), read without decoding pixels.
 *
 * @param width the image's width, the canvas's for an animation
 * @param height the image's height, the canvas's for an animation
 * @param alpha whether the image (or any frame) may have transparent pixels
 * @param animated whether the file is an animation ({@code ANIM}/{@code ANMF} chunks)
 * @param format {@link #LOSSY}, {@link #LOSSLESS} or {@link #MIXED} (animations)
 */
public record WebpInfo(int width, int height, boolean alpha, boolean animated, int format) {
  /** {@link #format()} of an animation, whose frames may differ. */
  public static final int MIXED = 0;

  /** {@link #format()} of a VP8 (lossy) image. */
  public static final int LOSSY = 1;

  /** {@link #format()} of a VP8L (lossless) image. */
  public static final int LOSSLESS = 2;

  /** The number of pixels. */
  public long pixels() {
    return (long) width * height;
  }
}
