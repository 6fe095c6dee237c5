package io.imgedge.transform.resize;

/** Converts packed ARGB between straight and premultiplied alpha. */
final class Premultiplied {
  private Premultiplied() {}

  static int[] premultiply(int[] src) {
    int[] dst = new int[src.length];
    for (int i = 0; i < src.length; i++) {
      int p = src[i];
      int a = p >>> 24;
      if (a == 255) {
        dst[i] = p;
      } else if (a != 0) {
        dst[i] = a << 24 | mul(p >> 16 & 0xFF, a) << 16 | mul(p >> 8 & 0xFF, a) << 8 | mul(p & 0xFF, a);
      }
    }
    return dst;
  }

  static void unpremultiplyInPlace(int[] px) {
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      int a = p >>> 24;
      if (a == 0) {
        px[i] = 0;
      } else if (a != 255) {
        px[i] = a << 24 | div(p >> 16 & 0xFF, a) << 16 | div(p >> 8 & 0xFF, a) << 8 | div(p & 0xFF, a);
      }
    }
  }

  private static int mul(int c, int a) {
    int t = c * a + 128;
    return (t + (t >> 8)) >> 8;
  }

  private static int div(int c, int a) {
    return Math.min(255, (Math.min(c, a) * 255 + a / 2) / a);
  }
}
