package io.imgedge.transform.codec.turbo;

/**
 * What {@code tjDecompressHeader3} reads from a JPEG.
 *
 * @param width stored width
 * @param height stored height
 * @param subsampling TurboJPEG's {@code TJSAMP_*} constant
 * @param colorspace TurboJPEG's {@code TJCS_*} constant
 */
public record JpegInfo(int width, int height, int subsampling, int colorspace) {
  /** {@code TJCS_GRAY}. */
  public static final int GRAY = 2;

  /** Whether the image has a single (gray) component. */
  public boolean gray() {
    return colorspace == GRAY;
  }

  /** The width of a decode scaled by {@code eighths/8}, as libjpeg rounds it (up). */
  public int scaledWidth(int eighths) {
    return (int) (((long) width * eighths + 7) / 8);
  }

  /** The height of a decode scaled by {@code eighths/8}. */
  public int scaledHeight(int eighths) {
    return (int) (((long) height * eighths + 7) / 8);
  }
}
