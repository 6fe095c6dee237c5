package io.imgedge.transform;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The image formats imgedge reads or writes. JPEG, PNG, GIF and WebP it always writes; AVIF and
 * JPEG XL it writes (and reads) when the native library is installed (libavif, libjxl: see {@code
 * io.imgedge.transform.codec.NativeCodecs}); BMP and TIFF are read only; MP4 (H.264) is written
 * only, from animations, when the {@code ffmpeg} program is installed (see {@code
 * io.imgedge.transform.codec.Ffmpeg}).
 */
public enum ImageFormat {
  JPEG("image/jpeg", "jpeg", true),
  PNG("image/png", "png", true),
  GIF("image/gif", "gif", true),
  WEBP("image/webp", "webp", true),
  /** AVIF (AV1 in HEIF), stills; also HEIF files whose primary item is AV1. */
  AVIF("image/avif", "avif", true),
  /** JPEG XL, as a bare codestream or in its ISOBMFF container. */
  JXL("image/jxl", "jxl", true),
  BMP("image/bmp", "bmp", false),
  TIFF("image/tiff", "tiff", false),
  /**
   * H.264 video in MP4, written from animations only; never read ({@link #sniff} never says it).
   */
  MP4("video/mp4", "mp4", true);

  private final String mediaType;
  private final String shortName;
  private final boolean writable;

  ImageFormat(String mediaType, String shortName, boolean writable) {
    this.mediaType = mediaType;
    this.shortName = shortName;
    this.writable = writable;
  }

  /** The media type, e.g. {@code image/jpeg}. */
  public String mediaType() {
    return mediaType;
  }

  /** The short lower-case name used in headers and metrics, e.g. {@code jpeg}. */
  public String shortName() {
    return shortName;
  }

  /**
   * Whether imgedge has an encoder for this format at all; AVIF and JPEG XL also need their native
   * library at run time.
   */
  public boolean writable() {
    return writable;
  }

  /**
   * Identifies a format from its first bytes (magic numbers), never from a name or a declared type.
   *
   * @return the format, or null if the bytes are not one imgedge reads
   */
  public static @Nullable ImageFormat sniff(byte[] data) {
    if (startsWith(data, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(data, 0, 'G', 'I', 'F', '8')
        && data.length > 5
        && data[5] == 'a'
        && (data[4] == '7' || data[4] == '9')) {
      return GIF;
    }
    if (startsWith(data, 0, 'R', 'I', 'F', 'F') && startsWith(data, 8, 'W', 'E', 'B', 'P')) {
      return WEBP;
    }
    if (isAvif(data)) {
      return AVIF;
    }
    if (startsWith(data, 0, 0xFF, 0x0A)
        || startsWith(data, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A)) {
      return JXL;
    }
    if (startsWith(data, 0, 'B', 'M') && data.length >= 26) {
      return BMP;
    }
    if (startsWith(data, 0, 'I', 'I', 42, 0) || startsWith(data, 0, 'M', 'M', 0, 42)) {
      return TIFF;
    }
    return null;
  }

  /**
   * The format a media type declares, ignoring parameters; null for types that declare no
   * particular image format (absent, {@code application/octet-stream}, {@code image/*}, ...).
   */
  public static @Nullable ImageFormat fromMediaType(@Nullable String mediaType) {
    if (mediaType == null) {
      return null;
    }
    String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "image/jpeg", "image/jpg", "image/pjpeg" -> JPEG;
      case "image/png", "image/x-png", "image/apng" -> PNG;
      case "image/gif" -> GIF;
      case "image/webp" -> WEBP;
      case "image/avif" -> AVIF;
      case "image/jxl" -> JXL;
      case "image/bmp", "image/x-bmp", "image/x-ms-bmp" -> BMP;
      case "image/tiff", "image/tiff-fx" -> TIFF;
      case "video/mp4" -> MP4;
      default -> null;
    };
  }

  /**
   * An ISOBMFF file whose {@code ftyp} box names {@code avif} or {@code avis} as its major or a
   * compatible brand (AVIF, and HEIF files that declare AV1 content).
   */
  private static boolean isAvif(byte[] data) {
    if (!startsWith(data, 4, 'f', 't', 'y', 'p') || data.length < 16) {
      return false;
    }
    long size =
        ((data[0] & 0xFFL) << 24)
            | ((data[1] & 0xFF) << 16)
            | ((data[2] & 0xFF) << 8)
            | (data[3] & 0xFF);
    int end = (int) Math.min(size, data.length);
    for (int at = 8;
        at + 4 <= end;
        at += at == 8 ? 8 : 4) { // major brand, minor version, compatibles
      if (startsWith(data, at, 'a', 'v', 'i', 'f') || startsWith(data, at, 'a', 'v', 'i', 's')) {
        return true;
      }
    }
    return false;
  }

  /**
   * An ISOBMFF (HEIF) file that is not AVIF: HEIC and other HEIF codecs imgedge does not decode, so
   * that the refusal can name them.
   */
  public static boolean isOtherHeif(byte[] data) {
    return startsWith(data, 4, 'f', 't', 'y', 'p') && !isAvif(data);
  }

  private static boolean startsWith(byte[] data, int offset, int... magic) {
    if (data.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((data[offset + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
