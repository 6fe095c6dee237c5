package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;

/**
 * Porter-Duff source-over of a straight-alpha sRGB image onto a pipeline image, blended in linear
 * light: a half-transparent white over black gives sRGB 188 (half the light), not 128 (half the
 * code value), as a blend of stored values would. Opaque overlay pixels replace the base's,
 * transparent ones leave it untouched, so only the partly transparent ones are converted.
 */
public final class Composite {
  private static final int LINEAR_STEPS = 65_535;
  private static final float[] TO_LINEAR = new float[256];
  private static final byte[] TO_SRGB = new byte[LINEAR_STEPS + 1];

  static {
    for (int v = 0; v < 256; v++) {
      double c = v / 255.0;
      TO_LINEAR[v] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
    for (int v = 0; v <= LINEAR_STEPS; v++) {
      double lin = v / (double) LINEAR_STEPS;
      double c = lin <= 0.0031308 ? lin * 12.92 : 1.055 * Math.pow(lin, 1 / 2.4) - 0.055;
      TO_SRGB[v] = (byte) Math.round(c * 255);
    }
  }

  private Composite() {}

  /**
   * Returns a copy of {@code base} (of its pipeline type: an opaque base stays opaque) with {@code
   * tile} composited over it at every position of the tiling; what falls outside is clipped.
   *
   * @param base a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image
   * @param tile a {@code TYPE_INT_ARGB} image (straight alpha, sRGB-encoded)
   * @param x the left edge of one tile (may be negative)
   * @param y the top edge of one tile (may be negative)
   * @param stepX the distance between tiles along a row, or 0 for one column
   * @param stepY the distance between tiles down a column, or 0 for one row
   */
  public static BufferedImage over(
      BufferedImage base, BufferedImage tile, int x, int y, int stepX, int stepY) {
    int w = base.getWidth();
    int h = base.getHeight();
    boolean alpha = base.getColorModel().hasAlpha();
    BufferedImage out = SrgbImages.blank(w, h, alpha);
    int[] dst = SrgbImages.pixels(out);
    System.arraycopy(SrgbImages.pixels(base), 0, dst, 0, dst.length);
    int[] src = SrgbImages.pixels(tile);
    int tw = tile.getWidth();
    int th = tile.getHeight();
    for (int ty = first(y, th, stepY); ty < h; ty += stepY) {
      for (int tx = first(x, tw, stepX); tx < w; tx += stepX) {
        blit(dst, w, h, alpha, src, tw, th, tx, ty);
        if (stepX == 0) {
          break;
        }
      }
      if (stepY == 0) {
        break;
      }
    }
    return out;
  }

  /** The first tile position along an axis whose tile reaches into the image. */
  private static int first(int at, int size, int step) {
    if (step == 0) {
      return at;
    }
    int p = at;
    if (p + size > 0) {
      p -= ((p + size + step - 1) / step) * step; // now ends at or before 0
    }
    while (p + size <= 0) {
      p += step;
    }
    return p;
  }

  private static void blit(
      int[] dst, int w, int h, boolean alpha, int[] src, int tw, int th, int tx, int ty) {
    int x0 = Math.max(0, tx);
    int x1 = Math.min(w, tx + tw);
    int y0 = Math.max(0, ty);
    int y1 = Math.min(h, ty + th);
    for (int yy = y0; yy < y1; yy++) {
      RenderScope.checkpoint(); // once per row: a deadline or abandonment stops the blend
      int s = (yy - ty) * tw - tx;
      int d = yy * w;
      for (int xx = x0; xx < x1; xx++) {
        int o = src[s + xx];
        int oa = o >>> 24;
        if (oa == 0) {
          continue;
        }
        int b = dst[d + xx];
        dst[d + xx] = oa == 255 ? (alpha ? o : o & 0xFFFFFF) : blend(o, oa, b, alpha);
      }
    }
  }

  /** Source-over in linear light of a partly transparent pixel {@code o} onto {@code b}. */
  static int blend(int o, int oa, int b, boolean alpha) {
    float ao = oa / 255f;
    float ab = alpha ? (b >>> 24) / 255f : 1f;
    float back = ab * (1 - ao);
    float outA = ao + back;
    if (outA <= 0) {
      return 0;
    }
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      float lin = (TO_LINEAR[o >> shift & 0xFF] * ao + TO_LINEAR[b >> shift & 0xFF] * back) / outA;
      int i = Math.min(LINEAR_STEPS, Math.round(lin * LINEAR_STEPS));
      rgb |= (TO_SRGB[i] & 0xFF) << shift;
    }
    int a = alpha ? Math.round(outA * 255) : 255;
    return alpha ? a << 24 | rgb : rgb;
  }
}
