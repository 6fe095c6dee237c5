package io.imgedge.transform.codec;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.probe.ImageHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps a broken embedded ICC profile away from the ImageIO JPEG readers. A profile whose header
 * declares a size other than the bytes the file carries (found by fuzzing: a 1.4 KB JPEG declaring
 * a 1.1 GB profile made TwelveMonkeys allocate it) is stripped from the data before decoding; the
 * pixels are then taken as sRGB, as for any unreadable profile.
 */
final class JpegProfileGuard {
  private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  private JpegProfileGuard() {}

  /** The data to decode: as it is, or without its ICC_PROFILE segments if the profile is broken. */
  static byte[] safe(byte[] data, ImageHeader header) {
    byte[] profile = header.iccProfile();
    if (header.format() != ImageFormat.JPEG || profile == null || consistent(profile)) {
      return data;
    }
    return withoutProfile(data);
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
      boolean icc = marker == 0xE2 && end - (at + 4) >= ICC_ID.length
          && Arrays.equals(d, at + 4, at + 4 + ICC_ID.length, ICC_ID, 0, ICC_ID.length);
      if (!icc) {
        out.write(d, at, end - at);
      }
      at = end;
    }
    out.write(d, at, d.length - at);
    return out.toByteArray();
  }
}
