package io.imgedge.transform.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.jspecify.annotations.Nullable;

/**
 * Converts decoded sources with 16 bits per sample whose colours an ICC profile describes (16-bit
 * PNG with an {@code iCCP} chunk, 16-bit TIFF with a profile) to sRGB at full precision, and only
 * then rounds them to the pipeline's 8 bits (issue 14). Rounding first, as 8-bit sources are
 * converted after the resize, loses most in the shadows of linear-light profiles: linear 1/255 is
 * already sRGB 13/255. The conversion runs before the resize, on the whole source: in floating
 * point for matrix/TRC profiles ({@link MatrixShaper}, the usual kind), else through the JDK's
 * colour engine at 16 bits, a strip of rows at a time, so that the 16-bit sRGB copy it holds beside
 * the source stays small ({@link #WORKSPACE_BYTES}). Sources of 8 bits or fewer, and deeper ones
 * without a profile (or with an sRGB one), are left to {@link SrgbImages#normalize} and the pending
 * conversion, unchanged.
 */
public final class DeepImages {
  /** Pixels converted at a time (whole rows; at least one row). */
  private static final int STRIP_PIXELS = 1 << 16;

  /**
   * Upper bound of what a conversion holds beside the source and the pipeline image, for rows up to
   * 16384 pixels wide: a {@link MatrixShaper}'s tone curves (256 KiB each, up to three) and a row
   * of samples, or a strip of 16-bit RGB through the colour engine (384 KiB) and its copies of a
   * row.
   */
  public static final long WORKSPACE_BYTES = 1 << 20;

  private static final int[] GRAY_BAND = {0};
  private static final int[] RGB_BANDS = {0, 1, 2};

  private DeepImages() {}

  /**
   * The pipeline image of a 16-bit source converted to sRGB with its profile, or null when it takes
   * the usual path: 8 bits per sample or fewer, other than 16 bits, premultiplied alpha, or no
   * profile to apply. The profile is {@code embedded} if it is a usable one of the source's kind
   * (RGB or gray) and not sRGB, else the decoder's colour space if it is a profile of its own
   * (TwelveMonkeys reads a TIFF's into it).
   *
   * @param decoded the decoder's image
   * @param embedded the profile the decoder left unapplied (a PNG's {@code iCCP}), or null
   */
  public static @Nullable BufferedImage toSrgb(BufferedImage decoded, byte @Nullable [] embedded) {
    if (!(decoded.getColorModel() instanceof ComponentColorModel model)
        || !isSixteenBit(decoded, model)) {
      return null;
    }
    ICC_ColorSpace space = profile(model, embedded);
    if (space == null) {
      return null;
    }
    MatrixShaper shaper = MatrixShaper.of(space.getProfile());
    if (shaper == null) {
      return withColourEngine(decoded.getRaster(), space, model.hasAlpha());
    }
    BufferedImage out = SrgbImages.blank(decoded.getWidth(), decoded.getHeight(), model.hasAlpha());
    shaper.convert(decoded.getRaster(), model.hasAlpha(), SrgbImages.pixels(out));
    return out;
  }

  private static boolean isSixteenBit(BufferedImage image, ComponentColorModel model) {
    if (image.getSampleModel().getDataType() != DataBuffer.TYPE_USHORT
        || model.isAlphaPremultiplied()) {
      return false;
    }
    for (int bits : model.getComponentSize()) {
      if (bits != 16) {
        return false; // e.g. 12 bits in shorts: the raster conversion takes the type's whole range
      }
    }
    return true;
  }

  private static @Nullable ICC_ColorSpace profile(
      ComponentColorModel model, byte @Nullable [] embedded) {
    ColorSpace own = model.getColorSpace();
    boolean gray = own.getType() == ColorSpace.TYPE_GRAY;
    if (gray && model.getNumColorComponents() == 1) {
      GrayProfile profile = GrayProfile.forGrayImage(embedded);
      if (profile != null) {
        return profile.space();
      }
      return SrgbImages.hasOwnGrayProfile(own) ? (ICC_ColorSpace) own : null;
    }
    if (own.getType() != ColorSpace.TYPE_RGB || model.getNumColorComponents() != 3) {
      return null;
    }
    EmbeddedProfile profile = EmbeddedProfile.forRgbImage(embedded);
    if (profile != null) {
      return profile.space();
    }
    return own instanceof ICC_ColorSpace icc && !own.isCS_sRGB() ? icc : null;
  }

  /**
   * Converts with the JDK's colour engine (Little CMS) at 16 bits, a strip at a time, and rounds:
   * for profiles {@link MatrixShaper} does not take (lookup tables).
   */
  static BufferedImage withColourEngine(
      WritableRaster source, ICC_ColorSpace space, boolean alpha) {
    int w = source.getWidth();
    int h = source.getHeight();
    boolean gray = space.getNumComponents() == 1;
    ColorConvertOp op = new ColorConvertOp(space, ColorSpace.getInstance(ColorSpace.CS_sRGB), null);
    int rows = Math.clamp(STRIP_PIXELS / w, 1, h);
    WritableRaster strip = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, w, rows, 3, null);
    short[] rgb = ((DataBufferUShort) strip.getDataBuffer()).getData();
    BufferedImage out = SrgbImages.blank(w, h, alpha);
    int[] dst = SrgbImages.pixels(out);
    int[] alphaRow = new int[alpha ? w : 0];
    for (int top = 0; top < h; top += rows) {
      int n = Math.min(rows, h - top);
      Raster colour =
          source.createChild(
              source.getMinX(), source.getMinY() + top, w, n, 0, 0, gray ? GRAY_BAND : RGB_BANDS);
      op.filter(colour, n == rows ? strip : strip.createWritableChild(0, 0, w, n, 0, 0, null));
      for (int y = 0; y < n; y++) {
        if (alpha) {
          source.getSamples(
              source.getMinX(), source.getMinY() + top + y, w, 1, gray ? 1 : 3, alphaRow);
        }
        pack(rgb, y * w * 3, alphaRow, gray, dst, (top + y) * w, w);
      }
    }
    return out;
  }

  /** Rounds a row of 16-bit sRGB (and alpha) to packed 8-bit pixels; gray stays exactly neutral. */
  private static void pack(
      short[] rgb, int from, int[] alphaRow, boolean gray, int[] dst, int to, int w) {
    for (int x = 0, i = from; x < w; x++, i += 3) {
      int r = rgb[i] & 0xFFFF;
      int g = rgb[i + 1] & 0xFFFF;
      int b = rgb[i + 2] & 0xFFFF;
      if (gray) {
        r = (r + g + b + 1) / 3; // the colour engine's per-channel rounding must not tint gray
        g = r;
        b = r;
      }
      int a = alphaRow.length == 0 ? 0xFF : to8(alphaRow[x]);
      dst[to + x] = a << 24 | to8(r) << 16 | to8(g) << 8 | to8(b);
    }
  }

  /** 0 to 65535 onto 0 to 255, rounded to nearest. */
  private static int to8(int sample) {
    return (sample + 128) / 257;
  }
}
