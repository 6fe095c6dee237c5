package io.imgedge.transform.color;

import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * Converts pixels described by CICP code points (ITU-T H.273 colour primaries and transfer
 * characteristics, as AVIF's {@code nclx} box and the AV1 sequence header carry them) to sRGB: each
 * channel is linearised with the source's transfer function, the primaries are converted by a 3x3
 * matrix computed from their chromaticities (Bradford-adapted to D65 when the source white differs,
 * as DCI-P3's does), values outside sRGB are clipped, and the result is encoded with the sRGB
 * curve. Alpha is untouched. Used when an image has no ICC profile; an ICC profile takes
 * precedence.
 *
 * <p>Transfer functions: sRGB (13); BT.709's (1, and 6, 14, 15, 11, 12, which share its curve),
 * inverted as H.273 defines it (the camera curve, as Chrome's skcms does, not BT.1886's display
 * gamma); SMPTE 240M (7); gamma 2.2 (4) and 2.8 (5); linear (8); PQ (16) and HLG (18). Any other
 * value, and unspecified (2), is taken as sRGB; unknown primaries as BT.709.
 *
 * <p>HDR to SDR, deliberately simple: PQ's absolute luminance and HLG's (through its BT.2100
 * reference OOTF for a 1,000-nit display, system gamma 1.2) are scaled so that BT.2408's 203-nit
 * reference white is 1.0; then a soft knee compresses max(R, G, B) above {@value #KNEE} with a
 * Reinhard shoulder that meets the straight line with the same slope and approaches 1.0, the three
 * channels scaled alike to keep hue (so reference white comes out at 0.9 linear, sRGB 243).
 */
public final class CicpConversion implements SrgbConversion {
  /** Where the HDR tone map starts compressing, in units of SDR reference white. */
  static final double KNEE = 0.8;

  /** BT.2408's reference (graphics) white, the luminance that becomes SDR white. */
  static final double REFERENCE_WHITE_NITS = 203;

  private static final double[] D65 = {0.3127, 0.3290};
  private static final double[] BT709 = {0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290};
  private static final int ENCODE_STEPS = 16383;
  private static final byte[] SRGB_ENCODE = srgbEncodeTable();

  private final Transfer transfer;
  private final float[] toLinear;
  private final float[] matrix;
  private final float[] luminance;

  private CicpConversion(Transfer transfer, double[] primaries) {
    this.transfer = transfer;
    this.toLinear = linearTable(transfer);
    this.matrix = toFloats(toSrgbMatrix(primaries));
    this.luminance = toFloats(rgbToXyz(primaries)[1]);
  }

  /**
   * The conversion for these CICP values, or null when the pixels are sRGB already: BT.709
   * primaries (1; also 2 unspecified, 0 and any unknown value) with the sRGB transfer (13; also 2
   * unspecified, 0 and any value not listed in the class comment).
   */
  public static @Nullable CicpConversion forCicp(int colorPrimaries, int transferCharacteristics) {
    double[] primaries = primaries(colorPrimaries);
    Transfer transfer = Transfer.of(transferCharacteristics);
    if (primaries == BT709 && transfer == Transfer.SRGB) {
      return null;
    }
    return new CicpConversion(transfer, primaries);
  }

  /** Whether these CICP values mean sRGB (no conversion), as {@link #forCicp} decides. */
  public static boolean isSrgb(int colorPrimaries, int transferCharacteristics) {
    return forCicp(colorPrimaries, transferCharacteristics) == null;
  }

  /** Converts an image of the pipeline's types to sRGB, alpha untouched. */
  @Override
  public BufferedImage toSrgb(BufferedImage image) {
    BufferedImage src = SrgbImages.isPipelineType(image) ? image : SrgbImages.normalize(image);
    boolean alpha = src.getColorModel().hasAlpha();
    BufferedImage out = SrgbImages.blank(src.getWidth(), src.getHeight(), alpha);
    int[] in = SrgbImages.pixels(src);
    int[] dst = SrgbImages.pixels(out);
    int n = src.getWidth() * src.getHeight();
    float[] rgb = new float[3];
    for (int i = 0; i < n; i++) {
      int p = in[i];
      dst[i] = (alpha ? p & 0xFF000000 : 0xFF000000) | convert(p, rgb);
    }
    return out;
  }

  /** One pixel's colour ({@code 0x..RRGGBB}) converted, as {@code 0x00RRGGBB}. */
  int convert(int rgb, float[] scratch) {
    float r = toLinear[rgb >> 16 & 0xFF];
    float g = toLinear[rgb >> 8 & 0xFF];
    float b = toLinear[rgb & 0xFF];
    if (transfer == Transfer.HLG) {
      float gain = hlgGain(luminance[0] * r + luminance[1] * g + luminance[2] * b);
      r *= gain;
      g *= gain;
      b *= gain;
    }
    float[] m = matrix;
    scratch[0] = m[0] * r + m[1] * g + m[2] * b;
    scratch[1] = m[3] * r + m[4] * g + m[5] * b;
    scratch[2] = m[6] * r + m[7] * g + m[8] * b;
    if (transfer.hdr) {
      toneMap(scratch);
    }
    return encode(scratch[0]) << 16 | encode(scratch[1]) << 8 | encode(scratch[2]);
  }

  /**
   * HLG's reference OOTF for a 1,000-nit display ({@code Fd = 1000 * Ys^0.2 * E}), in units of the
   * 203-nit reference white: the factor for scene light of luminance {@code ys}.
   */
  private static float hlgGain(float ys) {
    return ys <= 0 ? 0 : (float) (1000 / REFERENCE_WHITE_NITS * Math.pow(ys, 0.2));
  }

  /** The soft knee on max(R, G, B), channels scaled alike. */
  static void toneMap(float[] rgb) {
    float max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
    if (max <= KNEE) {
      return;
    }
    float mapped = (float) shoulder(max);
    for (int c = 0; c < 3; c++) {
      rgb[c] = rgb[c] * mapped / max;
    }
  }

  /** {@code x} above the knee mapped into [knee, 1): slope 1 at the knee, 1.0 approached. */
  static double shoulder(double x) {
    double excess = (x - KNEE) / (1 - KNEE);
    return KNEE + (1 - KNEE) * excess / (1 + excess);
  }

  private static int encode(float linear) {
    if (!(linear > 0)) {
      return 0; // also NaN
    }
    if (linear >= 1) {
      return 255;
    }
    return SRGB_ENCODE[(int) (linear * ENCODE_STEPS + 0.5f)] & 0xFF;
  }

  /** The source transfer functions, by what they compute. */
  enum Transfer {
    SRGB(false),
    BT709(false),
    SMPTE240(false),
    GAMMA22(false),
    GAMMA28(false),
    LINEAR(false),
    PQ(true),
    HLG(true);

    final boolean hdr;

    Transfer(boolean hdr) {
      this.hdr = hdr;
    }

    static Transfer of(int cicp) {
      return switch (cicp) {
        case 1, 6, 11, 12, 14, 15 -> BT709;
        case 4 -> GAMMA22;
        case 5 -> GAMMA28;
        case 7 -> SMPTE240;
        case 8 -> LINEAR;
        case 16 -> PQ;
        case 18 -> HLG;
        default -> SRGB; // 13, 2 unspecified, 0, and curves not implemented
      };
    }

    /**
     * A signal value 0-1 to linear light: relative to SDR white for the SDR curves and PQ, HLG's
     * scene light (0-1) before its OOTF.
     */
    double toLinear(double v) {
      return switch (this) {
        case SRGB -> v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        case BT709 ->
            v < 4.5 * 0.018053968510807
                ? v / 4.5
                : Math.pow((v + 0.099296826809442) / 1.099296826809442, 1 / 0.45);
        case SMPTE240 -> v < 4 * 0.0228 ? v / 4 : Math.pow((v + 0.1115) / 1.1115, 1 / 0.45);
        case GAMMA22 -> Math.pow(v, 2.2);
        case GAMMA28 -> Math.pow(v, 2.8);
        case LINEAR -> v;
        case PQ -> pqNits(v) / REFERENCE_WHITE_NITS;
        case HLG -> hlgSceneLight(v);
      };
    }

    /** SMPTE ST 2084's EOTF: cd/m² for a signal value. */
    static double pqNits(double v) {
      double m1 = 2610.0 / 16384;
      double m2 = 2523.0 / 4096 * 128;
      double c1 = 3424.0 / 4096;
      double c2 = 2413.0 / 4096 * 32;
      double c3 = 2392.0 / 4096 * 32;
      double p = Math.pow(v, 1 / m2);
      return 10000 * Math.pow(Math.max(p - c1, 0) / (c2 - c3 * p), 1 / m1);
    }

    /** BT.2100 HLG's inverse OETF: scene light 0-1 for a signal value. */
    static double hlgSceneLight(double v) {
      double a = 0.17883277;
      double b = 1 - 4 * a;
      double c = 0.5 - a * Math.log(4 * a);
      return v <= 0.5 ? v * v / 3 : (Math.exp((v - c) / a) + b) / 12;
    }
  }

  /** The chromaticities (rx, ry, gx, gy, bx, by, wx, wy) for a CICP primaries value. */
  static double[] primaries(int cicp) {
    return switch (cicp) {
      case 4 ->
          new double[] {0.67, 0.33, 0.21, 0.71, 0.14, 0.08, 0.310, 0.316}; // BT.470 M, white C
      case 5 -> new double[] {0.64, 0.33, 0.29, 0.60, 0.15, 0.06, 0.3127, 0.3290}; // BT.470 BG
      case 6, 7 ->
          new double[] {0.630, 0.340, 0.310, 0.595, 0.155, 0.070, 0.3127, 0.3290}; // BT.601
      case 8 ->
          new double[] {0.681, 0.319, 0.243, 0.692, 0.145, 0.049, 0.310, 0.316}; // film, white C
      case 9 -> new double[] {0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290}; // BT.2020
      case 11 -> new double[] {0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.314, 0.351}; // DCI-P3
      case 12 ->
          new double[] {0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290}; // Display P3
      case 22 ->
          new double[] {0.630, 0.340, 0.295, 0.605, 0.155, 0.077, 0.3127, 0.3290}; // EBU 3213
      default -> BT709; // 1, 2 unspecified, 0, and XYZ (10) or reserved values
    };
  }

  /** Linear source RGB to linear sRGB, row-major, Bradford-adapted to D65 if the white differs. */
  static double[][] toSrgbMatrix(double[] primaries) {
    double[][] toXyz = rgbToXyz(primaries);
    double[] white = {primaries[6], primaries[7]};
    if (Math.abs(white[0] - D65[0]) > 1e-4 || Math.abs(white[1] - D65[1]) > 1e-4) {
      toXyz = multiply(bradford(white, D65), toXyz);
    }
    return multiply(invert(rgbToXyz(BT709)), toXyz);
  }

  /** The RGB to XYZ matrix of a set of primaries (white maps to Y = 1). */
  static double[][] rgbToXyz(double[] p) {
    double[][] m = new double[3][3];
    for (int c = 0; c < 3; c++) {
      double[] xyz = xyz(p[2 * c], p[2 * c + 1]);
      for (int row = 0; row < 3; row++) {
        m[row][c] = xyz[row];
      }
    }
    double[] s = apply(invert(m), xyz(p[6], p[7]));
    for (int row = 0; row < 3; row++) {
      for (int c = 0; c < 3; c++) {
        m[row][c] *= s[c];
      }
    }
    return m;
  }

  /** The Bradford chromatic adaptation from one white (x, y) to another, in XYZ. */
  static double[][] bradford(double[] from, double[] to) {
    double[][] b = {
      {0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}
    };
    double[] src = apply(b, xyz(from[0], from[1]));
    double[] dst = apply(b, xyz(to[0], to[1]));
    double[][] scale = {{dst[0] / src[0], 0, 0}, {0, dst[1] / src[1], 0}, {0, 0, dst[2] / src[2]}};
    return multiply(invert(b), multiply(scale, b));
  }

  private static double[] xyz(double x, double y) {
    return new double[] {x / y, 1, (1 - x - y) / y};
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] m = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        m[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
      }
    }
    return m;
  }

  private static double[] apply(double[][] m, double[] v) {
    return new double[] {
      m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
      m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
      m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]
    };
  }

  private static double[][] invert(double[][] m) {
    double a = m[0][0], b = m[0][1], c = m[0][2];
    double d = m[1][0], e = m[1][1], f = m[1][2];
    double g = m[2][0], h = m[2][1], k = m[2][2];
    double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
    return new double[][] {
      {(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det},
      {(f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det},
      {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}
    };
  }

  private static float[] toFloats(double[][] m) {
    float[] f = new float[9];
    for (int i = 0; i < 9; i++) {
      f[i] = (float) m[i / 3][i % 3];
    }
    return f;
  }

  private static float[] toFloats(double[] v) {
    return new float[] {(float) v[0], (float) v[1], (float) v[2]};
  }

  private static float[] linearTable(Transfer transfer) {
    float[] table = new float[256];
    for (int v = 0; v < 256; v++) {
      table[v] = (float) transfer.toLinear(v / 255.0);
    }
    return table;
  }

  private static byte[] srgbEncodeTable() {
    byte[] table = new byte[ENCODE_STEPS + 1];
    for (int i = 0; i <= ENCODE_STEPS; i++) {
      double l = (double) i / ENCODE_STEPS;
      double v = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
      table[i] = (byte) Math.round(v * 255);
    }
    return table;
  }
}
