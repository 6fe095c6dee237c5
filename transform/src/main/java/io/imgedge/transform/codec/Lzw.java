package io.imgedge.transform.codec;

/**
 * The variable-length LZW decompression of GIF image data, with the rules browsers decode by (those
 * of Wuffs' {@code std/lzw}, which Chromium uses through Skia, and of Skia's older {@code
 * SkGifImageReader}):
 *
 * <ul>
 *   <li>codes are read least significant bit first, {@code literalWidth + 1} bits wide to begin
 *       with, one bit wider each time the next free code reaches a power of two, at most 12 bits;
 *   <li>a clear code resets the table and the width wherever it comes, however often, twice in a
 *       row included; the first code need not be one;
 *   <li>once the table holds 4096 codes no more are added and the width stays 12 bits, and decoding
 *       goes on with the full table until a clear code comes ("deferred clear");
 *   <li>the end code ends the stream; so does the end of the data, and so does a code past the next
 *       free one (or equal to it right after a clear, when there is no previous code to extend):
 *       that stream is broken from there on, and what came before it stands;
 *   <li>the stream also stops once the sink has every pixel it wants (surplus data is ignored).
 * </ul>
 *
 * <p>One instance decodes one stream at a time and may be reused; it holds about 20 KB of tables.
 */
final class Lzw {
  /** Codes are at most 12 bits wide: 4096 of them. */
  static final int MAX_CODES = 4096;

  private static final int MAX_WIDTH = 12;

  /** Each code's prefix code (for the codes past the end code). */
  private final short[] prefix = new short[MAX_CODES];

  /** Each code's last byte. */
  private final byte[] suffix = new byte[MAX_CODES];

  /** How many bytes each code stands for. */
  private final short[] length = new short[MAX_CODES];

  /** One code's bytes, written back to front; one more for a code that extends itself. */
  private final byte[] string = new byte[MAX_CODES + 1];

  /** Why a stream stopped. */
  enum End {
    /** The end code. */
    END_CODE,
    /** The sink had every pixel it wanted. */
    SINK_FULL,
    /** The data ran out before the end code. */
    DATA_ENDED,
    /** A code that no table entry stands for, or a first code past the literals. */
    INVALID_CODE
  }

  /** Receives the decoded bytes (colour indices) in order. */
  interface Sink {
    /**
     * Takes {@code count} bytes of {@code bytes}, from the start.
     *
     * @return whether the sink wants more
     */
    boolean accept(byte[] bytes, int count);
  }

  /**
   * Decodes one stream of codes from {@code in} into {@code out}.
   *
   * @param literalWidth the minimum code size from the image data, 2 to 8 (as GIF allows, and as
   *     Wuffs requires: with 1, the table's first free code is already a power of two and the width
   *     rule never widens the codes)
   */
  End decode(SubBlocks in, int literalWidth, Sink out) {
    if (literalWidth < 2 || literalWidth > 8) {
      throw new IllegalArgumentException("LZW literal width " + literalWidth);
    }
    int clear = 1 << literalWidth;
    for (int i = 0; i < clear; i++) {
      suffix[i] = (byte) i;
      length[i] = 1;
    }
    int next = clear + 2;
    int width = literalWidth + 1;
    int previous = -1;
    int bits = 0;
    int bitCount = 0;
    while (true) {
      while (bitCount < width) {
        int b = in.next();
        if (b < 0) {
          return End.DATA_ENDED;
        }
        bits |= b << bitCount;
        bitCount += 8;
      }
      int code = bits & ((1 << width) - 1);
      bits >>>= width;
      bitCount -= width;
      if (code == clear) {
        next = clear + 2;
        width = literalWidth + 1;
        previous = -1;
        continue;
      }
      if (code == clear + 1) {
        return End.END_CODE;
      }
      int count;
      if (code < next) {
        count = write(code);
      } else if (code == next && previous >= 0) {
        count = write(previous);
        string[count++] = string[0];
      } else {
        return End.INVALID_CODE;
      }
      if (previous >= 0 && next < MAX_CODES) {
        prefix[next] = (short) previous;
        suffix[next] = string[0];
        length[next] = (short) (length[previous] + 1);
        next++;
        if (next == 1 << width && width < MAX_WIDTH) {
          width++;
        }
      }
      previous = code;
      if (!out.accept(string, count)) {
        return End.SINK_FULL;
      }
    }
  }

  /** Writes the bytes {@code code} stands for to the start of {@link #string}; returns how many. */
  private int write(int code) {
    int count = length[code];
    int c = code;
    for (int i = count - 1; i > 0; i--) {
      string[i] = suffix[c];
      c = prefix[c];
    }
    string[0] = suffix[c];
    return count;
  }

  /**
   * The bytes of a run of GIF data sub-blocks (a size byte, then that many bytes; a zero size ends
   * the run), read one at a time. The end of the array also ends it.
   */
  static final class SubBlocks {
    private final byte[] data;
    private int at;
    private int left;
    private boolean terminated;

    /** Reads the sub-blocks that start at {@code start}. */
    SubBlocks(byte[] data, int start) {
      this.data = data;
      this.at = start;
    }

    /** The next byte, or -1 after the last. */
    int next() {
      while (left == 0) {
        if (terminated || at >= data.length) {
          return -1;
        }
        left = data[at++] & 0xFF;
        terminated = left == 0;
      }
      if (at >= data.length) {
        return -1;
      }
      left--;
      return data[at++] & 0xFF;
    }

    /** Skips the rest of the run; returns the offset after its terminator (or the array's end). */
    int skipToEnd() {
      at = (int) Math.min(data.length, (long) at + left);
      left = 0;
      while (!terminated && at < data.length) {
        int size = data[at++] & 0xFF;
        terminated = size == 0;
        at = (int) Math.min(data.length, (long) at + size);
      }
      terminated = true;
      return at;
    }
  }
}
