package io.imgedge.transform.resize;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.image.BufferedImage;

/**
 * A separable resampler: one horizontal and one vertical pass of a 1-D kernel over packed ARGB
 * ints, with fixed-point weights (the approach of Pillow and libvips' reduce). Alpha is
 * premultiplied during resampling so that transparent pixels do not bleed their colour.
 */
public final class ConvolutionResizer implements Resizer {

  @Override
  public BufferedImage resize(BufferedImage source, int width, int height, ResizeFilter filter) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    boolean alpha = source.getColorModel().hasAlpha();
    int sw = source.getWidth();
    int sh = source.getHeight();
    int[] pixels = SrgbImages.pixels(source);
    if (filter == ResizeFilter.NEAREST) {
      return wrap(Nearest.sample(pixels, sw, sh, width, height), width, height, alpha);
    }
    int[] work = alpha ? Premultiplied.premultiply(pixels) : pixels;
    Kernel kernel = Kernel.of(filter);
    if (width != sw) {
      work = horizontal(work, sw, sh, Coefficients.compute(sw, width, kernel));
    }
    if (height != sh) {
      work = vertical(work, width, sh, Coefficients.compute(sh, height, kernel));
    }
    if (work == pixels) {
      work = pixels.clone();
    }
    if (alpha) {
      Premultiplied.unpremultiplyInPlace(work);
    }
    return wrap(work, width, height, alpha);
  }

  private static BufferedImage wrap(int[] pixels, int width, int height, boolean alpha) {
    BufferedImage out = SrgbImages.blank(width, height, alpha);
    System.arraycopy(pixels, 0, SrgbImages.pixels(out), 0, pixels.length);
    return out;
  }

  static int[] horizontal(int[] src, int sw, int sh, Coefficients c) {
    int out = c.start.length;
    int[] dst = new int[out * sh];
    for (int y = 0; y < sh; y++) {
      int row = y * sw;
      for (int x = 0; x < out; x++) {
        int a = Coefficients.ROUNDING;
        int r = a;
        int g = a;
        int b = a;
        int first = row + c.start[x];
        int wOffset = x * c.stride;
        for (int k = 0, n = c.count[x]; k < n; k++) {
          int p = src[first + k];
          int w = c.weights[wOffset + k];
          a += (p >>> 24) * w;
          r += (p >> 16 & 0xFF) * w;
          g += (p >> 8 & 0xFF) * w;
          b += (p & 0xFF) * w;
        }
        dst[y * out + x] = pack(a, r, g, b);
      }
    }
    return dst;
  }

  static int[] vertical(int[] src, int width, int sh, Coefficients c) {
    int out = c.start.length;
    int[] dst = new int[width * out];
    int[] a = new int[width];
    int[] r = new int[width];
    int[] g = new int[width];
    int[] b = new int[width];
    for (int y = 0; y < out; y++) {
      java.util.Arrays.fill(a, Coefficients.ROUNDING);
      java.util.Arrays.fill(r, Coefficients.ROUNDING);
      java.util.Arrays.fill(g, Coefficients.ROUNDING);
      java.util.Arrays.fill(b, Coefficients.ROUNDING);
      int wOffset = y * c.stride;
      for (int k = 0, n = c.count[y]; k < n; k++) {
        int w = c.weights[wOffset + k];
        int row = (c.start[y] + k) * width;
        for (int x = 0; x < width; x++) {
          int p = src[row + x];
          a[x] += (p >>> 24) * w;
          r[x] += (p >> 16 & 0xFF) * w;
          g[x] += (p >> 8 & 0xFF) * w;
          b[x] += (p & 0xFF) * w;
        }
      }
      int base = y * width;
      for (int x = 0; x < width; x++) {
        dst[base + x] = pack(a[x], r[x], g[x], b[x]);
      }
    }
    return dst;
  }

  private static int pack(int a, int r, int g, int b) {
    return clamp(a) << 24 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
  }

  private static int clamp(int fixedPoint) {
    int v = fixedPoint >> Coefficients.PRECISION_BITS;
    return v < 0 ? 0 : Math.min(v, 255);
  }
}
