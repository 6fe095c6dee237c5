package io.imgedge.transform.probe;

import io.imgedge.transform.spec.Orientation;

/**
 * Finds the orientation tag (0x0112) in an EXIF/TIFF structure. Any malformation yields {@link
 * Orientation#NORMAL}: a broken EXIF block never makes an image unreadable.
 */
final class ExifOrientation {
  private static final int ORIENTATION_TAG = 0x0112;
  private static final int SHORT = 3;
  private static final int MAX_ENTRIES = 1000;

  private ExifOrientation() {}

  /**
   * @param d bytes holding a TIFF header at {@code start} ("II*\0" or "MM\0*")
   * @param start offset of the TIFF header
   * @param end end of the EXIF block (exclusive)
   */
  static Orientation read(byte[] d, int start, int end) {
    if (start < 0 || end > d.length || end - start < 8) {
      return Orientation.NORMAL;
    }
    boolean little = d[start] == 'I' && d[start + 1] == 'I';
    boolean big = d[start] == 'M' && d[start + 1] == 'M';
    if (!little && !big) {
      return Orientation.NORMAL;
    }
    long ifd = u32(d, start + 4, little);
    long entriesAt = start + ifd;
    if (ifd < 8 || entriesAt + 2 > end) {
      return Orientation.NORMAL;
    }
    int count = u16(d, (int) entriesAt, little);
    for (int i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
      long e = entriesAt + 2 + 12L * i;
      if (e + 12 > end) {
        break;
      }
      if (u16(d, (int) e, little) == ORIENTATION_TAG && u16(d, (int) e + 2, little) == SHORT) {
        return Orientation.fromExif(u16(d, (int) e + 8, little));
      }
    }
    return Orientation.NORMAL;
  }

  /** Reads an "Exif\0\0"-prefixed block (JPEG APP1 payload, WebP EXIF may omit the prefix). */
  static Orientation readExifBlock(byte[] d, int start, int end) {
    if (end - start >= 6 && d[start] == 'E' && d[start + 1] == 'x' && d[start + 2] == 'i'
        && d[start + 3] == 'f' && d[start + 4] == 0 && d[start + 5] == 0) {
      return read(d, start + 6, end);
    }
    return read(d, start, end);
  }

  private static int u16(byte[] d, int at, boolean little) {
    return little ? Bytes.u16le(d, at, "EXIF") : Bytes.u16be(d, at, "EXIF");
  }

  private static long u32(byte[] d, int at, boolean little) {
    return little ? Bytes.u32le(d, at, "EXIF") : Bytes.u32be(d, at, "EXIF");
  }
}
