package io.imgedge.transform.testing;

import static org.assertj.core.api.Assertions.fail;

import io.imgedge.transform.codec.avif.AvifException;
import io.imgedge.transform.codec.avif.AvifPixels;
import io.imgedge.transform.codec.avif.LibAvif;
import io.imgedge.transform.codec.jxl.JxlException;
import io.imgedge.transform.codec.jxl.JxlPixels;
import io.imgedge.transform.codec.jxl.LibJxl;
import java.awt.image.BufferedImage;

/**
 * Decodes AVIF and JPEG XL output in tests with the installed libavif and libjxl (which CI
 * installs: a missing library fails the test rather than skipping it).
 */
public final class ModernImages {
  private static final long MAX_PIXELS = 100_000_000L;
  private static LibAvif avif;
  private static LibJxl jxl;

  private ModernImages() {}

  /** Decodes an AVIF to a {@code TYPE_INT_ARGB} image (stored orientation, colour as coded). */
  public static synchronized BufferedImage avif(byte[] data) {
    if (avif == null) {
      avif = LibAvif.load(LibAvif.DEFAULT_LIBRARY);
    }
    try {
      AvifPixels p = avif.decode(data, MAX_PIXELS);
      return TestImages.of(p.info().width(), p.info().height(), p.info().alpha(), p.argb());
    } catch (AvifException e) {
      return fail("not a decodable AVIF: " + e.getMessage());
    }
  }

  /** Decodes a JPEG XL to a {@code TYPE_INT_ARGB} image (stored orientation). */
  public static synchronized BufferedImage jxl(byte[] data) {
    if (jxl == null) {
      jxl = LibJxl.load(LibJxl.DEFAULT_LIBRARY);
    }
    try {
      JxlPixels p = jxl.decode(data, MAX_PIXELS);
      return TestImages.of(p.width(), p.height(), p.info().hasAlpha(), p.argb());
    } catch (JxlException e) {
      return fail("not a decodable JPEG XL: " + e.getMessage());
    }
  }
}
