package io.imgedge.transform.codec.avif;

import org.jspecify.annotations.Nullable;

/**
 * What libavif reads from an AVIF's container ({@code avifDecoderParse}), or from the decoded
 * image. The transformations ({@code irot}, {@code imir}) are reported, never applied to pixels.
 *
 * @param width stored width (before {@code irot})
 * @param height stored height
 * @param depth bits per sample: 8, 10 or 12
 * @param yuvFormat libavif's {@code avifPixelFormat}: 1 = 4:4:4, 2 = 4:2:2, 3 = 4:2:0, 4 = 4:0:0
 *     (monochrome)
 * @param alpha whether there is an alpha plane
 * @param icc the embedded ICC profile ({@code colr} box of type {@code prof}/{@code rICC}), or null
 * @param colorPrimaries CICP colour primaries (ITU-T H.273): 1 BT.709/sRGB, 2 unspecified, 9
 *     BT.2020, 11 DCI-P3, 12 Display P3, ...
 * @param transferCharacteristics CICP transfer: 13 sRGB, 1/6/14/15 BT.709, 16 PQ, 18 HLG, ...
 * @param matrixCoefficients CICP matrix: 0 identity (RGB), 1 BT.709, 6 BT.601, 9 BT.2020, ...
 * @param fullRange whether the YUV samples use the full range (else limited, "video" range)
 * @param transformFlags libavif's {@code avifTransformFlags}: {@link #PASP}, {@link #CLAP}, {@link
 *     #IROT}, {@link #IMIR}
 * @param rotation the {@code irot} angle in quarter turns anti-clockwise, 0-3 (0 without irot)
 * @param mirror the {@code imir} mode (libavif 0.11's field {@code imir.mode}, the HEIF amendment's
 *     meaning): 0 = top and bottom exchanged (a vertical flip), 1 = left and right exchanged (a
 *     horizontal flip); -1 without imir
 * @param exif the Exif item's payload as libavif 0.11 returns it (from the TIFF header on, {@code
 *     II*\0} or {@code MM\0*}, in the files avifenc writes), or null. Its orientation tag, if any,
 *     is not authoritative: avifenc writes irot/imir from a JPEG's EXIF orientation and keeps the
 *     tag as it was, so orient by {@link #exifOrientation()} and ignore the tag
 * @param imageCount images in the file: 1 for a still, more for a sequence (or a progressive still)
 */
public record AvifInfo(
    int width,
    int height,
    int depth,
    int yuvFormat,
    boolean alpha,
    byte @Nullable [] icc,
    int colorPrimaries,
    int transferCharacteristics,
    int matrixCoefficients,
    boolean fullRange,
    int transformFlags,
    int rotation,
    int mirror,
    byte @Nullable [] exif,
    int imageCount) {

  /** {@code AVIF_TRANSFORM_PASP}: a pixel aspect ratio box. */
  public static final int PASP = 1;

  /** {@code AVIF_TRANSFORM_CLAP}: a clean aperture (crop) box. */
  public static final int CLAP = 2;

  /** {@code AVIF_TRANSFORM_IROT}: a rotation box. */
  public static final int IROT = 4;

  /** {@code AVIF_TRANSFORM_IMIR}: a mirror box. */
  public static final int IMIR = 8;

  /** {@code AVIF_PIXEL_FORMAT_YUV400}: monochrome. */
  public static final int YUV400 = 4;

  /** Whether the image is monochrome (4:0:0). */
  public boolean monochrome() {
    return yuvFormat == YUV400;
  }

  /**
   * The EXIF orientation (1-8) that displays the stored pixels as {@code irot} then {@code imir}
   * do, HEIF's order: the inverse of libavif's own mapping from an EXIF orientation to the boxes
   * ({@code avifImageSetMetadataExif}). 1 without either box.
   */
  public int exifOrientation() {
    int mode = (transformFlags & IMIR) != 0 ? mirror : -1;
    int angle = (transformFlags & IROT) != 0 ? rotation : 0;
    return switch (mode) {
      case 0 -> new int[] {4, 5, 2, 7}[angle]; // vertical flip after 0, 90, 180, 270 anti-clockwise
      case 1 -> new int[] {2, 7, 4, 5}[angle]; // horizontal flip after the same turns
      default -> new int[] {1, 8, 3, 6}[angle];
    };
  }
}
