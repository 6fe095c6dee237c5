package io.imgedge.transform.codec.jxl;

/**
 * What a JPEG XL header says ({@code JxlBasicInfo}), read without decoding pixels.
 *
 * @param width stored width ({@code xsize}), before the orientation is applied
 * @param height stored height ({@code ysize})
 * @param bitsPerSample bits of each colour sample in the original (8, 10, 12, 16, 32 for float...)
 * @param alphaBits bits of the alpha channel, 0 if there is none
 * @param orientation 1 to 8, as the EXIF orientation tag: how to turn the stored pixels upright
 * @param animated whether the image is an animation ({@code have_animation}); only its first frame
 *     is decoded
 * @param colorChannels 1 for gray, 3 for colour
 * @param extraChannels extra channels, alpha included
 * @param usesOriginalProfile whether the pixels are coded in the original colour space (lossless,
 *     JPEG recompression) rather than in XYB (lossy)
 */
public record JxlInfo(
    int width,
    int height,
    int bitsPerSample,
    int alphaBits,
    int orientation,
    boolean animated,
    int colorChannels,
    int extraChannels,
    boolean usesOriginalProfile) {

  /** Whether the image has an alpha channel. */
  public boolean hasAlpha() {
    return alphaBits > 0;
  }

  /** Whether the image is gray (one colour channel). */
  public boolean gray() {
    return colorChannels == 1;
  }

  /** {@code width * height}. */
  public long pixels() {
    return (long) width * height;
  }
}
