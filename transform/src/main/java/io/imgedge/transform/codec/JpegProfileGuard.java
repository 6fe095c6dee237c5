package io.imgedge.transform.codec;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.probe.ImageHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps a broken embedded ICC profile away from the ImageIO JPEG readers. ICC_PROFILE segments
 * that do not make a profile whose header declares the size the file carries (found by fuzzing: a
 * 1.4 KB JPEG declaring a 1.1 GB profile made TwelveMonkeys allocate it, and again with the chunk
 * numbered past the count) are stripped from the data before decoding; the pixels are then taken
 * as sRGB, as for any unreadable profile. The marker scan stops at the first scan; only JPEGs
 * with a broken profile are copied.
 */
final class JpegProfileGuard {
  private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  private JpegProfileGuard() {}

  /**
   * The data to decode: as it is, or without its ICC_PROFILE segments unless they are well formed
   * (each named {@code ICC_PROFILE\0}, numbered 1 to their count, once each) and make a profile
   * whose header declares its length. TwelveMonkeys also reads segments named without the NUL, so
   * those count as ICC_PROFILE segments too.
   */
  static byte[] safe(byte[] data, ImageHeader header) {
    if (header.format() != ImageFormat.JPEG) {
      return data;
    }
    Segments found = scan(data);
    if (found == Segments.NONE) {
      return data;
    }
    byte[] profile = header.iccProfile();
    if (found == Segments.WELL_FORMED && profile != null && consistent(profile)) {
      return data;
    }
    return withoutProfile(data);
  }

  private enum Segments { NONE, WELL_FORMED, MALFORMED }

  /** What ICC_PROFILE segments a JPEG has before its first scan. */
  private static Segments scan(byte[] d) {
    java.util.BitSet seen = new java.util.BitSet();
    int count = -1;
    boolean any = false;
    boolean malformed = false;
    int at = 2;
    while (at + 4 <= d.length && (d[at] & 0xFF) == 0xFF) {
      int marker = d[at + 1] & 0xFF;
      if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        at += marker == 0xFF ? 1 : 2;
        continue;
      }
      if (marker == 0xDA) {
        break;
      }
      int end = at + 2 + ((d[at + 2] & 0xFF) << 8 | d[at + 3] & 0xFF);
      if (end > d.length) {
        break;
      }
      if (isIcc(d, at, end)) {
        any = true;
        int body = at + 4;
        if (end - body < ICC_ID.length + 2 || d[body + ICC_ID.length - 1] != 0) {
          malformed = true;
        } else {
          int seq = d[body + ICC_ID.length] & 0xFF;
          int n = d[body + ICC_ID.length + 1] & 0xFF;
          malformed |= seq < 1 || seq > n || (count >= 0 && n != count) || seen.get(seq);
          count = n;
          seen.set(seq);
        }
      }
      at = end;
    }
    if (!any) {
      return Segments.NONE;
    }
    return malformed || seen.cardinality() != count ? Segments.MALFORMED : Segments.WELL_FORMED;
  }

  /** An APP2 segment whose data starts with {@code ICC_PROFILE} (with or without the NUL). */
  private static boolean isIcc(byte[] d, int at, int end) {
    int n = ICC_ID.length - 1;
    return (d[at + 1] & 0xFF) == 0xE2 && end - (at + 4) >= n && Arrays.equals(d, at + 4, at + 4 + n, ICC_ID, 0, n);
  }

  /** Whether the profile's own size field (its first four bytes) matches its length. */
  static boolean consistent(byte[] profile) {
    if (profile.length < 128) {
      return false;
    }
    long declared = (profile[0] & 0xFFL) << 24 | (profile[1] & 0xFF) << 16 | (profile[2] & 0xFF) << 8 | profile[3] & 0xFF;
    return declared == profile.length;
  }

  /** A copy of a JPEG without its APP2 ICC_PROFILE segments (the rest byte for byte). */
  static byte[] withoutProfile(byte[] d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
    out.write(d, 0, 2);
    int at = 2;
    while (at + 4 <= d.length && (d[at] & 0xFF) == 0xFF) {
      int marker = d[at + 1] & 0xFF;
      if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        out.write(d, at, marker == 0xFF ? 1 : 2);
        at += marker == 0xFF ? 1 : 2;
        continue;
      }
      if (marker == 0xDA) {
        break; // the scan and everything after it are copied as they are
      }
      int end = at + 2 + ((d[at + 2] & 0xFF) << 8 | d[at + 3] & 0xFF);
      if (end > d.length) {
        break;
      }
      if (!isIcc(d, at, end)) {
        out.write(d, at, end - at);
      }
      at = end;
    }
    out.write(d, at, d.length - at);
    return out.toByteArray();
  }
}
