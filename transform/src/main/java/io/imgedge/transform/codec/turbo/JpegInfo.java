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

  /** {@code TJCS_YCbCr}. */
  public static final int YCBCR = 1;

  /**
   * Whether the image is YCbCr with a subsampling whose planes {@link TurboJpeg#decodePlanes} and
   * {@link TurboJpeg#encodePlanes} take: 4:4:4, 4:2:2, 4:2:0 or 4:4:0 ({@code TJSAMP_444, 422, 420,
   * 440}).
   */
  public boolean planar() {
    return colorspace == YCBCR
        && (subsampling == 0 || subsampling == 1 || subsampling == 2 || subsampling == 4);
  }

  /** Horizontal chroma subsampling factor: 2 for 4:2:2 and 4:2:0, else 1. */
  public int chromaX() {
    return subsampling == 1 || subsampling == 2 ? 2 : 1;
  }

  /** Vertical chroma subsampling factor: 2 for 4:2:0 and 4:4:0, else 1. */
  public int chromaY() {
    return subsampling == 2 || subsampling == 4 ? 2 : 1;
  }

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
