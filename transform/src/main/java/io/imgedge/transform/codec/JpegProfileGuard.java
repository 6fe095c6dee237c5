package io.imgedge.transform.codec;

import io.imgedge.transform.probe.ImageHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps broken ICC_PROFILE segments away from the ImageIO JPEG readers, which allocate the size a
 * profile declares (found by fuzzing: a 1.4 KB JPEG declaring a 1.1 GB profile, and again with the
 * segment named without its NUL). The probe says which JPEGs carry such segments ({@link
 * ImageHeader#unsafeProfileSegments()}); they are stripped from the data before decoding, and the
 * pixels are taken as sRGB, as for any unreadable profile.
 */
final class JpegProfileGuard {
  /** ICC_PROFILE without the NUL: the readers take segments named either way. */
  private static final byte[] ICC_NAME = "ICC_PROFILE".getBytes(StandardCharsets.US_ASCII);

  private JpegProfileGuard() {}

  /**
   * The data to decode: as it is, or without its ICC_PROFILE segments if the probe found them
   * unsafe.
   */
  static byte[] safe(byte[] data, ImageHeader header) {
    return header.unsafeProfileSegments() ? withoutProfile(data) : data;
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
      boolean icc =
          marker == 0xE2
              && end - (at + 4) >= ICC_NAME.length
              && Arrays.equals(d, at + 4, at + 4 + ICC_NAME.length, ICC_NAME, 0, ICC_NAME.length);
      if (!icc) {
        out.write(d, at, end - at);
      }
      at = end;
    }
    out.write(d, at, d.length - at);
    return out.toByteArray();
  }
}
