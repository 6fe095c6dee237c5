package io.imgedge.transform.resize;

/**
 * The source rows a vertical pass needs, unpacked from packed ARGB into one {@code int} plane per
 * channel (blue, green, red, then alpha), premultiplied by alpha, optionally in linear light. Rows
 * are unpacked on demand into a small ring, each once as the window moves down, so the full image
 * is never unpacked at once. Planes are separate arrays indexed from zero, the form in which the
 * JIT vectorizes the accumulation loops.
 */
final class SourceRows {
  private final int[] src;
  private final int width;
  private final int channels;
  private final Light light;
  private final int[][][] ring;
  private final int[] ringRow;
  private final int[] packed;

  /**
   * @param src packed pixels, {@code width} per row
   * @param channels 3 (opaque: alpha is ignored) or 4 (alpha is premultiplied in)
   * @param capacity the most rows needed at once
   */
  SourceRows(int[] src, int width, int channels, Light light, int capacity) {
    this.src = src;
    this.width = width;
    this.channels = channels;
    this.light = light;
    this.ring = new int[capacity][channels][width];
    this.ringRow = new int[capacity];
    java.util.Arrays.fill(ringRow, -1);
    this.packed = new int[width];
  }

  /** The planes of source row {@code y}. */
  int[][] row(int y) {
    int slot = y % ring.length;
    if (ringRow[slot] != y) {
      System.arraycopy(src, y * width, packed, 0, width);
      unpack(packed, ring[slot]);
      ringRow[slot] = y;
    }
    return ring[slot];
  }

  private void unpack(int[] p, int[][] planes) {
    if (light.linear()) {
      light.unpack(p, planes, channels);
      return;
    }
    for (int c = 0; c < 3; c++) {
      int[] plane = planes[c];
      int shift = 8 * c;
      for (int x = 0; x < width; x++) {
        plane[x] = (p[x] >> shift) & 0xFF;
      }
    }
    if (channels == 4) {
      premultiply(p, planes);
    }
  }

  private void premultiply(int[] p, int[][] planes) {
    int[] a = planes[3];
    for (int x = 0; x < width; x++) {
      a[x] = p[x] >>> 24;
    }
    for (int c = 0; c < 3; c++) {
      int[] plane = planes[c];
      for (int x = 0; x < width; x++) {
        int t = plane[x] * a[x] + 128;
        plane[x] = (t + (t >> 8)) >> 8;
      }
    }
  }
}
