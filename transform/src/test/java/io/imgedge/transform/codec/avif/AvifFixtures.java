package io.imgedge.transform.codec.avif;

import static org.assertj.core.api.Assertions.fail;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The AVIF fixtures under {@code src/test/resources/avif/} (made with avifenc from corpus images,
 * see the {@code NOTICE.md} there), and small measurements on decoded pixels.
 */
public final class AvifFixtures {
  /** A size limit no fixture comes near. */
  public static final long MAX_PIXELS = 50_000_000;

  private AvifFixtures() {}

  /** The bytes of a fixture, e.g. {@code bytes("displayp3-icc.avif")}. */
  public static byte[] bytes(String name) {
    try (InputStream in = AvifFixtures.class.getResourceAsStream("/avif/" + name)) {
      if (in == null) {
        return fail("no fixture /avif/%s on the class path", name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG fixture (a vips reference decode) as a pipeline image. */
  public static BufferedImage png(String name) {
    return SrgbImages.normalize(TestImages.decode(bytes(name)));
  }

  /** The mean absolute difference of the R, G and B channels, in levels (0-255). */
  public static double meanAbsDiff(int[] a, int[] b) {
    return meanAbsDiff(a, b, 0);
  }

  /** The mean absolute difference of the alpha channels, in levels. */
  public static double meanAlphaDiff(int[] a, int[] b) {
    return meanAbsDiff(a, b, 24);
  }

  private static double meanAbsDiff(int[] a, int[] b, int firstShift) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " pixels against " + b.length);
    }
    long sum = 0;
    int channels = firstShift == 24 ? 1 : 3;
    for (int i = 0; i < a.length; i++) {
      for (int c = 0, shift = firstShift; c < channels; c++, shift += 8) {
        sum += Math.abs((a[i] >>> shift & 0xFF) - (b[i] >>> shift & 0xFF));
      }
    }
    return sum / ((double) channels * a.length);
  }

  /** The largest absolute difference of the alpha channels, in levels. */
  public static int maxAlphaDiff(int[] a, int[] b) {
    int max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((a[i] >>> 24) - (b[i] >>> 24)));
    }
    return max;
  }

  /**
   * A smooth test picture: red across, green down, blue constant; with {@code alpha}, the alpha
   * falls across from 255 to 0 (else the top byte is garbage, as {@code TYPE_INT_RGB} allows).
   */
  public static int[] gradient(int width, int height, boolean alpha) {
    int[] pixels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = x * 255 / (width - 1);
        int g = y * 255 / (height - 1);
        int a = alpha ? 255 - r : (x * 37 + y * 11) & 0xFF;
        pixels[y * width + x] = a << 24 | r << 16 | g << 8 | 96;
      }
    }
    return pixels;
  }
}
