package io.imgedge.transform.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads and writes IPTC-IIM record-2 datasets in a Photoshop APP13 segment (resource 0x0404). */
final class Iptc {
  private static final int IPTC_RESOURCE = 0x0404;

  private Iptc() {}

  /** Adds the kept datasets of the 8BIM resources between {@code at} and {@code end}. */
  static void read(byte[] d, int at, int end, List<Integer> kept, Map<Integer, byte[]> into) {
    int i = at;
    while (i + 12 <= end && d[i] == '8' && d[i + 1] == 'B' && d[i + 2] == 'I' && d[i + 3] == 'M') {
      int id = (d[i + 4] & 0xFF) << 8 | d[i + 5] & 0xFF;
      int nameLength = d[i + 6] & 0xFF;
      int name = 1 + nameLength + ((1 + nameLength) & 1);
      int sizeAt = i + 6 + name;
      int size =
          (d[sizeAt] & 0xFF) << 24
              | (d[sizeAt + 1] & 0xFF) << 16
              | (d[sizeAt + 2] & 0xFF) << 8
              | d[sizeAt + 3] & 0xFF;
      int data = sizeAt + 4;
      if (id == IPTC_RESOURCE) {
        datasets(d, data, Math.min(end, data + size), kept, into);
      }
      i = data + size + (size & 1);
    }
  }

  private static void datasets(
      byte[] d, int at, int end, List<Integer> kept, Map<Integer, byte[]> into) {
    int i = at;
    while (i + 5 <= end && d[i] == 0x1C) {
      int record = d[i + 1] & 0xFF;
      int dataset = d[i + 2] & 0xFF;
      int length = (d[i + 3] & 0xFF) << 8 | d[i + 4] & 0xFF;
      if (record == 2 && kept.contains(dataset)) {
        into.put(dataset, Arrays.copyOfRange(d, i + 5, Math.min(end, i + 5 + length)));
      }
      i += 5 + length;
    }
  }

  /** An APP13 payload: {@code Photoshop 3.0}, one 8BIM 0x0404 resource holding the datasets. */
  static byte[] write(Map<Integer, byte[]> datasets) {
    ByteArrayOutputStream iim = new ByteArrayOutputStream();
    datasets.forEach(
        (dataset, value) -> {
          iim.writeBytes(
              new byte[] {
                0x1C, 2, (byte) (int) dataset, (byte) (value.length >> 8), (byte) value.length
              });
          iim.writeBytes(value);
        });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes("8BIM".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(new byte[] {0x04, 0x04, 0, 0});
    int size = iim.size();
    out.writeBytes(
        new byte[] {(byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size});
    out.writeBytes(iim.toByteArray());
    if ((size & 1) != 0) {
      out.write(0);
    }
    return out.toByteArray();
  }
}
