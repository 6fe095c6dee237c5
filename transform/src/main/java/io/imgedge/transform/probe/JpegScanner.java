package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Walks JPEG marker segments up to the first scan: the frame header (size, precision, coding,
 * components), the EXIF orientation, the Adobe colour transform and the embedded ICC profile
 * (reassembled from its APP2 chunks), which the decoders apply.
 */
final class JpegScanner {
  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP1 = 0xE1;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;
  private static final byte[] ADOBE_ID = "Adobe".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ICC_NAME = Arrays.copyOf(ICC_ID, ICC_ID.length - 1);
  private static final byte[] JFIF_ID = "JFIF\0".getBytes(StandardCharsets.US_ASCII);
  private static final int APP0 = 0xE0;

  private JpegScanner() {}

  private static final class State {
    Orientation orientation = Orientation.NORMAL;
    final TreeMap<Integer, int[]> iccChunks = new TreeMap<>();
    int adobeTransform = -1;
    boolean jfif;
    int[] componentIds = new int[0];
    int iccCount = -1;
    boolean iccMalformed;
    int marker = -1;
    int width;
    int height;
    int components;
  }

  /**
   * Reads the headers; a source too large for {@code limits} is refused as such before a cut one is
   * refused as truncated.
   */
  static ImageHeader scan(byte[] d, ImageLimits limits) {
    State s = new State();
    int at = 2;
    while (true) {
      int marker = nextMarker(d, at);
      at = markerEnd(d, at);
      if (marker == SOS || marker == EOI) {
        break;
      }
      if (isStandalone(marker)) {
        continue;
      }
      int length = Bytes.u16be(d, at, "the JPEG");
      if (length < 2) {
        throw new InvalidImageException("the JPEG has a malformed segment");
      }
      Bytes.check(d, at, length, "the JPEG");
      segment(d, marker, at, length, s);
      at += length;
    }
    if (s.marker < 0) {
      throw new InvalidImageException("the JPEG has no frame header before its image data");
    }
    limits.checkInputSize("the source image", s.width, s.height);
    checkComplete(d, at);
    boolean cmyk = s.components == 4;
    byte[] icc = profile(d, s.iccChunks);
    boolean unsafe =
        s.iccMalformed
            || (icc != null && (s.iccChunks.size() != s.iccCount || !declaresItsSize(icc)));
    return new ImageHeader(
        ImageFormat.JPEG,
        s.width,
        s.height,
        1,
        s.orientation,
        unsafe ? null : icc,
        false,
        s.marker == 0xC2,
        cmyk ? cmykCoding(s.adobeTransform) : null,
        new Rectangle(0, 0, s.width, s.height),
        d.length,
        storedAsYcc(s),
        unsafe);
  }

  /** libjpeg's rule for three components, where it leaves no doubt. */
  private static boolean storedAsYcc(State s) {
    if (s.components != 3) {
      return false;
    }
    if (s.jfif) {
      return s.adobeTransform < 0;
    }
    if (s.adobeTransform >= 0) {
      return s.adobeTransform == 1;
    }
    return Arrays.equals(s.componentIds, new int[] {1, 2, 3});
  }

  /** Whether an ICC profile's own size field (its first four bytes) is its length. */
  private static boolean declaresItsSize(byte[] profile) {
    return profile.length >= 128
        && ((profile[0] & 0xFFL) << 24
                | (profile[1] & 0xFF) << 16
                | (profile[2] & 0xFF) << 8
                | profile[3] & 0xFF)
            == profile.length;
  }

  /**
   * Refuses a JPEG whose image data stops before its end-of-image marker (a cut download): decoders
   * would only warn and fill the rest with grey, after decoding all of it. In entropy-coded data a
   * 0xFF byte is always followed by 0x00 or a restart marker, so an FF D9 after the first scan is
   * the real end; searching back from the end finds it at once in a whole file (trailing bytes
   * after it are allowed).
   */
  private static void checkComplete(byte[] d, int scanStart) {
    for (int i = d.length - 2; i >= scanStart; i--) {
      if (d[i + 1] == (byte) EOI && d[i] == (byte) 0xFF) {
        return;
      }
    }
    throw new InvalidImageException(
        "the JPEG is truncated: its image data ends before the end-of-image marker (a partial upload or download?)");
  }

  private static void segment(byte[] d, int marker, int at, int length, State s) {
    if (marker == APP1 && s.orientation == Orientation.NORMAL) {
      s.orientation = ExifOrientation.readExifBlock(d, at + 2, at + length);
    } else if (marker == APP2 && startsWith(d, at + 2, at + length, ICC_NAME)) {
      iccChunk(d, at, length, s); // named with or without the NUL: ImageIO readers take both
    } else if (marker == APP0 && startsWith(d, at + 2, at + length, JFIF_ID)) {
      s.jfif = true;
    } else if (marker == APP14 && length >= 14 && startsWith(d, at + 2, at + length, ADOBE_ID)) {
      s.adobeTransform = d[at + 2 + 11] & 0xFF;
    } else if (isFrameHeader(marker) && s.marker < 0) {
      s.marker = marker;
      int precision = Bytes.u8(d, at + 2, "the JPEG frame header");
      s.height = Bytes.u16be(d, at + 3, "the JPEG frame header");
      s.width = Bytes.u16be(d, at + 5, "the JPEG frame header");
      s.components = Bytes.u8(d, at + 7, "the JPEG frame header");
      checkSupported(marker, precision, s.height, s.components);
      if (s.components == 3 && length >= 17) {
        s.componentIds = new int[] {d[at + 8] & 0xFF, d[at + 11] & 0xFF, d[at + 14] & 0xFF};
      }
    }
  }

  /** One ICC_PROFILE chunk: kept by its number, and any departure from the format noted. */
  private static void iccChunk(byte[] d, int at, int length, State s) {
    if (length <= 16 || d[at + 2 + ICC_ID.length - 1] != 0) {
      s.iccMalformed = true;
      return;
    }
    int sequence = d[at + 2 + ICC_ID.length] & 0xFF;
    int count = d[at + 2 + ICC_ID.length + 1] & 0xFF;
    s.iccMalformed |=
        sequence < 1
            || sequence > count
            || (s.iccCount >= 0 && count != s.iccCount)
            || s.iccChunks.containsKey(sequence);
    s.iccCount = count;
    int from = at + 2 + ICC_ID.length + 2;
    s.iccChunks.putIfAbsent(sequence, new int[] {from, at + length - from});
  }

  /** Concatenates the ICC_PROFILE chunks in sequence order, or null if there are none. */
  private static byte @Nullable [] profile(byte[] d, TreeMap<Integer, int[]> chunks) {
    if (chunks.isEmpty()) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.values().forEach(c -> out.write(d, c[0], c[1]));
    return out.toByteArray();
  }

  private static CmykCoding cmykCoding(int adobeTransform) {
    return switch (adobeTransform) {
      case -1 -> CmykCoding.PLAIN;
      case 2 -> CmykCoding.ADOBE_YCCK;
      default -> CmykCoding.ADOBE_INVERTED;
    };
  }

  private static void checkSupported(int marker, int precision, int height, int components) {
    if (marker >= 0xC9) {
      throw new UnsupportedImageException("arithmetic-coded JPEG is not supported");
    }
    if (marker >= 0xC5) {
      throw new UnsupportedImageException("hierarchical JPEG is not supported");
    }
    if (precision != 8 && marker != 0xC3) {
      throw new UnsupportedImageException(precision + "-bit JPEG is not supported (8-bit only)");
    }
    if (height == 0) {
      throw new UnsupportedImageException("JPEG with the height in a DNL segment is not supported");
    }
    if (components != 1 && components != 3 && components != 4) {
      throw new UnsupportedImageException(
          "JPEG with " + components + " components is not supported");
    }
  }

  private static boolean startsWith(byte[] d, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (d[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFrameHeader(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static boolean isStandalone(int marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
  }

  private static int nextMarker(byte[] d, int at) {
    if (Bytes.u8(d, at, "the JPEG") != 0xFF) {
      throw new InvalidImageException("the JPEG is corrupt: expected a marker at byte " + at);
    }
    int i = at + 1;
    while (Bytes.u8(d, i, "the JPEG") == 0xFF) {
      i++;
    }
    return d[i] & 0xFF;
  }

  private static int markerEnd(byte[] d, int at) {
    int i = at + 1;
    while ((d[i] & 0xFF) == 0xFF) {
      i++;
    }
    return i + 1;
  }
}
