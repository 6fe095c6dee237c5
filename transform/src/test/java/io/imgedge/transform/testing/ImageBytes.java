package io.imgedge.transform.testing;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The container structure of encoded images, read and written without decoding pixels: JPEG marker
 * segments, PNG chunks, WebP RIFF chunks. Used to check what an encoder wrote (no EXIF or ICC
 * segments, progressive or baseline) and to hand-build edge cases (an EXIF orientation spliced into
 * a file, a chunk with a wrong length).
 */
public final class ImageBytes {
  /** JPEG start-of-frame marker of a baseline image. */
  public static final int SOF0 = 0xC0;

  /** JPEG start-of-frame marker of a progressive image. */
  public static final int SOF2 = 0xC2;

  /** JPEG APP1 marker: EXIF or XMP. */
  public static final int APP1 = 0xE1;

  /** JPEG APP2 marker: ICC profile (or FlashPix). */
  public static final int APP2 = 0xE2;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private ImageBytes() {}

  /** Whether the bytes start like a JPEG (SOI then a marker). */
  public static boolean isJpeg(byte[] data) {
    return data.length > 3
        && (data[0] & 0xFF) == 0xFF
        && (data[1] & 0xFF) == 0xD8
        && (data[2] & 0xFF) == 0xFF;
  }

  /** Whether the bytes start with the PNG signature. */
  public static boolean isPng(byte[] data) {
    return data.length >= 8 && Arrays.equals(data, 0, 8, PNG_SIGNATURE, 0, 8);
  }

  /** Whether the bytes are a RIFF container of type {@code WEBP}. */
  public static boolean isWebp(byte[] data) {
    return data.length >= 12
        && ascii(data, 0, 4).equals("RIFF")
        && ascii(data, 8, 4).equals("WEBP");
  }

  /**
   * The markers of a JPEG's segments from the one after SOI up to and including the first SOS
   * ({@code 0xDA}), e.g. {@code [0xE0, 0xDB, 0xC0, 0xC4, 0xDA]}.
   */
  public static List<Integer> jpegMarkers(byte[] jpeg) {
    requireFormat(isJpeg(jpeg), "JPEG");
    List<Integer> markers = new ArrayList<>();
    int at = 2;
    while (at + 3 < jpeg.length) {
      if ((jpeg[at] & 0xFF) != 0xFF) {
        throw new IllegalArgumentException("no JPEG marker at byte " + at);
      }
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xFF) {
        at++;
        continue;
      }
      markers.add(marker);
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      at += 2 + u16be(jpeg, at + 2);
    }
    return markers;
  }

  /** The types of a PNG's chunks in file order, e.g. {@code [IHDR, IDAT, IEND]}. */
  public static List<String> pngChunkTypes(byte[] png) {
    requireFormat(isPng(png), "PNG");
    List<String> types = new ArrayList<>();
    int at = 8;
    while (at + 8 <= png.length) {
      long length = u32be(png, at);
      types.add(ascii(png, at + 4, 4));
      at += (int) (12 + length);
    }
    return types;
  }

  /** The four-character codes of a WebP's top-level chunks, e.g. {@code [VP8X, ALPH, VP8 ]}. */
  public static List<String> webpChunkTypes(byte[] webp) {
    requireFormat(isWebp(webp), "WebP");
    List<String> types = new ArrayList<>();
    int at = 12;
    while (at + 8 <= webp.length) {
      long size =
          ByteBuffer.wrap(webp, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
      types.add(ascii(webp, at, 4));
      at += (int) (8 + size + (size & 1));
    }
    return types;
  }

  /** A copy of a JPEG with one more segment right after SOI. */
  public static byte[] withJpegSegment(byte[] jpeg, int marker, byte[] payload) {
    requireFormat(isJpeg(jpeg), "JPEG");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(marker);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A copy of a JPEG with an EXIF APP1 segment holding only an orientation tag. */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation, ByteOrder order) {
    byte[] tiff = tiffWithOrientation(orientation, order);
    byte[] payload = new byte[6 + tiff.length];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 6);
    System.arraycopy(tiff, 0, payload, 6, tiff.length);
    return withJpegSegment(jpeg, APP1, payload);
  }

  /**
   * A minimal TIFF structure (as in an EXIF block, without the {@code Exif\0\0} prefix) whose first
   * IFD holds only the orientation tag 0x0112 with this value.
   */
  public static byte[] tiffWithOrientation(int orientation, ByteOrder order) {
    ByteBuffer b = ByteBuffer.allocate(26).order(order);
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.putShort((short) 42).putInt(8);
    b.putShort((short) 1);
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    b.putInt(0);
    return b.array();
  }

  /** One PNG chunk: length, type, data and a correct CRC. */
  public static byte[] pngChunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    if (typeBytes.length != 4) {
      throw new IllegalArgumentException("a chunk type has four characters: " + type);
    }
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(typeBytes)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  /** A copy of a PNG with one more chunk right after IHDR. */
  public static byte[] withPngChunk(byte[] png, String type, byte[] data) {
    requireFormat(isPng(png), "PNG");
    int afterHeader = 8 + 12 + (int) u32be(png, 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.writeBytes(pngChunk(type, data));
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  /**
   * A minimal GIF89a: a 2-colour global table (black, white) and, per frame rectangle, an optional
   * graphic control extension (index 1, white, transparent when {@code transparent}) and an image
   * descriptor whose LZW data decodes to one black pixel. Frames larger than 1x1 therefore carry
   * too little data to decode, which suits header and limit tests.
   */
  public static byte[] gif(int width, int height, boolean transparent, Rectangle... frames) {
    ByteBuffer b = ByteBuffer.allocate(64 + 32 * frames.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("GIF89a".getBytes(StandardCharsets.US_ASCII))
        .putShort((short) width)
        .putShort((short) height);
    b.put((byte) 0x80).put((byte) 0).put((byte) 0);
    b.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
    for (Rectangle f : frames) {
      b.put(
          new byte[] {
            0x21,
            (byte) 0xF9,
            4,
            (byte) (transparent ? 1 : 0),
            0,
            0,
            (byte) (transparent ? 1 : 0),
            0
          });
      b.put((byte) 0x2C)
          .putShort((short) f.x)
          .putShort((short) f.y)
          .putShort((short) f.width)
          .putShort((short) f.height)
          .put((byte) 0);
      b.put(new byte[] {2, 2, 0x44, 0x01, 0});
    }
    b.put((byte) 0x3B);
    return Arrays.copyOf(b.array(), b.position());
  }

  private static void requireFormat(boolean ok, String format) {
    if (!ok) {
      throw new IllegalArgumentException("not a " + format);
    }
  }

  private static int u16be(byte[] d, int at) {
    return (d[at] & 0xFF) << 8 | d[at + 1] & 0xFF;
  }

  private static long u32be(byte[] d, int at) {
    return ByteBuffer.wrap(d, at, 4).getInt() & 0xFFFFFFFFL;
  }

  private static String ascii(byte[] d, int at, int length) {
    return new String(d, at, length, StandardCharsets.ISO_8859_1);
  }
}
