package io.imgedge.transform.metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The marker segments of a JPEG before its first scan. */
final class Segments {
  private Segments() {}

  /**
   * One segment: its marker and where its payload starts and ends in the file.
   *
   * @param marker the marker, e.g. 0xE1
   * @param start the first payload byte
   * @param end the byte after the payload
   * @param data the whole file
   */
  record Segment(int marker, int start, int end, byte[] data) {
    boolean startsWith(String prefix) {
      byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
      if (end - start < p.length) {
        return false;
      }
      for (int i = 0; i < p.length; i++) {
        if (data[start + i] != p[i]) {
          return false;
        }
      }
      return true;
    }

    String text(int skip) {
      return new String(data, start + skip, end - start - skip, StandardCharsets.UTF_8);
    }
  }

  static List<Segment> of(byte[] d) {
    List<Segment> segments = new ArrayList<>();
    int at = 2;
    while (at + 4 <= d.length && (d[at] & 0xFF) == 0xFF) {
      int marker = d[at + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      int length = (d[at + 2] & 0xFF) << 8 | d[at + 3] & 0xFF;
      int end = Math.min(d.length, at + 2 + length);
      segments.add(new Segment(marker, at + 4, end, d));
      at = end;
    }
    return segments;
  }
}
