package io.imgedge.transform.probe;

import io.imgedge.transform.spec.Orientation;

/**
 * Finds the orientation tag (0x0112) in an EXIF/TIFF structure. Any malformation yields {@link
 * Orientation#NORMAL}: a broken EXIF block never makes an image unreadable.
 *
 * <p><b>Types.</b> EXIF says SHORT, count 1, but cameras write other integer types (the Panasonic
 * DMC-GF1 a LONG, for one), so any of BYTE, SHORT, LONG, SBYTE, SSHORT and SLONG is read, as
 * libexif does (its {@code exif_entry_fix} converts them to SHORT, and libvips reads the result)
 * and exiftool does. The first value counts when there are several; it is read where TIFF puts it:
 * inside the entry, left-justified, when {@code count × size} fits in four bytes, else at the
 * offset the entry holds. Other types (ASCII, RATIONAL, UNDEFINED, ...), a count of 0 and values
 * outside 1 to 8 are ignored. Chromium (Skia's {@code SkExif}) and Firefox accept SHORT only, so
 * they show such a photo unrotated; imgedge rotates it, which is what the camera meant, and its
 * output carries no orientation for browsers to disagree about.
 *
 * <p><b>Where.</b> IFD0, which describes the main image. If IFD0 has no usable orientation, the
 * Exif sub-IFD (tag 0x8769) is searched, as Chromium does (Skia parses IFD0, then the sub-IFD while
 * no origin has been found). IFD1 is never searched: it describes the embedded thumbnail, not the
 * image; libvips reads IFD0 only ({@code exif-ifd0-Orientation}, since 8.6), and neither Chromium
 * nor Firefox follows IFD0's link to IFD1. (libexif's {@code exif_data_get_entry} and exiftool's
 * {@code Orientation} would take IFD1's when IFD0 lacks one, but neither displays images.) Without
 * an orientation in IFD0 or the sub-IFD the image is upright as stored.
 */
final class ExifOrientation {
  private static final int ORIENTATION_TAG = 0x0112;
  private static final int EXIF_IFD_TAG = 0x8769;
  private static final int BYTE = 1;
  private static final int SHORT = 3;
  private static final int LONG = 4;
  private static final int SBYTE = 6;
  private static final int SSHORT = 8;
  private static final int SLONG = 9;
  private static final int IFD = 13;
  private static final int MAX_ENTRIES = 1000;

  /** Not an orientation: the value of an entry that cannot be read as one. */
  private static final long NONE = 0;

  private ExifOrientation() {}

  /** A TIFF structure: its bytes, where it starts and ends, its byte order. */
  private static final class Tiff {
    private final byte[] d;
    private final int start;
    private final int end;
    private final boolean little;

    Tiff(byte[] d, int start, int end, boolean little) {
      this.d = d;
      this.start = start;
      this.end = end;
      this.little = little;
    }

    int start() {
      return start;
    }

    /** The byte at {@code at}, which {@link #holds} said is there. */
    byte at(long at) {
      return d[(int) at];
    }

    int u16(long at) {
      return little ? Bytes.u16le(d, (int) at, "EXIF") : Bytes.u16be(d, (int) at, "EXIF");
    }

    long u32(long at) {
      return little ? Bytes.u32le(d, (int) at, "EXIF") : Bytes.u32be(d, (int) at, "EXIF");
    }

    /** Whether {@code length} bytes at {@code at} lie within the structure. */
    boolean holds(long at, long length) {
      return at >= start && length >= 0 && at + length <= end;
    }
  }

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
    Tiff tiff = new Tiff(d, start, end, little);
    long ifd0 = start + tiff.u32(start + 4);
    long value = orientation(tiff, ifd0);
    if (value == NONE) {
      long exifIfd = exifIfd(tiff, ifd0);
      value = exifIfd < 0 ? NONE : orientation(tiff, exifIfd);
    }
    return value == NONE ? Orientation.NORMAL : Orientation.fromExif((int) value);
  }

  /** Reads an "Exif\0\0"-prefixed block (JPEG APP1 payload, WebP EXIF may omit the prefix). */
  static Orientation readExifBlock(byte[] d, int start, int end) {
    if (end - start >= 6
        && d[start] == 'E'
        && d[start + 1] == 'x'
        && d[start + 2] == 'i'
        && d[start + 3] == 'f'
        && d[start + 4] == 0
        && d[start + 5] == 0) {
      return read(d, start + 6, end);
    }
    return read(d, start, end);
  }

  /** The first orientation in 1 to 8 among the IFD's entries, or {@link #NONE}. */
  private static long orientation(Tiff tiff, long ifd) {
    int count = entries(tiff, ifd);
    for (int i = 0; i < count; i++) {
      long e = ifd + 2 + 12L * i;
      if (!tiff.holds(e, 12)) {
        break;
      }
      if (tiff.u16(e) == ORIENTATION_TAG) {
        long value = integer(tiff, e);
        if (value >= 1 && value <= 8) {
          return value;
        }
      }
    }
    return NONE;
  }

  /** Where the Exif sub-IFD that IFD0 points to starts, or -1. */
  private static long exifIfd(Tiff tiff, long ifd0) {
    int count = entries(tiff, ifd0);
    for (int i = 0; i < count; i++) {
      long e = ifd0 + 2 + 12L * i;
      if (!tiff.holds(e, 12)) {
        break;
      }
      int type = tiff.u16(e + 2);
      if (tiff.u16(e) == EXIF_IFD_TAG && (type == LONG || type == IFD) && tiff.u32(e + 4) == 1) {
        return tiff.start() + tiff.u32(e + 8);
      }
    }
    return -1;
  }

  /** How many entries the IFD at {@code ifd} declares (at most {@link #MAX_ENTRIES}), or 0. */
  private static int entries(Tiff tiff, long ifd) {
    if (ifd < tiff.start() + 8 || !tiff.holds(ifd, 2)) {
      return 0;
    }
    return Math.min(tiff.u16(ifd), MAX_ENTRIES);
  }

  /**
   * The first value of an integer-typed entry (signed types keep their sign), or {@link #NONE} if
   * it has another type, no value, or a value outside the structure.
   */
  private static long integer(Tiff tiff, long entry) {
    int type = tiff.u16(entry + 2);
    int size =
        switch (type) {
          case BYTE, SBYTE -> 1;
          case SHORT, SSHORT -> 2;
          case LONG, SLONG -> 4;
          default -> 0;
        };
    long count = tiff.u32(entry + 4);
    if (size == 0 || count == 0) {
      return NONE;
    }
    long at = count * size <= 4 ? entry + 8 : tiff.start() + tiff.u32(entry + 8);
    if (!tiff.holds(at, size)) {
      return NONE;
    }
    return switch (type) {
      case BYTE -> tiff.at(at) & 0xFF;
      case SBYTE -> tiff.at(at);
      case SHORT -> tiff.u16(at);
      case SSHORT -> (short) tiff.u16(at);
      case LONG -> tiff.u32(at);
      default -> (int) tiff.u32(at); // SLONG
    };
  }
}
