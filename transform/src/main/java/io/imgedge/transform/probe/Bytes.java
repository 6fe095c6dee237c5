package io.imgedge.transform.probe;

import io.imgedge.transform.InvalidImageException;

/** Bounds-checked reads of big- and little-endian integers; past the end means truncated. */
final class Bytes {
  private Bytes() {}

  static int u8(byte[] d, int at, String what) {
    check(d, at, 1, what);
    return d[at] & 0xFF;
  }

  static int u16be(byte[] d, int at, String what) {
    check(d, at, 2, what);
    return (d[at] & 0xFF) << 8 | d[at + 1] & 0xFF;
  }

  static int u16le(byte[] d, int at, String what) {
    check(d, at, 2, what);
    return (d[at + 1] & 0xFF) << 8 | d[at] & 0xFF;
  }

  static int u24le(byte[] d, int at, String what) {
    check(d, at, 3, what);
    return (d[at + 2] & 0xFF) << 16 | (d[at + 1] & 0xFF) << 8 | d[at] & 0xFF;
  }

  static long u32be(byte[] d, int at, String what) {
    check(d, at, 4, what);
    return (long) (d[at] & 0xFF) << 24
        | (d[at + 1] & 0xFF) << 16
        | (d[at + 2] & 0xFF) << 8
        | d[at + 3] & 0xFF;
  }

  static long u32le(byte[] d, int at, String what) {
    check(d, at, 4, what);
    return (long) (d[at + 3] & 0xFF) << 24
        | (d[at + 2] & 0xFF) << 16
        | (d[at + 1] & 0xFF) << 8
        | d[at] & 0xFF;
  }

  static String fourCc(byte[] d, int at, String what) {
    check(d, at, 4, what);
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      int b = d[at + i] & 0xFF;
      c[i] = b >= 0x20 && b < 0x7F ? (char) b : '?';
    }
    return new String(c);
  }

  /** Throws {@link InvalidImageException} unless {@code length} bytes exist at {@code at}. */
  static void check(byte[] d, long at, long length, String what) {
    if (at < 0 || length < 0 || at + length > d.length) {
      throw new InvalidImageException(what + " is truncated or corrupt");
    }
  }
}
