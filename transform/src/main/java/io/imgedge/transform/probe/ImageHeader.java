package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;
import org.jspecify.annotations.Nullable;

/**
 * What a source image is, read from its header and structure without decoding pixels.
 *
 * @param format the format, identified by magic number
 * @param width the stored width (of the canvas, for animations), before orientation
 * @param height the stored height, before orientation
 * @param frames number of frames, 1 for still images; 2 for a JPEG XL animation, whose frames are
 *     not counted (only the first is decoded)
 * @param exifOrientation the EXIF orientation tag, {@link Orientation#NORMAL} if absent or invalid
 * @param iccProfile the embedded ICC profile (PNG {@code iCCP}, WebP {@code ICCP}, JPEG {@code
 *     APP2} chunks reassembled), or null
 * @param hasAlpha whether the image may have transparent pixels
 * @param progressive whether a JPEG is progressive
 * @param cmyk for a four-component (CMYK or YCCK) JPEG, how its inks are stored; null for every
 *     other image. Such images are converted with their embedded profile, or the default CMYK
 *     profile if they have none
 * @param firstFrame where the first frame sits on the canvas
 * @param bytes size of the encoded source
 * @param storedAsYcc for a three-component JPEG, whether its components hold YCbCr as libjpeg reads
 *     them without ambiguity (JFIF without an Adobe marker, Adobe transform 1, or neither marker
 *     with component ids 1, 2, 3); false for every other image
 * @param unsafeProfileSegments whether a JPEG carries ICC_PROFILE segments that do not make a
 *     well-formed profile (named without the NUL, numbered outside 1 to their count or twice, or a
 *     profile whose header declares another size than it has); {@code iccProfile} is then null and
 *     decoders must not be given those segments (ImageIO readers trust the declared size)
 * @param bitDepth bits per sample of the colour channels as coded (AVIF: 8, 10 or 12 from {@code
 *     av1C}; JPEG XL: from its image metadata, e.g. 8, 16, or 32 for float; PNG: 1 to 16 from
 *     {@code IHDR}; TIFF and BMP: of the first band, as their ImageIO reader's header parse gives
 *     it); 0 where the scanner does not report it (every other format)
 * @param cicp the AVIF's {@code nclx} colour description, or null (absent, or another format). An
 *     AVIF may carry both this and {@code iccProfile}; the profile then describes the colours and
 *     this the YCbCr coding
 */
public record ImageHeader(
    ImageFormat format,
    int width,
    int height,
    int frames,
    Orientation exifOrientation,
    byte @Nullable [] iccProfile,
    boolean hasAlpha,
    boolean progressive,
    @Nullable CmykCoding cmyk,
    Rectangle firstFrame,
    long bytes,
    boolean storedAsYcc,
    boolean unsafeProfileSegments,
    int bitDepth,
    @Nullable Cicp cicp) {

  /** A header with no bit depth or CICP to report (JPEG). */
  public ImageHeader(
      ImageFormat format,
      int width,
      int height,
      int frames,
      Orientation exifOrientation,
      byte @Nullable [] iccProfile,
      boolean hasAlpha,
      boolean progressive,
      @Nullable CmykCoding cmyk,
      Rectangle firstFrame,
      long bytes,
      boolean storedAsYcc,
      boolean unsafeProfileSegments) {
    this(
        format,
        width,
        height,
        frames,
        exifOrientation,
        iccProfile,
        hasAlpha,
        progressive,
        cmyk,
        firstFrame,
        bytes,
        storedAsYcc,
        unsafeProfileSegments,
        0,
        null);
  }

  /** A header with nothing JPEG-specific to say (PNG, GIF, WebP, BMP, TIFF). */
  public ImageHeader(
      ImageFormat format,
      int width,
      int height,
      int frames,
      Orientation exifOrientation,
      byte @Nullable [] iccProfile,
      boolean hasAlpha,
      boolean progressive,
      @Nullable CmykCoding cmyk,
      Rectangle firstFrame,
      long bytes) {
    this(
        format,
        width,
        height,
        frames,
        exifOrientation,
        iccProfile,
        hasAlpha,
        progressive,
        cmyk,
        firstFrame,
        bytes,
        false,
        false);
  }

  /** Width once the EXIF orientation is applied. */
  public int orientedWidth() {
    return exifOrientation.swapsAxes() ? height : width;
  }

  /** Height once the EXIF orientation is applied. */
  public int orientedHeight() {
    return exifOrientation.swapsAxes() ? width : height;
  }
}
