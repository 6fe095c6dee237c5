package io.imgedge.transform.testing;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Hand-built GIF files, block by block, with LZW data written code by code ({@link Codes}), so that
 * tests can make the odd bitstreams real files contain (clear codes anywhere, a table that fills up
 * without one, codes that no table entry stands for) and know the pixels they stand for without
 * running a decoder.
 *
 * {@snippet :
 * byte[] gif = GifWriter.canvas(2, 1).globalPalette(0x000000, 0xFFFFFF)
 *     .image(new Rectangle(0, 0, 2, 1), new GifWriter.Codes(2).clear().literals(0, 1).end())
 *     .bytes();
 * }
 */
public final class GifWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final int width;
  private final int height;
  private boolean screenWritten;
  private int[] global = {};
  private int subBlockSize = 255;

  private GifWriter(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** A GIF89a with a logical screen of this size. */
  public static GifWriter canvas(int width, int height) {
    return new GifWriter(width, height);
  }

  /**
   * A global colour table of these {@code 0xRRGGBB} colours; their count must be a power of two
   * from 2 to 256. Call it first, or not at all (no global table).
   */
  public GifWriter globalPalette(int... rgb) {
    if (screenWritten) {
      throw new IllegalStateException("the global colour table comes first");
    }
    global = rgb.clone();
    return this;
  }

  /** Writes the LZW data of the images that follow in sub-blocks of this size (255 unless set). */
  public GifWriter subBlockSize(int size) {
    if (size < 1 || size > 255) {
      throw new IllegalArgumentException("a sub-block holds 1 to 255 bytes, not " + size);
    }
    subBlockSize = size;
    return this;
  }

  /** A graphic control extension: disposal 0 to 3, delay in 1/100 s, transparent index or -1. */
  public GifWriter graphicControl(int disposal, int delayCentiseconds, int transparentIndex) {
    int flags = disposal << 2 | (transparentIndex >= 0 ? 1 : 0);
    return extension(
        0xF9,
        new byte[] {
          (byte) flags,
          (byte) delayCentiseconds,
          (byte) (delayCentiseconds >> 8),
          (byte) Math.max(0, transparentIndex)
        });
  }

  /** The NETSCAPE2.0 loop extension. */
  public GifWriter loop(int count) {
    return extension(
        0xFF,
        "NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII),
        new byte[] {1, (byte) count, (byte) (count >> 8)});
  }

  /**
   * A plain-text extension: a text grid at {@code grid} on the screen, 8x8 cells, foreground and
   * background colour indices 1 and 0, then the text (which a viewer that rendered it would draw
   * over the grid).
   */
  public GifWriter plainText(Rectangle grid, String text) {
    byte[] header = {
      (byte) grid.x,
      (byte) (grid.x >> 8),
      (byte) grid.y,
      (byte) (grid.y >> 8),
      (byte) grid.width,
      (byte) (grid.width >> 8),
      (byte) grid.height,
      (byte) (grid.height >> 8),
      8,
      8,
      1,
      0
    };
    return extension(0x01, header, text.getBytes(StandardCharsets.US_ASCII));
  }

  /** An extension with this label and these data sub-blocks (each 0 to 255 bytes; 0 ends early). */
  public GifWriter extension(int label, byte[]... subBlocks) {
    screen();
    out.write(0x21);
    out.write(label);
    for (byte[] block : subBlocks) {
      out.write(block.length);
      out.writeBytes(block);
    }
    out.write(0);
    return this;
  }

  /** An image with no local colour table, not interlaced. */
  public GifWriter image(Rectangle bounds, Codes codes) {
    return image(bounds, null, false, codes);
  }

  /**
   * An image: its descriptor, an optional local colour table ({@code 0xRRGGBB}, a power of two from
   * 2 to 256 entries), and its LZW data in sub-blocks (of 255 bytes unless {@link
   * #subBlockSize(int)} says otherwise).
   */
  public GifWriter image(
      Rectangle bounds, int @Nullable [] local, boolean interlaced, Codes codes) {
    screen();
    out.write(0x2C);
    u16(bounds.x);
    u16(bounds.y);
    u16(bounds.width);
    u16(bounds.height);
    out.write((local != null ? 0x80 | sizeBits(local.length) : 0) | (interlaced ? 0x40 : 0));
    if (local != null) {
      table(local);
    }
    out.write(codes.literalWidth);
    byte[] data = codes.bytes();
    for (int at = 0; at < data.length; at += subBlockSize) {
      int n = Math.min(subBlockSize, data.length - at);
      out.write(n);
      out.write(data, at, n);
    }
    out.write(0);
    return this;
  }

  /** The file, with its trailer. */
  public byte[] bytes() {
    screen();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(out.toByteArray());
    file.write(0x3B);
    return file.toByteArray();
  }

  private void screen() {
    if (screenWritten) {
      return;
    }
    screenWritten = true;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(out.toByteArray());
    out.reset();
    out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
    u16(width);
    u16(height);
    out.write(global.length > 0 ? 0x80 | 0x70 | sizeBits(global.length) : 0);
    out.write(0); // background colour index
    out.write(0); // pixel aspect ratio
    table(global);
    out.writeBytes(body.toByteArray());
  }

  private void table(int[] rgb) {
    for (int c : rgb) {
      out.write(c >> 16);
      out.write(c >> 8);
      out.write(c);
    }
  }

  private static int sizeBits(int entries) {
    int bits = Integer.numberOfTrailingZeros(entries) - 1;
    if (entries < 2 || entries > 256 || Integer.bitCount(entries) != 1) {
      throw new IllegalArgumentException(
          "a colour table has 2, 4, ... 256 entries, not " + entries);
    }
    return bits;
  }

  private void u16(int v) {
    out.write(v);
    out.write(v >> 8);
  }

  /**
   * An LZW code stream, written code by code, least significant bit first, each code as wide as a
   * GIF decoder expects it at that point: {@code literalWidth + 1} bits after a clear code (and at
   * the start), one bit more whenever the table's next free code reaches a power of two, at most
   * 12. Every code after the first since a clear code adds a table entry until the table holds
   * 4096. {@link #entries()} says what each added entry stands for when the stream is made of
   * literals, so that tests can use table codes and know their pixels.
   */
  public static final class Codes {
    private final int literalWidth;
    private final int clear;
    private final List<int[]> table = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Integer> decoded = new ArrayList<>();
    private int next;
    private int width;
    private int @Nullable [] previous;
    private long bits;
    private int bitCount;
    private boolean stopped;
    private int fullTableCodes;
    private long bitsWritten;

    /** Per code written: the bit it ends at and how many indices were decoded by then. */
    private final List<long[]> marks = new ArrayList<>();

    private int cutBytes = -1;

    /** A stream for this minimum code size (2 to 8 in valid GIFs). */
    public Codes(int literalWidth) {
      this.literalWidth = literalWidth;
      this.clear = 1 << literalWidth;
      reset();
    }

    /**
     * A greedy LZW compression of {@code pixels}, as a GIF encoder writes it: a clear code first,
     * then a clear code after every {@code clearEvery} codes (never if 0), and the end code. With
     * no clear codes and enough data the table fills up, and the encoder goes on with the full
     * table ("deferred clear", as GIF encoders such as gifsicle's may).
     */
    public static Codes compress(int literalWidth, int[] pixels, int clearEvery) {
      Codes c = new Codes(literalWidth).clear();
      Map<Integer, Integer> dictionary = new HashMap<>();
      int next = c.clear + 2;
      int w = -1;
      int emitted = 0;
      for (int k : pixels) {
        if (w < 0) {
          w = k;
          continue;
        }
        Integer hit = dictionary.get(w << 8 | k);
        if (hit != null) {
          w = hit;
          continue;
        }
        c.code(w);
        emitted++;
        if (next < 4096) {
          dictionary.put(w << 8 | k, next++);
        }
        w = k;
        if (clearEvery > 0 && emitted % clearEvery == 0) {
          c.clear();
          dictionary.clear();
          next = c.clear + 2;
        }
      }
      if (w >= 0) {
        c.code(w);
      }
      return c.end();
    }

    /** The clear code. */
    public Codes clear() {
      put(clear);
      if (!stopped) {
        reset();
      }
      return this;
    }

    /** The end-of-information code. */
    public Codes end() {
      put(clear + 1);
      stopped = true;
      return this;
    }

    /** Literal codes: one pixel each. */
    public Codes literals(int... indices) {
      for (int index : indices) {
        code(index);
      }
      return this;
    }

    /** The same literal {@code count} times. */
    public Codes repeat(int index, int count) {
      IntStream.range(0, count).forEach(i -> code(index));
      return this;
    }

    /**
     * Any code at the current width, as a decoder would take it: a literal, a table entry, the next
     * free code (the previous string plus its own first index), or an invalid one.
     */
    public Codes code(int code) {
      put(code);
      if (stopped) {
        return this;
      }
      if (next == 4096) {
        fullTableCodes++;
      }
      int[] string =
          code < clear
              ? new int[] {code}
              : code - clear - 2 < table.size() && code > clear + 1
                  ? table.get(code - clear - 2)
                  : code == next && previous != null ? append(previous, previous[0]) : null;
      if (string == null) {
        stopped = true; // invalid: a decoder stops here, and so does the bookkeeping
        return this;
      }
      if (previous != null && next < 4096) {
        table.add(append(previous, string[0]));
        next++;
        if (next == 1 << width && width < 12) {
          width++;
        }
      }
      previous = string;
      for (int v : string) {
        decoded.add(v);
      }
      marks.add(new long[] {bitsWritten, decoded.size()});
      return this;
    }

    /** The next free code, which the next code after a literal will add. */
    public int nextCode() {
      return next;
    }

    /** How many codes were written while the table was full (before a clear code emptied it). */
    public int fullTableCodes() {
      return fullTableCodes;
    }

    /** The width the next code is written at. */
    public int width() {
      return width;
    }

    /** The table entries added since the last clear code, from {@code clear + 2} on. */
    public List<int[]> entries() {
      return List.copyOf(table);
    }

    /**
     * The indices a decoder gets from the codes so far: up to the end code or an invalid code, if
     * any (the codes after it are written at the width they had then).
     */
    public int[] decoded() {
      int count = decoded.size();
      if (cutBytes >= 0) {
        count = 0;
        for (long[] mark : marks) {
          if (mark[0] <= 8L * cutBytes) {
            count = (int) mark[1];
          }
        }
      }
      return decoded.stream().limit(count).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Cuts the data after {@code byteCount} bytes, as a truncated file would be: {@link #bytes()}
     * and {@link #decoded()} then stop there (a code cut in two is not decoded).
     */
    public Codes cut(int byteCount) {
      cutBytes = byteCount;
      return this;
    }

    /**
     * The packed bytes, the last one padded with zero bits (which a decoder reads as one more code
     * if they are as many as the width: end with {@link #end()} or {@link #cut(int)}).
     */
    public byte[] bytes() {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      copy.writeBytes(bytes.toByteArray());
      if (bitCount > 0) {
        copy.write((int) bits);
      }
      byte[] all = copy.toByteArray();
      return cutBytes < 0 ? all : Arrays.copyOf(all, cutBytes);
    }

    private void reset() {
      next = clear + 2;
      width = literalWidth + 1;
      previous = null;
      table.clear();
    }

    private void put(int code) {
      bitsWritten += width;
      bits |= (long) code << bitCount;
      bitCount += width;
      while (bitCount >= 8) {
        bytes.write((int) bits);
        bits >>>= 8;
        bitCount -= 8;
      }
    }

    private static int[] append(int[] string, int value) {
      int[] out = Arrays.copyOf(string, string.length + 1);
      out[string.length] = value;
      return out;
    }
  }
}
