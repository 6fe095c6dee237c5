package io.imgedge.transform.resize;

/** Nearest-neighbour sampling: each output pixel copies the source pixel under its centre. */
final class Nearest {
  private Nearest() {}

  static int[] sample(int[] src, int sw, int sh, int width, int height) {
    int[] xs = new int[width];
    for (int x = 0; x < width; x++) {
      xs[x] = Math.min(sw - 1, (int) ((x + 0.5) * sw / width));
    }
    int[] dst = new int[width * height];
    for (int y = 0; y < height; y++) {
      int row = Math.min(sh - 1, (int) ((y + 0.5) * sh / height)) * sw;
      for (int x = 0; x < width; x++) {
        dst[y * width + x] = src[row + xs[x]];
      }
    }
    return dst;
  }
}
