package io.imgedge.transform.color;

import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * Converts pixels that still hold a JPEG's YCbCr values (Y where red is, Cb where green is, Cr
 * where blue is) to RGB, with JFIF's full-range BT.601 equations in libjpeg's fixed point (the same
 * values as the decoder's own conversion), then applies the source's embedded profile, if any.
 * Resampling commutes with this affine conversion, so converting after the resize gives the same
 * picture for a fraction of the work.
 */
public final class YccToSrgb implements SrgbConversion {
  private static final int ONE_HALF = 1 << 15;
  private static final int CR_R = 91881; // 1.40200 in 16.16
  private static final int CB_G = 22554; // 0.34414
  private static final int CR_G = 46802; // 0.71414
  private static final int CB_B = 116130; // 1.77200

  private final @Nullable EmbeddedProfile then;

  /**
   * @param then the source's embedded profile, applied after the conversion, or null for sRGB
   */
  public YccToSrgb(@Nullable EmbeddedProfile then) {
    this.then = then;
  }

  @Override
  public BufferedImage toSrgb(BufferedImage image) {
    BufferedImage out =
        SrgbImages.blank(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
    convert(SrgbImages.pixels(image), SrgbImages.pixels(out));
    return then == null ? out : then.toSrgb(out);
  }

  /** Converts packed {@code ?YCbCr} pixels to packed {@code ?RGB}, keeping the top byte. */
  static void convert(int[] src, int[] dst) {
    for (int i = 0; i < src.length; i++) {
      int p = src[i];
      int y = (p >> 16 & 0xFF) << 16;
      int cb = (p >> 8 & 0xFF) - 128;
      int cr = (p & 0xFF) - 128;
      int r = clamp((y + CR_R * cr + ONE_HALF) >> 16);
      int g = clamp((y - CB_G * cb - CR_G * cr + ONE_HALF) >> 16);
      int b = clamp((y + CB_B * cb + ONE_HALF) >> 16);
      dst[i] = (p & 0xFF000000) | r << 16 | g << 8 | b;
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
