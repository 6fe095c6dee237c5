package io.imgedge.loadtest.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an encoded image is by its own bytes, whatever the server's {@code Content-Type} says: the
 * benchmark judges a response by this, so that a WebP answered for {@code format=avif} is never
 * counted as an AVIF. Written here rather than taken from imgedge's own sniffer, so that imgedge's
 * output is not judged by imgedge's code.
 */
enum Signature {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp"),
  AVIF("image/avif", "avif"),
  JXL("image/jxl", "jxl"),
  OTHER("application/octet-stream", "bin");

  private static final byte[] JXL_CONTAINER = {
    0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A
  };

  private final String mediaType;
  private final String extension;

  Signature(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The media type this format is served as, e.g. {@code image/avif}. */
  String mediaType() {
    return mediaType;
  }

  /** A file extension for it, e.g. {@code avif}. */
  String extension() {
    return extension;
  }

  /**
   * The format whose signature starts {@code b}: JPEG SOI, PNG, RIFF/WEBP, ISOBMFF {@code ftyp}
   * with an AVIF brand, JPEG XL codestream or container.
   */
  static Signature of(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return JPEG;
    }
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && ascii(b, 1, 3).equals("PNG")) {
      return PNG;
    }
    if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
      return WEBP;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && b[1] == 0x0A) {
      return JXL;
    }
    if (b.length >= JXL_CONTAINER.length
        && Arrays.equals(b, 0, JXL_CONTAINER.length, JXL_CONTAINER, 0, JXL_CONTAINER.length)) {
      return JXL;
    }
    if (b.length >= 16 && ascii(b, 4, 4).equals("ftyp")) {
      long size = (b[0] & 0xFFL) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
      int end = (int) Math.min(b.length, Math.max(16, size));
      // major brand at 8, minor version at 12, compatible brands from 16
      for (int i = 8; i + 4 <= end; i += 4) {
        if (i == 12) {
          continue;
        }
        String brand = ascii(b, i, 4);
        if (brand.equals("avif") || brand.equals("avis")) {
          return AVIF;
        }
      }
    }
    return OTHER;
  }

  /** The format a {@code Content-Type} names, or {@link #OTHER}. */
  static Signature ofMediaType(String contentType) {
    String t = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    for (Signature s : values()) {
      if (s != OTHER && s.mediaType.equals(t)) {
        return s;
      }
    }
    return t.equals("image/jpg") ? JPEG : OTHER;
  }

  private static String ascii(byte[] b, int from, int length) {
    return new String(b, from, length, StandardCharsets.ISO_8859_1);
  }
}
