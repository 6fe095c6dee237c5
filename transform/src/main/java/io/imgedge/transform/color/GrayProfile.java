package io.imgedge.transform.color;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * A gray ICC profile's tone curve, for gray pixels that a decoder expanded to R = G = B (JPEG XL
 * through libjxl): {@link EmbeddedProfile} takes RGB profiles only. The curve is sampled once into
 * a 256-entry table through the JDK's colour engine (gray to sRGB, as {@link SrgbImages} maps the
 * gray profiles ImageIO decodes with) and applied to each of R, G and B, alpha untouched. A profile
 * whose curve is sRGB's within one level (sRGB gray) needs no conversion.
 */
public final class GrayProfile implements SrgbConversion {
  private final ICC_ColorSpace space;
  private final int[] lut;

  private GrayProfile(ICC_ColorSpace space, int[] lut) {
    this.space = space;
    this.lut = lut;
  }

  /**
   * The conversion to apply for a gray profile's bytes, or null when none is needed (absent, sRGB
   * gray, not a gray profile, unreadable or unusable).
   */
  public static @Nullable GrayProfile forGrayImage(byte @Nullable [] data) {
    if (data == null) {
      return null;
    }
    try {
      ICC_Profile profile = ICC_Profile.getInstance(data);
      if (profile.getColorSpaceType() != ColorSpace.TYPE_GRAY) {
        return null;
      }
      ICC_ColorSpace space = new ICC_ColorSpace(profile);
      int[] lut = toneCurve(space);
      return isIdentity(lut) ? null : new GrayProfile(space, lut);
    } catch (IllegalArgumentException | CMMException e) {
      return null; // not a valid or usable ICC profile: treat the pixels as sRGB gray
    }
  }

  private static int[] toneCurve(ICC_ColorSpace space) {
    int[] lut = new int[256];
    float[] in = new float[1];
    for (int v = 0; v < 256; v++) {
      in[0] = v / 255f;
      float[] rgb = space.toRGB(in);
      // A gray profile maps to neutral; the CMM's per-channel rounding must not tint it.
      lut[v] = Math.clamp(Math.round((rgb[0] + rgb[1] + rgb[2]) / 3 * 255), 0, 255);
    }
    return lut;
  }

  private static boolean isIdentity(int[] lut) {
    for (int v = 0; v < lut.length; v++) {
      if (Math.abs(lut[v] - v) > 1) {
        return false;
      }
    }
    return true;
  }

  /** The profile's colour space, for converting deeper samples ({@link DeepImages}). */
  ICC_ColorSpace space() {
    return space;
  }

  /** The sRGB value of a gray level (for tests and logs). */
  int srgb(int gray) {
    return lut[gray];
  }

  /** Maps R, G and B of an image of the pipeline's types through the curve, alpha untouched. */
  @Override
  public BufferedImage toSrgb(BufferedImage image) {
    BufferedImage src = SrgbImages.isPipelineType(image) ? image : SrgbImages.normalize(image);
    int w = src.getWidth();
    int h = src.getHeight();
    boolean alpha = src.getColorModel().hasAlpha();
    BufferedImage out = SrgbImages.blank(w, h, alpha);
    int[] dst = SrgbImages.pixels(out);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      src.getRaster().getDataElements(0, y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int p = row[x];
        int a = alpha ? p & 0xFF000000 : 0xFF000000;
        dst[y * w + x] = a | lut[p >>> 16 & 0xFF] << 16 | lut[p >>> 8 & 0xFF] << 8 | lut[p & 0xFF];
      }
    }
    return out;
  }
}
