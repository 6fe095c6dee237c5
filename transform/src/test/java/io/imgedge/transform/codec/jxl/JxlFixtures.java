package io.imgedge.transform.codec.jxl;

import static org.assertj.core.api.Assertions.fail;

import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JPEG XL fixtures under {@code src/test/resources/jxl/} (made by {@code make-fixtures.sh}
 * there, from the shared corpus: see its {@code NOTICE}) and pixel comparisons for them.
 */
public final class JxlFixtures {
  private JxlFixtures() {}

  /** The bytes of a fixture, e.g. {@code bytes("adobergb-lossy.jxl")}. */
  public static byte[] bytes(String name) {
    try (InputStream in = JxlFixtures.class.getResourceAsStream("/jxl/" + name)) {
      if (in == null) {
        return fail("no fixture /jxl/%s on the class path", name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG fixture decoded by ImageIO, as ARGB. */
  public static int[] png(String name) {
    BufferedImage image = TestImages.decode(bytes(name));
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /**
   * The mean absolute difference of R, G and B, in levels (0-255), over the pixels that are visible
   * (alpha above 0) in both: the colour of invisible pixels is free in lossy JPEG XL.
   */
  public static double meanColourDifference(int[] a, int[] b) {
    if (a.length != b.length) {
      return fail("%d pixels against %d", a.length, b.length);
    }
    long sum = 0;
    long count = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] >>> 24 == 0 || b[i] >>> 24 == 0) {
        continue;
      }
      for (int shift = 0; shift <= 16; shift += 8) {
        sum += Math.abs((a[i] >>> shift & 0xFF) - (b[i] >>> shift & 0xFF));
      }
      count += 3;
    }
    return count == 0 ? 0 : (double) sum / count;
  }

  /** The mean absolute difference of alpha, in levels. */
  public static double meanAlphaDifference(int[] a, int[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] >>> 24) - (b[i] >>> 24));
    }
    return (double) sum / a.length;
  }

  /** A smooth colour gradient with (if {@code alpha}) a horizontal alpha ramp. */
  public static int[] gradient(int width, int height, boolean alpha) {
    int[] p = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = 255 * x / (width - 1);
        int g = 255 * y / (height - 1);
        int b = 255 - (r + g) / 2;
        int a = alpha ? 255 * x / (width - 1) : 255;
        p[y * width + x] = a << 24 | r << 16 | g << 8 | b;
      }
    }
    return p;
  }
}
