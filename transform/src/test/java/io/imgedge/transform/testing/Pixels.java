package io.imgedge.transform.testing;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Measurements on decoded images. Colours are read with {@link BufferedImage#getRGB}, i.e. as
 * non-premultiplied sRGB, whatever the image type.
 */
public final class Pixels {
  private Pixels() {}

  /** Every pixel as packed non-premultiplied ARGB, row by row. */
  public static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** The colour of one pixel (alpha ignored). */
  public static Rgb rgbAt(BufferedImage image, int x, int y) {
    return Rgb.of(image.getRGB(x, y));
  }

  /** The alpha of one pixel, 0-255. */
  public static int alphaAt(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) >>> 24;
  }

  /**
   * The mean colour of a box (alpha ignored), each channel rounded.
   *
   * @throws IllegalArgumentException if the box is empty or not inside the image
   */
  public static Rgb boxMean(BufferedImage image, int x, int y, int width, int height) {
    Rectangle box = new Rectangle(x, y, width, height);
    if (box.isEmpty() || !new Rectangle(image.getWidth(), image.getHeight()).contains(box)) {
      throw new IllegalArgumentException(
          "box %s is not inside the %dx%d image"
              .formatted(box, image.getWidth(), image.getHeight()));
    }
    long r = 0;
    long g = 0;
    long b = 0;
    for (int j = y; j < y + height; j++) {
      for (int i = x; i < x + width; i++) {
        int p = image.getRGB(i, j);
        r += p >> 16 & 0xFF;
        g += p >> 8 & 0xFF;
        b += p & 0xFF;
      }
    }
    double n = (double) width * height;
    return new Rgb((int) Math.round(r / n), (int) Math.round(g / n), (int) Math.round(b / n));
  }

  /** The mean colour of the whole image. */
  public static Rgb mean(BufferedImage image) {
    return boxMean(image, 0, 0, image.getWidth(), image.getHeight());
  }

  /**
   * The root-mean-square difference of the R, G and B channels of two images of the same size, as a
   * percentage of the full range (0 = identical, 100 = black against white), as ImageMagick's
   * {@code compare -metric RMSE} reports it normalised.
   *
   * @throws IllegalArgumentException if the sizes differ
   */
  public static double rmsePercent(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new IllegalArgumentException(
          "cannot compare a %dx%d image with a %dx%d one"
              .formatted(a.getWidth(), a.getHeight(), b.getWidth(), b.getHeight()));
    }
    int[] pa = argb(a);
    int[] pb = argb(b);
    double sum = 0;
    for (int i = 0; i < pa.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = (pa[i] >> shift & 0xFF) - (pb[i] >> shift & 0xFF);
        sum += d * d;
      }
    }
    return 100 * Math.sqrt(sum / (3.0 * pa.length)) / 255;
  }

  /** How many pixels have alpha 0, how many are partly transparent, and how many are opaque. */
  public static AlphaCounts alphaCounts(BufferedImage image) {
    int transparent = 0;
    int partial = 0;
    int opaque = 0;
    for (int p : argb(image)) {
      int a = p >>> 24;
      if (a == 0) {
        transparent++;
      } else if (a == 255) {
        opaque++;
      } else {
        partial++;
      }
    }
    return new AlphaCounts(transparent, partial, opaque);
  }

  /**
   * Pixel counts by alpha.
   *
   * @param transparent pixels with alpha 0
   * @param partial pixels with alpha 1-254
   * @param opaque pixels with alpha 255
   */
  public record AlphaCounts(int transparent, int partial, int opaque) {}
}
