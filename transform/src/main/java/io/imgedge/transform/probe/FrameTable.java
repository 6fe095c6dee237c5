package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * The animation of a GIF or WebP, read from its blocks without decoding pixels: the loop count and,
 * per frame, where it sits on the canvas, how long it shows, how it is disposed of and whether it
 * blends with what is below (GIF always does; a WebP frame says).
 *
 * @param loopCount how many times to play, 0 = forever; -1 for a GIF without a NETSCAPE2.0 block
 *     (played once)
 * @param frames every frame, in order
 */
public record FrameTable(int loopCount, List<Frame> frames) {

  /** Copies the frames. */
  public FrameTable {
    frames = List.copyOf(frames);
  }

  /** What happens to a frame's area before the next frame is drawn. */
  public enum Disposal {
    /** Left as drawn. */
    NONE,
    /** Cleared to transparent. */
    BACKGROUND,
    /** Restored to what it was before the frame was drawn (GIF only). */
    PREVIOUS
  }

  /**
   * One frame.
   *
   * @param bounds where it sits on the canvas
   * @param delayMillis how long it shows
   * @param disposal what happens to its area afterwards
   * @param blend whether it is drawn over what is below (else it replaces its area)
   */
  public record Frame(Rectangle bounds, int delayMillis, Disposal disposal, boolean blend) {}

  /** Reads the frame table of a GIF or WebP that {@link HeaderProbe} accepted. */
  public static FrameTable scan(byte[] data, ImageFormat format) {
    return switch (format) {
      case GIF -> gif(data);
      case WEBP -> webp(data);
      default -> throw new IllegalArgumentException(format + " has no frames");
    };
  }

  private static FrameTable gif(byte[] d) {
    int flags = Bytes.u8(d, 10, "the GIF");
    int at = 13 + colorTable(flags);
    int loop = -1;
    int delay = 0;
    Disposal disposal = Disposal.NONE;
    List<Frame> frames = new ArrayList<>();
    while (at < d.length && (d[at] & 0xFF) != 0x3B) {
      int block = d[at] & 0xFF;
      if (block == 0x21) {
        int label = Bytes.u8(d, at + 1, "the GIF");
        if (label == 0xF9) {
          int packed = Bytes.u8(d, at + 3, "the GIF");
          disposal =
              switch (packed >> 2 & 7) {
                case 2 -> Disposal.BACKGROUND;
                case 3 -> Disposal.PREVIOUS;
                default -> Disposal.NONE;
              };
          delay = Bytes.u16le(d, at + 4, "the GIF") * 10;
        } else if (label == 0xFF && isNetscape(d, at + 2)) {
          loop = Bytes.u16le(d, at + 16, "the GIF");
        }
        at = skip(d, at + 2);
      } else if (block == 0x2C) {
        Rectangle r =
            new Rectangle(
                Bytes.u16le(d, at + 1, "the GIF"),
                Bytes.u16le(d, at + 3, "the GIF"),
                Bytes.u16le(d, at + 5, "the GIF"),
                Bytes.u16le(d, at + 7, "the GIF"));
        frames.add(new Frame(r, delay, disposal, true));
        delay = 0;
        disposal = Disposal.NONE;
        at = skip(d, at + 10 + colorTable(Bytes.u8(d, at + 9, "the GIF")) + 1);
      } else {
        break;
      }
    }
    return new FrameTable(loop, frames);
  }

  private static boolean isNetscape(byte[] d, int at) {
    return at + 14 < d.length
        && (d[at] & 0xFF) == 11
        && new String(d, at + 1, 11, java.nio.charset.StandardCharsets.US_ASCII)
            .equals("NETSCAPE2.0")
        && (d[at + 12] & 0xFF) >= 3
        && (d[at + 13] & 0xFF) == 1;
  }

  private static FrameTable webp(byte[] d) {
    int end = (int) Math.min(d.length, 8 + Bytes.u32le(d, 4, "the WebP"));
    int at = 12;
    int loop = 0;
    List<Frame> frames = new ArrayList<>();
    while (at + 8 <= end) {
      String type = Bytes.fourCc(d, at, "the WebP");
      int size = (int) Bytes.u32le(d, at + 4, "the WebP");
      int data = at + 8;
      if (type.equals("ANIM")) {
        loop = Bytes.u16le(d, data + 4, "the WebP");
      } else if (type.equals("ANMF")) {
        Rectangle r =
            new Rectangle(
                Bytes.u24le(d, data, "the WebP") * 2,
                Bytes.u24le(d, data + 3, "the WebP") * 2,
                Bytes.u24le(d, data + 6, "the WebP") + 1,
                Bytes.u24le(d, data + 9, "the WebP") + 1);
        int fl = Bytes.u8(d, data + 15, "the WebP");
        frames.add(
            new Frame(
                r,
                Bytes.u24le(d, data + 12, "the WebP"),
                (fl & 1) != 0 ? Disposal.BACKGROUND : Disposal.NONE,
                (fl & 2) == 0));
      }
      at = data + size + (size & 1);
    }
    return new FrameTable(loop, frames);
  }

  private static int colorTable(int flags) {
    return (flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0;
  }

  private static int skip(byte[] d, int at) {
    int i = at;
    while (true) {
      int size = Bytes.u8(d, i, "the GIF");
      if (size == 0) {
        return i + 1;
      }
      i += 1 + size;
    }
  }
}
