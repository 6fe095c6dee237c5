package io.imgedge.transform.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Builds ISOBMFF boxes, AV1 sequence headers and JPEG XL codestream headers by hand, for the
 * scanners' edge cases and hostile structures; and patches bytes of real files.
 */
final class Boxes {
  private Boxes() {}

  static byte[] box(String type, byte[]... payload) {
    byte[] body = cat(payload);
    return cat(u32(8L + body.length), ascii(type), body);
  }

  static byte[] fullBox(String type, int version, int flags, byte[]... payload) {
    return box(type, cat(u8(version), u8(flags >> 16, flags >> 8, flags)), cat(payload));
  }

  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] u8(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] u16(int... values) {
    byte[] b = new byte[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      b[2 * i] = (byte) (values[i] >> 8);
      b[2 * i + 1] = (byte) values[i];
    }
    return b;
  }

  static byte[] u32(long... values) {
    byte[] b = new byte[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      for (int k = 0; k < 4; k++) {
        b[4 * i + k] = (byte) (values[i] >> (24 - 8 * k));
      }
    }
    return b;
  }

  /** {@code data} with the first occurrence of {@code from} (hex) replaced by {@code to} (hex). */
  static byte[] patch(byte[] data, String from, String to) {
    byte[] f = HexFormat.of().parseHex(from);
    byte[] t = HexFormat.of().parseHex(to);
    int at = indexOf(data, f);
    if (at < 0) {
      throw new AssertionError("no " + from + " in the data");
    }
    byte[] out = Arrays.copyOf(data, data.length - f.length + t.length);
    System.arraycopy(t, 0, out, at, t.length);
    System.arraycopy(data, at + f.length, out, at + t.length, data.length - at - f.length);
    return out;
  }

  static int indexOf(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= data.length; i++) {
      for (int k = 0; k < what.length; k++) {
        if (data[i + k] != what[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static int indexOf(byte[] data, String ascii) {
    return indexOf(data, ascii(ascii));
  }

  /**
   * An AV1 sequence header OBU with a reduced still-picture header, declaring frames of up to
   * {@code width} x {@code height} (the fields after them are left out: the probe stops there).
   */
  static byte[] av1SequenceHeader(int width, int height) {
    MsbBits b = new MsbBits();
    b.write(0, 3); // seq_profile
    b.write(1, 1); // still_picture
    b.write(1, 1); // reduced_still_picture_header
    b.write(8, 5); // seq_level_idx[0]
    b.write(15, 4); // frame_width_bits_minus_1: 16 bits
    b.write(15, 4);
    b.write(width - 1, 16);
    b.write(height - 1, 16);
    byte[] payload = b.bytes();
    return cat(u8(0x0A, payload.length), payload);
  }

  /** A minimal AVIF: one av01 primary item of the given size and AV1 data, all the boxes given. */
  static byte[] avif(String primaryType, long width, long height, byte[] av1) {
    byte[] ftyp = box("ftyp", ascii("avif"), u32(0), ascii("avifmif1miaf"));
    byte[] meta = avifMeta(primaryType, width, height, 0, av1.length);
    int offset = ftyp.length + meta.length + 8;
    meta = avifMeta(primaryType, width, height, offset, av1.length);
    return cat(ftyp, meta, box("mdat", av1));
  }

  static byte[] avifMeta(String primaryType, long width, long height, long offset, long length) {
    return fullBox(
        "meta",
        0,
        0,
        fullBox("hdlr", 0, 0, u32(0), ascii("pict"), u32(0, 0, 0), u8(0)),
        fullBox("pitm", 0, 0, u16(1)),
        fullBox("iloc", 0, 0, u8(0x44, 0x00), u16(1), u16(1, 0, 1), u32(offset, length)),
        fullBox("iinf", 0, 0, u16(1), fullBox("infe", 2, 0, u16(1, 0), ascii(primaryType), u8(0))),
        box(
            "iprp",
            box("ipco", fullBox("ispe", 0, 0, u32(width, height)), box("av1C", u8(0x81, 0, 0, 0))),
            fullBox("ipma", 0, 0, u32(1), u16(1), u8(2, 1, 0x82))));
  }

  /** Most-significant-bit-first writer (AV1). */
  static final class MsbBits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void write(long value, int n) {
      for (int i = n - 1; i >= 0; i--) {
        current = current << 1 | (int) ((value >> i) & 1);
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    byte[] bytes() {
      if (used > 0) {
        out.write(current << (8 - used));
      }
      return out.toByteArray();
    }
  }

  /** Least-significant-bit-first writer with the JPEG XL field encodings. */
  static final class JxlBits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    JxlBits write(long value, int n) {
      for (int i = 0; i < n; i++) {
        current |= (int) ((value >> i) & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
      return this;
    }

    JxlBits bool(boolean b) {
      return write(b ? 1 : 0, 1);
    }

    /** U32 with the given selector and the bits of that distribution. */
    JxlBits u32(int selector, long bits, int n) {
      write(selector, 2);
      return write(bits, n);
    }

    /** The codestream: signature, then the bits written, padded with zeros to 64 bytes. */
    byte[] codestream() {
      if (used > 0) {
        out.write(current);
      }
      return cat(u8(0xFF, 0x0A), Arrays.copyOf(out.toByteArray(), Math.max(64, out.size())));
    }

    /** Only the bits written (no padding). */
    byte[] exact() {
      if (used > 0) {
        out.write(current);
        used = 0;
      }
      return cat(u8(0xFF, 0x0A), out.toByteArray());
    }
  }
}
