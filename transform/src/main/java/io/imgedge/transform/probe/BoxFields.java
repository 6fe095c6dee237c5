package io.imgedge.transform.probe;

import io.imgedge.transform.InvalidImageException;

/**
 * Reads the fields of one box's payload in order, big-endian as ISOBMFF stores them; a field that
 * would run past the end of the box is refused as a malformed box, naming it.
 */
final class BoxFields {
  private final byte[] d;
  private final int end;
  private final String box;
  private int at;

  /**
   * @param box how messages name the box, e.g. "the AVIF file's 'iloc' box"
   */
  BoxFields(byte[] d, IsoBoxes.Box b, String box) {
    this(d, b.payload(), b.end(), box);
  }

  BoxFields(byte[] d, int from, int to, String box) {
    this.d = d;
    this.at = from;
    this.end = to;
    this.box = box;
  }

  /** Reads a FullBox's version and skips its flags. */
  int version() {
    int v = u8();
    skip(3);
    return v;
  }

  int u8() {
    need(1);
    return d[at++] & 0xFF;
  }

  int u16() {
    need(2);
    int v = Bytes.u16be(d, at, box);
    at += 2;
    return v;
  }

  long u32() {
    need(4);
    long v = Bytes.u32be(d, at, box);
    at += 4;
    return v;
  }

  /** A 16-bit field in version 0 of a box, 32-bit in later versions (item ids and counts). */
  long id(int version) {
    return version == 0 ? u16() : u32();
  }

  /**
   * An unsigned field of 0, 4 or 8 bytes (iloc sizes); a 64-bit value above 2^63 comes back as
   * {@link Long#MAX_VALUE}, which lies past any file.
   */
  long unsigned(int bytes) {
    return switch (bytes) {
      case 0 -> 0;
      case 4 -> u32();
      case 8 -> {
        long v = u32() << 32 | u32();
        yield v < 0 ? Long.MAX_VALUE : v;
      }
      default ->
          throw new InvalidImageException(
              box + " has an unsupported field size of " + bytes + " bytes");
    };
  }

  String fourCc() {
    need(4);
    String v = Bytes.fourCc(d, at, box);
    at += 4;
    return v;
  }

  void skip(long n) {
    need(n);
    at += (int) n;
  }

  /** Bytes left in the box. */
  int remaining() {
    return end - at;
  }

  /** Offset of the next field. */
  int position() {
    return at;
  }

  /** Throws unless {@code n} more bytes are in the box. */
  void need(long n) {
    if (n < 0 || n > end - at) {
      throw new InvalidImageException(box + " is too short for its fields");
    }
  }
}
