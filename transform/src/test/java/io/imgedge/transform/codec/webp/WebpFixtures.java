package io.imgedge.transform.codec.webp;

import static org.assertj.core.api.Assertions.fail;

import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The WebP fixtures under {@code src/test/resources/webp/} (made by {@code make-fixtures.sh} there,
 * from the shared corpus: see its {@code NOTICE.md}) and pixel comparisons for them.
 */
public final class WebpFixtures {
  private WebpFixtures() {}

  /** The bytes of a fixture, e.g. {@code bytes("tattoo-lossy.webp")}. */
  public static byte[] bytes(String name) {
    try (InputStream in = WebpFixtures.class.getResourceAsStream("/webp/" + name)) {
      if (in == null) {
        return fail("no fixture /webp/%s on the class path", name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG fixture decoded by ImageIO, as ARGB. */
  public static int[] png(String name) {
    return argb(TestImages.decode(bytes(name)));
  }

  /** The pixels of any image as non-premultiplied ARGB. */
  public static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /**
   * The frames of a {@code *.anim_dump.png} or {@code *.vips.png} strip, each {@code pixels} long.
   */
  public static List<int[]> frames(String strip, int pixels) {
    int[] all = png(strip);
    List<int[]> frames = new ArrayList<>();
    for (int at = 0; at < all.length; at += pixels) {
      frames.add(Arrays.copyOfRange(all, at, at + pixels));
    }
    return frames;
  }

  /** When each frame ends (ms), from a {@code *.anim_dump.txt} ("frame N ENDS" lines). */
  public static List<Integer> frameEnds(String name) {
    return new String(bytes(name), StandardCharsets.US_ASCII)
        .lines()
        .filter(l -> l.startsWith("frame "))
        .map(l -> Integer.parseInt(l.split(" ")[2]))
        .toList();
  }

  /**
   * The mean absolute difference of R, G and B, in levels (0-255), over the pixels that are visible
   * (alpha above 0) in both: the colour of invisible pixels is free in lossy WebP.
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
    if (a.length != b.length) {
      return fail("%d pixels against %d", a.length, b.length);
    }
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] >>> 24) - (b[i] >>> 24));
    }
    return (double) sum / a.length;
  }
}
