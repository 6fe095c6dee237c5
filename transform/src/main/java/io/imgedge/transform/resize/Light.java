package io.imgedge.transform.resize;

/**
 * The light values are resampled in: sRGB-encoded 8-bit values as they are stored (the default, as
 * sharp and libvips do), or linear light in 12 bits, which keeps the brightness of fine
 * high-contrast detail at the cost of lookups per sample.
 */
enum Light {
  SRGB(8),
  LINEAR(12);

  private static final int[] TO_LINEAR = new int[256];
  private static final int[] TO_SRGB = new int[4096];

  static {
    for (int v = 0; v < 256; v++) {
      double c = v / 255.0;
      double lin = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      TO_LINEAR[v] = (int) Math.round(lin * 4095);
    }
    for (int v = 0; v < 4096; v++) {
      double lin = v / 4095.0;
      double c = lin <= 0.0031308 ? lin * 12.92 : 1.055 * Math.pow(lin, 1 / 2.4) - 0.055;
      TO_SRGB[v] = (int) Math.round(c * 255);
    }
  }

  /** Bits per resampled value. */
  final int bits;

  /** The largest value. */
  final int max;

  Light(int bits) {
    this.bits = bits;
    this.max = (1 << bits) - 1;
  }

  boolean linear() {
    return this == LINEAR;
  }

  /** Unpacks a row into linear planes (premultiplied by alpha when there are four channels). */
  void unpack(int[] p, int[][] planes, int channels) {
    for (int x = 0; x < p.length; x++) {
      int px = p[x];
      int a = channels == 4 ? px >>> 24 : 255;
      for (int c = 0; c < 3; c++) {
        int lin = TO_LINEAR[(px >> (8 * c)) & 0xFF];
        planes[c][x] = a == 255 ? lin : (lin * a + 127) / 255;
      }
      if (channels == 4) {
        planes[3][x] = (a * 4095 + 127) / 255;
      }
    }
  }

  /** A resampled alpha value back to 8 bits. */
  int alpha8(int value) {
    return this == LINEAR ? (value * 255 + 2047) / 4095 : value;
  }

  /** One resampled, straight (not premultiplied) value back to an 8-bit sRGB-encoded one. */
  int encode(int value) {
    return this == LINEAR ? TO_SRGB[value] : value;
  }
}
