package io.imgedge.transform.codec;

import io.imgedge.transform.color.DefaultCmykProfile;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.probe.CmykCoding;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import javax.imageio.ImageReader;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a CMYK or YCCK JPEG: reads the raw samples, turns them into ink amounts (undoing Adobe's
 * inversion and YCC coding), and converts them to sRGB through the embedded CMYK profile, or the
 * default CMYK profile when there is none (or it is not a CMYK profile), as libvips and sharp do.
 * Printer profiles convert with relative colorimetric intent.
 */
final class CmykJpegReader {
  private final ColorSpace defaultCmyk = DefaultCmykProfile.colorSpace();
  private final ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);

  BufferedImage read(ImageReader reader, CmykCoding coding, byte @Nullable [] embedded)
      throws IOException {
    Raster raw = reader.readRaster(0, null);
    if (raw.getNumBands() != 4) {
      throw new IOException("expected four components, found " + raw.getNumBands());
    }
    WritableRaster ink = inks(raw, coding);
    BufferedImage out = SrgbImages.blank(raw.getWidth(), raw.getHeight(), false);
    new ColorConvertOp(profileSpace(embedded), srgb, null).filter(ink, out.getRaster());
    return out;
  }

  private ColorSpace profileSpace(byte @Nullable [] embedded) {
    if (embedded != null) {
      try {
        ICC_Profile profile = ICC_Profile.getInstance(embedded);
        if (profile.getColorSpaceType() == ColorSpace.TYPE_CMYK) {
          return new ICC_ColorSpace(profile);
        }
      } catch (IllegalArgumentException e) {
        // an unreadable profile: fall back to the default
      }
    }
    return defaultCmyk;
  }

  /** A four-band raster of ink amounts, 0 = none, 255 = full. */
  static WritableRaster inks(Raster raw, CmykCoding coding) {
    int w = raw.getWidth();
    int h = raw.getHeight();
    WritableRaster ink = raw.createCompatibleWritableRaster(w, h);
    int[] px = new int[4 * w];
    for (int y = 0; y < h; y++) {
      raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, px);
      for (int i = 0; i < px.length; i += 4) {
        toInk(px, i, coding);
      }
      ink.setPixels(0, y, w, 1, px);
    }
    return ink;
  }

  private static void toInk(int[] p, int i, CmykCoding coding) {
    switch (coding) {
      case PLAIN -> {}
      case ADOBE_INVERTED -> {
        for (int c = 0; c < 4; c++) {
          p[i + c] = 255 - p[i + c];
        }
      }
      case ADOBE_YCCK -> {
        double y = p[i];
        double cb = p[i + 1] - 128.0;
        double cr = p[i + 2] - 128.0;
        p[i] = clamp(y + 1.402 * cr);
        p[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
        p[i + 2] = clamp(y + 1.772 * cb);
        p[i + 3] = 255 - p[i + 3];
      }
    }
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
