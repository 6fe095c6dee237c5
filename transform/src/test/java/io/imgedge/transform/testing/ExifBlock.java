package io.imgedge.transform.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds EXIF blocks (TIFF structures) by hand, in either byte order, with entries of any TIFF
 * type, so that tests can write what cameras write and what the specification does not allow: an
 * orientation as a LONG, a value stored behind an offset, a tag only in the thumbnail's IFD1 or in
 * the Exif sub-IFD.
 *
 * {@snippet :
 * byte[] tiff = ExifBlock.of(ByteOrder.BIG_ENDIAN)
 *     .ifd0(ExifBlock.entry(ExifBlock.ORIENTATION, ExifBlock.LONG, 6))
 *     .tiff();
 * }
 *
 * <p>The layout: the 8-byte header, IFD0, the Exif sub-IFD (pointed to by a 0x8769 entry added to
 * IFD0 when it has entries), IFD1 (linked as IFD0's next IFD), then the values that do not fit in
 * their entries' four bytes. Entries are written in tag order, as TIFF requires.
 */
public final class ExifBlock {
  /** The orientation tag. */
  public static final int ORIENTATION = 0x0112;

  /** The tag of the Exif sub-IFD's offset. */
  public static final int EXIF_IFD_POINTER = 0x8769;

  /** TIFF field type 1, unsigned 8-bit. */
  public static final int BYTE = 1;

  /** TIFF field type 2, NUL-terminated ASCII. */
  public static final int ASCII = 2;

  /** TIFF field type 3, unsigned 16-bit. */
  public static final int SHORT = 3;

  /** TIFF field type 4, unsigned 32-bit. */
  public static final int LONG = 4;

  /** TIFF field type 5, two LONGs. */
  public static final int RATIONAL = 5;

  /** TIFF field type 6, signed 8-bit. */
  public static final int SBYTE = 6;

  /** TIFF field type 7, opaque bytes. */
  public static final int UNDEFINED = 7;

  /** TIFF field type 8, signed 16-bit. */
  public static final int SSHORT = 8;

  /** TIFF field type 9, signed 32-bit. */
  public static final int SLONG = 9;

  private final ByteOrder order;
  private final List<Entry> ifd0 = new ArrayList<>();
  private final List<Entry> exifIfd = new ArrayList<>();
  private final List<Entry> ifd1 = new ArrayList<>();

  private ExifBlock(ByteOrder order) {
    this.order = order;
  }

  /** An empty block in this byte order ({@code II} little-endian, {@code MM} big-endian). */
  public static ExifBlock of(ByteOrder order) {
    return new ExifBlock(order);
  }

  /**
   * One IFD entry.
   *
   * @param tag the tag
   * @param type the TIFF field type, e.g. {@link #SHORT}
   * @param count the count written in the entry (may differ from {@code values.length}, to write
   *     malformed entries)
   * @param values the values, each written in the type's size (RATIONAL: numerator then 1)
   */
  public record Entry(int tag, int type, long count, long... values) {}

  /** An entry whose count is its number of values. */
  public static Entry entry(int tag, int type, long... values) {
    return new Entry(tag, type, values.length, values);
  }

  /** Adds entries to IFD0, the main image's. */
  public ExifBlock ifd0(Entry... entries) {
    ifd0.addAll(List.of(entries));
    return this;
  }

  /** Adds entries to the Exif sub-IFD (and so a pointer to it in IFD0). */
  public ExifBlock exifIfd(Entry... entries) {
    exifIfd.addAll(List.of(entries));
    return this;
  }

  /** Adds entries to IFD1, the thumbnail's (and so links it from IFD0). */
  public ExifBlock ifd1(Entry... entries) {
    ifd1.addAll(List.of(entries));
    return this;
  }

  /** The TIFF structure, as a PNG {@code eXIf} chunk or an AVIF Exif item holds it. */
  public byte[] tiff() {
    List<Entry> first = new ArrayList<>(ifd0);
    int ifd0At = 8;
    int exifAt = ifd0At + ifdSize(first.size() + (exifIfd.isEmpty() ? 0 : 1));
    int ifd1At = exifAt + (exifIfd.isEmpty() ? 0 : ifdSize(exifIfd.size()));
    int dataAt = ifd1At + (ifd1.isEmpty() ? 0 : ifdSize(ifd1.size()));
    if (!exifIfd.isEmpty()) {
      first.add(entry(EXIF_IFD_POINTER, LONG, exifAt));
    }
    int dataSize = 0;
    for (List<Entry> ifd : List.of(first, exifIfd, ifd1)) {
      for (Entry e : ifd) {
        int size = valueSize(e);
        dataSize += size > 4 ? size + (size & 1) : 0;
      }
    }
    ByteBuffer b = ByteBuffer.allocate(dataAt + dataSize).order(order);
    byte mark = (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M');
    b.put(mark).put(mark).putShort((short) 42).putInt(ifd0At);
    int[] data = {dataAt};
    writeIfd(b, first, ifd1.isEmpty() ? 0 : ifd1At, data);
    if (!exifIfd.isEmpty()) {
      writeIfd(b, exifIfd, 0, data);
    }
    if (!ifd1.isEmpty()) {
      writeIfd(b, ifd1, 0, data);
    }
    return b.array();
  }

  /** The block as a JPEG APP1 payload or a WebP EXIF chunk holds it: {@code Exif\0\0} first. */
  public byte[] app1() {
    byte[] tiff = tiff();
    byte[] out = new byte[6 + tiff.length];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, out, 0, 6);
    System.arraycopy(tiff, 0, out, 6, tiff.length);
    return out;
  }

  /** A copy of a JPEG with this block as an APP1 segment right after SOI. */
  public byte[] inJpeg(byte[] jpeg) {
    return ImageBytes.withJpegSegment(jpeg, ImageBytes.APP1, app1());
  }

  /** A copy of a PNG with this block as an {@code eXIf} chunk right after IHDR. */
  public byte[] inPng(byte[] png) {
    return ImageBytes.withPngChunk(png, "eXIf", tiff());
  }

  private static int ifdSize(int entries) {
    return 2 + 12 * entries + 4;
  }

  private void writeIfd(ByteBuffer b, List<Entry> entries, int next, int[] data) {
    List<Entry> sorted = entries.stream().sorted(Comparator.comparingInt(Entry::tag)).toList();
    b.putShort((short) sorted.size());
    for (Entry e : sorted) {
      b.putShort((short) e.tag()).putShort((short) e.type()).putInt((int) e.count());
      int size = valueSize(e);
      if (size <= 4) {
        int at = b.position();
        putValues(b, e);
        b.position(at + 4);
      } else {
        b.putInt(data[0]);
        int at = b.position();
        b.position(data[0]);
        putValues(b, e);
        data[0] += size + (size & 1);
        b.position(at);
      }
    }
    b.putInt(next);
  }

  private static int valueSize(Entry e) {
    return e.values().length * typeSize(e.type());
  }

  private static int typeSize(int type) {
    return switch (type) {
      case BYTE, ASCII, SBYTE, UNDEFINED -> 1;
      case SHORT, SSHORT -> 2;
      case LONG, SLONG, 11, 13 -> 4; // 11 FLOAT, 13 IFD
      case RATIONAL, 10, 12 -> 8; // 10 SRATIONAL, 12 DOUBLE
      default -> 2; // not a TIFF type: written as a SHORT, which a reader must not take it for
    };
  }

  private static void putValues(ByteBuffer b, Entry e) {
    for (long v : e.values()) {
      switch (typeSize(e.type())) {
        case 1 -> b.put((byte) v);
        case 2 -> b.putShort((short) v);
        case 4 -> b.putInt((int) v);
        default -> b.putInt((int) v).putInt(1); // a rational v/1; a DOUBLE gets the same bits
      }
    }
  }
}
