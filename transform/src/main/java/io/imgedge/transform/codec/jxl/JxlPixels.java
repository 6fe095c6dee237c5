package io.imgedge.transform.codec.jxl;

import org.jspecify.annotations.Nullable;

/**
 * The first frame of a JPEG XL image, decoded.
 *
 * @param info the header; the pixels are {@code info.width()} x {@code info.height()}, in the
 *     stored orientation (apply {@code info.orientation()} as an EXIF orientation)
 * @param argb packed {@code 0xAARRGGBB}, row by row, not premultiplied, 8 bits per channel (gray
 *     images have R = G = B; images without alpha have A = 255), in the layout of {@code
 *     BufferedImage.TYPE_INT_ARGB}
 * @param iccProfile the ICC profile of these pixels (gray or RGB), or null if they are sRGB (or
 *     sRGB gray)
 */
public record JxlPixels(JxlInfo info, int[] argb, byte @Nullable [] iccProfile) {

  /** The width of the pixels. */
  public int width() {
    return info.width();
  }

  /** The height of the pixels. */
  public int height() {
    return info.height();
  }
}
