package io.imgedge.transform.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Normalises any decoded {@link BufferedImage} to {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}
 * holding sRGB-encoded values, the only two types the pipeline works on.
 */
public final class SrgbImages {
  private static final byte[] DEFAULT_GRAY = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();

  private SrgbImages() {}

  /** A new, blank image of the pipeline's type for this alpha. */
  public static BufferedImage blank(int width, int height, boolean alpha) {
    return new BufferedImage(
        width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
  }

  /** The packed pixels of a pipeline image (no copy). */
  public static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  /** Whether an image already is one of the pipeline's two types. */
  public static boolean isPipelineType(BufferedImage image) {
    int t = image.getType();
    return t == BufferedImage.TYPE_INT_RGB || t == BufferedImage.TYPE_INT_ARGB;
  }

  /** Converts a decoded image to the pipeline's sRGB int types, returning it if it is one. */
  public static BufferedImage normalize(BufferedImage src) {
    ColorModel cm = src.getColorModel();
    ColorSpace cs = cm.getColorSpace();
    if (cs.getType() == ColorSpace.TYPE_GRAY) {
      return fromGray(src, grayLut(cs));
    }
    if (isPipelineType(src) && cs.isCS_sRGB()) {
      return src;
    }
    if (cs.isCS_sRGB()
        && (src.getType() == BufferedImage.TYPE_3BYTE_BGR
            || src.getType() == BufferedImage.TYPE_4BYTE_ABGR)) {
      return fromInterleavedBytes(src);
    }
    BufferedImage out = blank(src.getWidth(), src.getHeight(), cm.hasAlpha());
    // getRGB converts any colour model and colour space to non-premultiplied sRGB ARGB.
    src.getRGB(0, 0, src.getWidth(), src.getHeight(), pixels(out), 0, src.getWidth());
    return out;
  }

  /**
   * Packs the JDK JPEG and PNG readers' byte layouts ({@code B,G,R} and {@code A,B,G,R}) straight
   * into ints: the same values {@code getRGB} gives, an order of magnitude faster.
   */
  private static BufferedImage fromInterleavedBytes(BufferedImage src) {
    boolean alpha = src.getType() == BufferedImage.TYPE_4BYTE_ABGR;
    Raster raster = src.getRaster();
    int w = src.getWidth();
    int h = src.getHeight();
    PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) raster.getSampleModel();
    byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
    int stride = sm.getScanlineStride();
    int step = sm.getPixelStride();
    int[] band = sm.getBandOffsets(); // R, G, B (, A) within a pixel
    int origin =
        (raster.getMinY() - raster.getSampleModelTranslateY()) * stride
            + (raster.getMinX() - raster.getSampleModelTranslateX()) * step;
    BufferedImage out = blank(w, h, alpha);
    int[] dst = pixels(out);
    if (!alpha && step == 3 && band[0] == 2 && band[1] == 1 && band[2] == 0) {
      packBgr(data, origin, stride, dst, w, h);
      return out;
    }
    for (int y = 0; y < h; y++) {
      int i = origin + y * stride;
      int o = y * w;
      for (int x = 0; x < w; x++, i += step) {
        int a = alpha ? data[i + band[3]] & 0xFF : 0xFF;
        dst[o + x] =
            a << 24
                | (data[i + band[0]] & 0xFF) << 16
                | (data[i + band[1]] & 0xFF) << 8
                | data[i + band[2]] & 0xFF;
      }
    }
    return out;
  }

  /** The common case, B, G, R bytes, with constant offsets (twice as fast as the general loop). */
  private static void packBgr(byte[] data, int origin, int stride, int[] dst, int w, int h) {
    for (int y = 0; y < h; y++) {
      int i = origin + y * stride;
      int o = y * w;
      for (int x = 0; x < w; x++, i += 3) {
        dst[o + x] =
            0xFF000000 | (data[i + 2] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | data[i] & 0xFF;
      }
    }
  }

  /**
   * Gray values are sRGB-encoded gray unless a real profile says otherwise: the JDK's own gray
   * space is linear and would brighten them. Returns null for "copy as is".
   */
  private static int @Nullable [] grayLut(ColorSpace cs) {
    if (!hasOwnGrayProfile(cs)) {
      return null;
    }
    int[] lut = new int[256];
    float[] in = new float[1];
    for (int v = 0; v < 256; v++) {
      in[0] = v / 255f;
      float[] rgb = cs.toRGB(in);
      // A gray profile maps to neutral; the CMM's per-channel rounding must not tint it.
      int g = Math.round((rgb[0] + rgb[1] + rgb[2]) / 3 * 255);
      lut[v] = g << 16 | g << 8 | g;
    }
    return lut;
  }

  /** Whether a gray colour space is a real profile, not the JDK's default (linear) gray. */
  static boolean hasOwnGrayProfile(ColorSpace cs) {
    return cs instanceof ICC_ColorSpace icc
        && !Arrays.equals(icc.getProfile().getData(), DEFAULT_GRAY);
  }

  private static BufferedImage fromGray(BufferedImage src, int @Nullable [] lut) {
    Raster r = src.getRaster();
    int w = src.getWidth();
    int h = src.getHeight();
    boolean alpha = r.getNumBands() > 1;
    int shift = r.getSampleModel().getSampleSize(0) - 8;
    BufferedImage out = blank(w, h, alpha);
    int[] dst = pixels(out);
    int[] gray = new int[w];
    int[] a = new int[alpha ? w : 0];
    for (int y = 0; y < h; y++) {
      r.getSamples(0, y, w, 1, 0, gray);
      if (alpha) {
        r.getSamples(0, y, w, 1, 1, a);
      }
      for (int x = 0; x < w; x++) {
        int g = to8(gray[x], shift);
        int rgb = lut == null ? g << 16 | g << 8 | g : lut[g];
        int alphaValue = alpha ? to8(a[x], r.getSampleModel().getSampleSize(1) - 8) : 255;
        dst[y * w + x] = alphaValue << 24 | rgb;
      }
    }
    return out;
  }

  private static int to8(int sample, int shift) {
    if (shift > 0) {
      int max = (1 << (shift + 8)) - 1;
      return (int) ((sample * 255L + max / 2) / max);
    }
    return shift < 0 ? sample * 255 / ((1 << (8 + shift)) - 1) : sample;
  }
}
