package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Walks every PNG chunk: checks lengths and the CRCs of critical chunks (the JDK decoder does not),
 * reads IHDR, tRNS, acTL, eXIf and iCCP, and refuses compressed text that inflates beyond a bound
 * (a decompression bomb hidden in metadata).
 */
final class PngScanner {
  /** Most bytes one compressed text chunk may inflate to. */
  static final int MAX_TEXT_BYTES = 1 << 20;

  /** Most bytes an embedded ICC profile may inflate to. */
  static final int MAX_PROFILE_BYTES = 4 << 20;

  private PngScanner() {}

  private static final class State {
    int width;
    int height;
    int colorType;
    int bitDepth;
    boolean trns;
    int frames = 1;
    Orientation orientation = Orientation.NORMAL;
    byte @Nullable [] icc;
    boolean seenHeader;
  }

  static ImageHeader scan(byte[] d) {
    State s = new State();
    int at = 8;
    while (true) {
      long length = Bytes.u32be(d, at, "the PNG");
      String type = Bytes.fourCc(d, at + 4, "the PNG");
      int data = at + 8;
      Bytes.check(d, data, length + 4, "the PNG");
      if (length > Integer.MAX_VALUE - 12) {
        throw new InvalidImageException("the PNG has a chunk of impossible length");
      }
      checkCrc(d, at + 4, (int) length, type);
      if (!s.seenHeader && !type.equals("IHDR")) {
        throw new InvalidImageException("the PNG does not start with an IHDR chunk");
      }
      if (type.equals("IEND")) {
        break;
      }
      chunk(d, type, data, (int) length, s);
      at = data + (int) length + 4;
    }
    return new ImageHeader(
        ImageFormat.PNG,
        s.width,
        s.height,
        s.frames,
        s.orientation,
        s.icc,
        s.colorType == 4 || s.colorType == 6 || s.trns,
        false,
        null,
        new Rectangle(0, 0, s.width, s.height),
        d.length,
        false,
        false,
        s.bitDepth,
        null);
  }

  private static void chunk(byte[] d, String type, int data, int length, State s) {
    switch (type) {
      case "IHDR" -> header(d, data, length, s);
      case "tRNS" -> s.trns = true;
      case "acTL" ->
          s.frames = (int) Math.min(Integer.MAX_VALUE, Bytes.u32be(d, data, "the PNG acTL"));
      case "eXIf" -> s.orientation = ExifOrientation.read(d, data, data + length);
      case "iCCP" -> s.icc = profile(d, data, length);
      case "zTXt" -> compressedText(d, data, data + length, 1);
      case "iTXt" -> internationalText(d, data, length);
      default -> {}
    }
  }

  private static void header(byte[] d, int data, int length, State s) {
    if (length != 13) {
      throw new InvalidImageException("the PNG header chunk is malformed");
    }
    long w = Bytes.u32be(d, data, "the PNG header");
    long h = Bytes.u32be(d, data + 4, "the PNG header");
    if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
      if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
        throw new ImageTooLargeException("the PNG declares %dx%d pixels".formatted(w, h));
      }
      throw new InvalidImageException("the PNG declares an empty image");
    }
    s.width = (int) w;
    s.height = (int) h;
    s.bitDepth = d[data + 8] & 0xFF;
    s.colorType = d[data + 9] & 0xFF;
    s.seenHeader = true;
  }

  private static void checkCrc(byte[] d, int typeAt, int length, String type) {
    boolean critical = Character.isUpperCase(type.charAt(0));
    if (!critical) {
      return; // like libpng, a damaged ancillary chunk is not fatal
    }
    CRC32 crc = new CRC32();
    crc.update(d, typeAt, 4 + length);
    long stored = Bytes.u32be(d, typeAt + 4 + length, "the PNG");
    if (crc.getValue() != stored) {
      throw new InvalidImageException("the PNG is corrupt: chunk " + type + " fails its CRC check");
    }
  }

  /** iCCP: name, NUL, method 0, zlib data. A malformed profile is ignored, not fatal. */
  private static byte @Nullable [] profile(byte[] d, int data, int length) {
    int nul = indexOfNul(d, data, data + Math.min(length, 80));
    if (nul < 0 || nul + 2 > data + length) {
      return null;
    }
    try {
      return inflate(d, nul + 2, data + length - nul - 2, MAX_PROFILE_BYTES);
    } catch (ImageTooLargeException | InvalidImageException e) {
      return null;
    }
  }

  private static void compressedText(byte[] d, int from, int to, int skipAfterNul) {
    int nul = indexOfNul(d, from, Math.min(to, from + 80));
    if (nul >= 0) {
      int start = nul + 1 + skipAfterNul;
      if (start <= to) {
        inflateChecked(d, start, to - start);
      }
    }
  }

  /** iTXt: keyword NUL flag method language NUL translated NUL text; inflate if flag is 1. */
  private static void internationalText(byte[] d, int data, int length) {
    int end = data + length;
    int nul = indexOfNul(d, data, Math.min(end, data + 80));
    if (nul < 0 || nul + 3 > end || d[nul + 1] != 1) {
      return;
    }
    int lang = indexOfNul(d, nul + 3, end);
    int translated = lang < 0 ? -1 : indexOfNul(d, lang + 1, end);
    if (translated >= 0) {
      inflateChecked(d, translated + 1, end - translated - 1);
    }
  }

  private static void inflateChecked(byte[] d, int at, int length) {
    try {
      inflate(d, at, length, MAX_TEXT_BYTES, false);
    } catch (InvalidImageException e) {
      // undecodable text is ignored by decoders; only its size matters here
    }
  }

  private static int indexOfNul(byte[] d, int from, int to) {
    for (int i = from; i < to && i < d.length; i++) {
      if (d[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  static byte[] inflate(byte[] d, int at, int length, int max) {
    return Objects.requireNonNull(inflate(d, at, length, max, true), "kept");
  }

  /** Inflates, refusing more than {@code max} bytes; with {@code keep} false only counts them. */
  private static byte @Nullable [] inflate(byte[] d, int at, int length, int max, boolean keep) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(d, at, length);
      ByteArrayOutputStream out =
          keep ? new ByteArrayOutputStream(Math.min(max, Math.max(64, length * 4))) : null;
      byte[] buffer = new byte[8192];
      long total = 0;
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        total += n;
        if (out != null) {
          out.write(buffer, 0, n);
        }
        if (total > max) {
          throw new ImageTooLargeException(
              "the PNG holds compressed metadata that inflates beyond %d bytes (a decompression bomb)"
                  .formatted(max));
        }
      }
      return out == null ? null : out.toByteArray();
    } catch (DataFormatException e) {
      throw new InvalidImageException("the PNG holds corrupt compressed metadata", e);
    } finally {
      inflater.end();
    }
  }
}
