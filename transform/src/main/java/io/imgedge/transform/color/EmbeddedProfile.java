package io.imgedge.transform.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An RGB ICC profile embedded in a source whose decoder ignores it (PNG {@code iCCP}, WebP {@code
 * ICCP}), applied to convert the pixels to sRGB. Profiles that are sRGB already, not RGB, or
 * unreadable are left alone: a wrong profile never makes an image unreadable.
 */
public final class EmbeddedProfile implements SrgbConversion {
  private final ICC_ColorSpace space;

  private EmbeddedProfile(ICC_ColorSpace space) {
    this.space = space;
  }

  /**
   * The conversion to apply for embedded profile bytes, or null when none is needed (absent, sRGB,
   * not an RGB profile, unreadable, or one the colour engine cannot link: found by fuzzing, such a
   * profile threw from the sRGB check).
   */
  public static @Nullable EmbeddedProfile forRgbImage(byte @Nullable [] data) {
    if (data == null) {
      return null;
    }
    try {
      ICC_Profile profile = ICC_Profile.getInstance(data);
      if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || isSrgb(profile)) {
        return null;
      }
      ICC_ColorSpace space = new ICC_ColorSpace(profile);
      space.toRGB(
          new float[] {0.5f, 0.5f, 0.5f}); // the colour engine can link it (else CMMException)
      return new EmbeddedProfile(space);
    } catch (IllegalArgumentException | java.awt.color.CMMException e) {
      return null; // not a valid or usable ICC profile: treat the pixels as sRGB
    }
  }

  /**
   * Whether a profile is sRGB, so that converting is a no-op: its description names sRGB and it
   * converts as an identity (the name alone is not enough: "linear sRGB" and "scRGB" are not sRGB).
   */
  static boolean isSrgb(ICC_Profile profile) {
    byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
    if (desc == null) {
      return false;
    }
    String text = new String(desc, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return text.contains("srgb") && convertsAsIdentity(new ICC_ColorSpace(profile));
  }

  private static boolean convertsAsIdentity(ICC_ColorSpace space) {
    for (float v : new float[] {0.1f, 0.5f, 0.9f}) {
      float[] in = {v, 1 - v, v / 2};
      float[] out = space.toRGB(in);
      for (int c = 0; c < 3; c++) {
        if (Math.abs(out[c] - in[c]) > 0.01f) {
          return false;
        }
      }
    }
    return true;
  }

  /** The profile's colour space, for converting deeper samples ({@link DeepImages}). */
  ICC_ColorSpace space() {
    return space;
  }

  /** Converts an image of the pipeline's types from this profile to sRGB, alpha untouched. */
  @Override
  public BufferedImage toSrgb(BufferedImage image) {
    BufferedImage out =
        SrgbImages.blank(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
    ColorConvertOp op = new ColorConvertOp(space, ColorSpace.getInstance(ColorSpace.CS_sRGB), null);
    op.filter(colourBands(image.getRaster()), colourBands(out.getRaster()));
    if (image.getColorModel().hasAlpha()) {
      out.getAlphaRaster().setRect(image.getAlphaRaster());
    }
    return out;
  }

  private static WritableRaster colourBands(WritableRaster raster) {
    return raster.createWritableChild(
        0, 0, raster.getWidth(), raster.getHeight(), 0, 0, new int[] {0, 1, 2});
  }
}
