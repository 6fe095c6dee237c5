package io.imgedge.transform.metadata;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes ASCII tags of an EXIF block's first IFD (a TIFF structure). */
final class Exif {
  private static final int ASCII = 2;

  private Exif() {}

  /** Adds the ASCII values of {@code tags} found in IFD0 of the TIFF at {@code tiff}. */
  static void readAscii(
      byte[] d, int tiff, int end, List<Integer> tags, Map<Integer, byte[]> into) {
    ByteBuffer b = ByteBuffer.wrap(d, 0, end);
    b.order(d[tiff] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int ifd = tiff + b.getInt(tiff + 4);
    int count = b.getShort(ifd) & 0xFFFF;
    for (int i = 0; i < count; i++) {
      int entry = ifd + 2 + 12 * i;
      int tag = b.getShort(entry) & 0xFFFF;
      int type = b.getShort(entry + 2) & 0xFFFF;
      int n = b.getInt(entry + 4);
      if (type == ASCII && tags.contains(tag) && n > 0 && n < 65_000) {
        int at = n <= 4 ? entry + 8 : tiff + b.getInt(entry + 8);
        into.put(tag, Arrays.copyOfRange(d, at, at + n));
      }
    }
  }

  /** An APP1 payload: {@code Exif\0\0} and a little-endian TIFF whose IFD0 holds these tags. */
  static byte[] write(Map<Integer, byte[]> tags) {
    Map<Integer, byte[]> sorted = new TreeMap<>(tags);
    int ifdSize = 2 + 12 * sorted.size() + 4;
    int dataSize =
        sorted.values().stream().mapToInt(v -> v.length > 4 ? v.length + (v.length & 1) : 0).sum();
    ByteBuffer b = ByteBuffer.allocate(6 + 8 + ifdSize + dataSize).order(ByteOrder.LITTLE_ENDIAN);
    b.put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) sorted.size());
    int data = 8 + ifdSize;
    for (Map.Entry<Integer, byte[]> e : sorted.entrySet()) {
      byte[] v = e.getValue();
      b.putShort((short) (int) e.getKey()).putShort((short) ASCII).putInt(v.length);
      if (v.length <= 4) {
        b.put(Arrays.copyOf(v, 4));
      } else {
        b.putInt(data);
        data += v.length + (v.length & 1);
      }
    }
    b.putInt(0);
    for (byte[] v : sorted.values()) {
      if (v.length > 4) {
        b.put(v);
        if ((v.length & 1) != 0) {
          b.put((byte) 0);
        }
      }
    }
    return b.array();
  }
}
