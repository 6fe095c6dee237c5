package io.imgedge.transform.ops;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reduces an image to a palette of at most 256 colours (GIF, {@code format=png8}) by median cut
 * over a histogram of 5-bit colour and 3-bit alpha cells; pixels map to the nearest palette entry
 * (no dithering, so results are deterministic and compress well). With {@code binaryAlpha} (GIF),
 * pixels below half opacity share one transparent entry and the rest are opaque.
 */
public final class Quantizer {
  private static final int CELLS = 1 << 18;

  private Quantizer() {}

  /** An indexed copy of a pipeline image. */
  public static BufferedImage quantize(BufferedImage image, int maxColors, boolean binaryAlpha) {
    int[] px = SrgbImages.pixels(image);
    boolean alpha = image.getColorModel().hasAlpha();
    int[] counts = new int[CELLS];
    long[][] sums = new long[4][CELLS];
    boolean anyTransparent = false;
    for (int p : px) {
      int a = alpha ? p >>> 24 : 255;
      if (binaryAlpha && a < 128) {
        anyTransparent = true;
        continue;
      }
      a = binaryAlpha ? 255 : a;
      int c = cell(p, a);
      counts[c]++;
      sums[0][c] += p >> 16 & 0xFF;
      sums[1][c] += p >> 8 & 0xFF;
      sums[2][c] += p & 0xFF;
      sums[3][c] += a;
    }
    int colours = Math.max(1, maxColors - (anyTransparent ? 1 : 0));
    int[] palette = medianCut(counts, sums, colours);
    int size = palette.length + (anyTransparent ? 1 : 0);
    int[] lut = new int[size];
    System.arraycopy(palette, 0, lut, 0, palette.length);
    IndexColorModel model =
        anyTransparent
            ? new IndexColorModel(
                8, size, lut, 0, true, size - 1, java.awt.image.DataBuffer.TYPE_BYTE)
            : new IndexColorModel(
                8, size, lut, 0, !binaryAlpha && alpha, -1, java.awt.image.DataBuffer.TYPE_BYTE);
    BufferedImage out =
        new BufferedImage(
            image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, model);
    map(px, alpha, binaryAlpha, anyTransparent ? size - 1 : -1, palette, out);
    return out;
  }

  private static int cell(int p, int a) {
    return (p >> 19 & 0x1F) << 13 | (p >> 11 & 0x1F) << 8 | (p >> 3 & 0x1F) << 3 | a >> 5;
  }

  private static void map(
      int[] px,
      boolean alpha,
      boolean binaryAlpha,
      int transparent,
      int[] palette,
      BufferedImage out) {
    byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
    int[] nearest = new int[CELLS];
    java.util.Arrays.fill(nearest, -1);
    for (int i = 0; i < px.length; i++) {
      if ((i & 0xFFFF) == 0) {
        RenderScope.checkpoint(); // every 64K pixels
      }
      int p = px[i];
      int a = alpha ? p >>> 24 : 255;
      if (transparent >= 0 && a < 128) {
        dst[i] = (byte) transparent;
        continue;
      }
      int c = cell(p, binaryAlpha ? 255 : a);
      if (nearest[c] < 0) {
        nearest[c] = nearest(p & 0xFFFFFF | (binaryAlpha ? 255 : a) << 24, palette);
      }
      dst[i] = (byte) nearest[c];
    }
  }

  private static int nearest(int argb, int[] palette) {
    int best = 0;
    long bestD = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      long d = 0;
      for (int shift = 0; shift <= 24; shift += 8) {
        long diff = (argb >>> shift & 0xFF) - (palette[i] >>> shift & 0xFF);
        d += diff * diff;
      }
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  /**
   * Splits the occupied cells into at most {@code n} boxes; returns each box's weighted mean ARGB.
   */
  static int[] medianCut(int[] counts, long[][] sums, int n) {
    List<int[]> cells = new ArrayList<>();
    for (int c = 0; c < CELLS; c++) {
      if (counts[c] > 0) {
        cells.add(new int[] {c >> 13 & 0x1F, c >> 8 & 0x1F, c >> 3 & 0x1F, c & 7, counts[c], c});
      }
    }
    if (cells.isEmpty()) {
      return new int[] {0xFF000000};
    }
    List<List<int[]>> boxes = new ArrayList<>(List.of(cells));
    while (boxes.size() < n) {
      List<int[]> widest =
          boxes.stream()
              .filter(b -> b.size() > 1)
              .max(Comparator.comparingInt(Quantizer::range))
              .orElse(null);
      if (widest == null) {
        break;
      }
      boxes.remove(widest);
      boxes.addAll(split(widest));
    }
    return boxes.stream().mapToInt(b -> mean(b, sums)).toArray();
  }

  private static int range(List<int[]> box) {
    int best = 0;
    for (int d = 0; d < 4; d++) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int[] c : box) {
        min = Math.min(min, c[d] * (d == 3 ? 4 : 1));
        max = Math.max(max, c[d] * (d == 3 ? 4 : 1));
      }
      best = Math.max(best, max - min);
    }
    return best;
  }

  private static List<List<int[]>> split(List<int[]> box) {
    int axis = 0;
    int widest = -1;
    for (int d = 0; d < 4; d++) {
      final int dim = d;
      int span =
          box.stream().mapToInt(c -> c[dim]).max().orElse(0)
              - box.stream().mapToInt(c -> c[dim]).min().orElse(0);
      if (span * (d == 3 ? 4 : 1) > widest) {
        widest = span * (d == 3 ? 4 : 1);
        axis = d;
      }
    }
    final int a = axis;
    List<int[]> sorted = new ArrayList<>(box);
    sorted.sort(Comparator.comparingInt(c -> c[a]));
    long total = sorted.stream().mapToLong(c -> c[4]).sum();
    long acc = 0;
    int cut = 1;
    for (int i = 0; i < sorted.size() - 1; i++) {
      acc += sorted.get(i)[4];
      cut = i + 1;
      if (acc * 2 >= total) {
        break;
      }
    }
    return List.of(
        new ArrayList<>(sorted.subList(0, cut)),
        new ArrayList<>(sorted.subList(cut, sorted.size())));
  }

  /** The exact mean colour of the pixels in a box of cells. */
  private static int mean(List<int[]> box, long[][] sums) {
    double[] total = new double[4];
    long n = 0;
    for (int[] c : box) {
      for (int ch = 0; ch < 4; ch++) {
        total[ch] += sums[ch][c[5]];
      }
      n += c[4];
    }
    int[] v = new int[4];
    for (int ch = 0; ch < 4; ch++) {
      v[ch] = (int) Math.round(total[ch] / n);
    }
    return v[3] << 24 | v[0] << 16 | v[1] << 8 | v[2];
  }
}
