package io.imgedge.transform.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ICC_ProfileGray;
import java.awt.color.ICC_ProfileRGB;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A matrix/TRC ("matrix-shaper") ICC profile's conversion of 16-bit samples to 8-bit sRGB, in
 * floating point, for {@link DeepImages}: each channel goes through its tone curve (a gamma, a
 * table or a parametric curve) by a 65536-entry table, then through the profile's colorant matrix
 * and the inverse of the JDK's sRGB profile's into linear sRGB, is clipped, and is encoded with the
 * sRGB curve and rounded once, exactly, to 8 bits. Gray goes to neutral sRGB of the same luminance.
 * The JDK's colour engine converts 16-bit RGB rasters a sample at a time, several times slower; it
 * stays the way for profiles built on lookup tables ({@code A2B} tags), which this refuses, as it
 * does curve types it does not know.
 */
final class MatrixShaper {
  private static final int LEVELS = 1 << 16;
  private static final int MAX = LEVELS - 1;
  private static final int CURV = 0x63757276; // 'curv'
  private static final int PARA = 0x70617261; // 'para'
  private static final int CURVE_DATA = 12;

  /**
   * Where each 8-bit sRGB level begins, in linear light (level v rounds up to v + 1 from UP[v]).
   */
  private static final float[] UP = levelStarts();

  /** The 8-bit level at the start of each of {@value #LEVELS} equal steps of linear light. */
  private static final byte[] ENCODE = encodeTable();

  private static final int[] RGB_TRC = {
    ICC_Profile.icSigRedTRCTag, ICC_Profile.icSigGreenTRCTag, ICC_Profile.icSigBlueTRCTag
  };
  private static final int[] LUT_TAGS = {
    ICC_Profile.icSigAToB0Tag, ICC_Profile.icSigAToB1Tag, ICC_Profile.icSigAToB2Tag
  };

  private final float[][] curves;
  private final float @Nullable [] matrix;

  private MatrixShaper(float[][] curves, float @Nullable [] matrix) {
    this.curves = curves;
    this.matrix = matrix;
  }

  /** The conversion for an RGB or gray matrix/TRC profile, or null for any other. */
  static @Nullable MatrixShaper of(ICC_Profile profile) {
    if (profile.getPCSType() != ColorSpace.TYPE_XYZ || hasLookupTables(profile)) {
      return null;
    }
    if (profile instanceof ICC_ProfileGray) {
      float[] curve = curve(profile.getData(ICC_Profile.icSigGrayTRCTag));
      return curve == null ? null : new MatrixShaper(new float[][] {curve}, null);
    }
    if (!(profile instanceof ICC_ProfileRGB rgb)) {
      return null;
    }
    float[][] curves = new float[3][];
    byte[][] tags = new byte[3][];
    for (int c = 0; c < 3; c++) {
      tags[c] = profile.getData(RGB_TRC[c]);
      float[] curve = c > 0 && Arrays.equals(tags[c], tags[c - 1]) ? curves[c - 1] : curve(tags[c]);
      if (curve == null) {
        return null;
      }
      curves[c] = curve; // usually one table for all three, 256 KiB
    }
    ICC_ProfileRGB srgb = (ICC_ProfileRGB) ICC_Profile.getInstance(ColorSpace.CS_sRGB);
    return new MatrixShaper(curves, toSrgb(rgb.getMatrix(), srgb.getMatrix()));
  }

  private static boolean hasLookupTables(ICC_Profile profile) {
    for (int tag : LUT_TAGS) {
      if (profile.getData(tag) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Converts rows of 16-bit samples (one or three colour bands, then alpha if {@code alpha}) to
   * packed 8-bit sRGB pixels, {@code dst} holding {@code src}'s pixels row by row.
   */
  void convert(Raster src, boolean alpha, int[] dst) {
    int w = src.getWidth();
    int bands = src.getNumBands();
    int colours = matrix == null ? 1 : 3;
    int[] row = new int[w * bands];
    for (int y = 0; y < src.getHeight(); y++) {
      src.getPixels(src.getMinX(), src.getMinY() + y, w, 1, row);
      int o = y * w;
      for (int x = 0, i = 0; x < w; x++, i += bands) {
        int a = alpha ? (row[i + colours] + 128) / 257 : 0xFF;
        dst[o + x] =
            a << 24 | (matrix == null ? gray(row[i]) : rgb(row[i], row[i + 1], row[i + 2], matrix));
      }
    }
  }

  private int gray(int sample) {
    return encode(curves[0][sample]) * 0x010101;
  }

  private int rgb(int r16, int g16, int b16, float[] m) {
    float r = curves[0][r16];
    float g = curves[1][g16];
    float b = curves[2][b16];
    return encode(m[0] * r + m[1] * g + m[2] * b) << 16
        | encode(m[3] * r + m[4] * g + m[5] * b) << 8
        | encode(m[6] * r + m[7] * g + m[8] * b);
  }

  /** Linear light to 8-bit sRGB, clipped, rounded to nearest. */
  static int encode(float linear) {
    if (!(linear > 0)) {
      return 0; // also NaN
    }
    if (linear >= 1) {
      return 0xFF;
    }
    int v = ENCODE[(int) (linear * MAX)] & 0xFF;
    return linear >= UP[v] ? v + 1 : v;
  }

  /** Linear sRGB from the profile's linear values: sRGB's matrix inverted, times the profile's. */
  private static float[] toSrgb(float[][] profile, float[][] srgb) {
    double[][] inverse = invert(srgb);
    float[] m = new float[9];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        m[r * 3 + c] =
            (float)
                (inverse[r][0] * profile[0][c]
                    + inverse[r][1] * profile[1][c]
                    + inverse[r][2] * profile[2][c]);
      }
    }
    return m;
  }

  private static double[][] invert(float[][] m) {
    double a = m[0][0], b = m[0][1], c = m[0][2];
    double d = m[1][0], e = m[1][1], f = m[1][2];
    double g = m[2][0], h = m[2][1], k = m[2][2];
    double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
    return new double[][] {
      {(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det},
      {(f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det},
      {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det},
    };
  }

  /** A tone curve tag as linear values for the 65536 sample values, or null if it is not one. */
  private static float @Nullable [] curve(byte @Nullable [] tag) {
    if (tag == null || tag.length < CURVE_DATA) {
      return null;
    }
    ByteBuffer data = ByteBuffer.wrap(tag);
    return switch (data.getInt(0)) {
      case CURV -> sampled(data);
      case PARA -> parametric(data);
      default -> null;
    };
  }

  /** A {@code curv} tag: the identity (no entries), a gamma (one), or a table (interpolated). */
  private static float @Nullable [] sampled(ByteBuffer data) {
    long count = Integer.toUnsignedLong(data.getInt(8));
    if (count > (data.limit() - CURVE_DATA) / 2) {
      return null;
    }
    int n = (int) count;
    float[] out = new float[LEVELS];
    for (int s = 0; s < LEVELS; s++) {
      double x = s / (double) MAX;
      if (n == 0) {
        out[s] = (float) x;
      } else if (n == 1) {
        out[s] = (float) Math.pow(x, (data.getShort(CURVE_DATA) & 0xFFFF) / 256.0);
      } else {
        double at = x * (n - 1);
        int i = Math.min((int) at, n - 2);
        double lo = data.getShort(CURVE_DATA + 2 * i) & 0xFFFF;
        double hi = data.getShort(CURVE_DATA + 2 * i + 2) & 0xFFFF;
        out[s] = (float) ((lo + (hi - lo) * (at - i)) / MAX);
      }
    }
    return out;
  }

  /** A {@code para} tag (ICC.1:2010 10.16, function types 0 to 4), clipped to 0 to 1. */
  private static float @Nullable [] parametric(ByteBuffer data) {
    int type = data.getShort(8) & 0xFFFF;
    int[] counts = {1, 3, 4, 5, 7};
    if (type >= counts.length || data.limit() < CURVE_DATA + 4 * counts[type]) {
      return null;
    }
    double[] p = new double[7]; // g, a, b, c, d, e, f
    for (int i = 0; i < counts[type]; i++) {
      p[i] = data.getInt(CURVE_DATA + 4 * i) / 65536.0;
    }
    float[] out = new float[LEVELS];
    for (int s = 0; s < LEVELS; s++) {
      out[s] = (float) Math.clamp(parametric(type, p, s / (double) MAX), 0, 1);
    }
    return out;
  }

  private static double parametric(int type, double[] p, double x) {
    double g = p[0], a = p[1], b = p[2], c = p[3], d = p[4], e = p[5], f = p[6];
    return switch (type) {
      case 0 -> Math.pow(x, g);
      case 1 -> x >= -b / a ? Math.pow(Math.max(0, a * x + b), g) : 0;
      case 2 -> x >= -b / a ? Math.pow(Math.max(0, a * x + b), g) + c : c;
      case 3 -> x >= d ? Math.pow(Math.max(0, a * x + b), g) : c * x;
      default -> x >= d ? Math.pow(Math.max(0, a * x + b), g) + e : c * x + f;
    };
  }

  private static float[] levelStarts() {
    float[] up = new float[256];
    for (int v = 0; v < 255; v++) {
      double encoded = (v + 0.5) / 255;
      up[v] =
          (float) (encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4));
    }
    up[255] = Float.POSITIVE_INFINITY;
    return up;
  }

  private static byte[] encodeTable() {
    byte[] table = new byte[LEVELS];
    int v = 0;
    for (int k = 0; k < LEVELS; k++) {
      while (k / (float) MAX >= UP[v]) {
        v++;
      }
      table[k] = (byte) v;
    }
    return table;
  }
}
