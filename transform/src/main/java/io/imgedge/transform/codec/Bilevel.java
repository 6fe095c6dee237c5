package io.imgedge.transform.codec;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.jspecify.annotations.Nullable;

/**
 * One bit per pixel where an image is only black and white: {@code bw=} output (and any other
 * opaque image of pure black and white pixels) is written as a 1-bit grayscale PNG, as the
 * parameter promises, rather than as 24-bit RGB (about a twentieth of the size).
 */
final class Bilevel {
  private static final IndexColorModel BLACK_WHITE =
      new IndexColorModel(1, 2, new byte[] {0, -1}, new byte[] {0, -1}, new byte[] {0, -1});

  private Bilevel() {}

  /**
   * The image as a {@link BufferedImage#TYPE_BYTE_BINARY} black-and-white image, or {@code null}
   * when a pixel is neither opaque black nor opaque white (the image stays as it is). Most images
   * stop at their first pixels.
   */
  static @Nullable BufferedImage of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] row = new int[w];
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, BLACK_WHITE);
    WritableRaster raster = out.getRaster();
    int[] bits = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        if (argb == 0xFFFFFFFF) {
          bits[x] = 1;
        } else if (argb == 0xFF000000) {
          bits[x] = 0;
        } else {
          return null;
        }
      }
      raster.setSamples(0, y, w, 1, 0, bits);
    }
    return out;
  }
}
