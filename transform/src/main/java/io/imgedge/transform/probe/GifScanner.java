package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;

/**
 * Walks GIF blocks without decompressing: counts frames (stopping as soon as the limit is passed),
 * checks every frame's size against the limits before anything is allocated, and notes transparency
 * and where the first frame sits.
 */
final class GifScanner {
  private static final int EXTENSION = 0x21;
  private static final int IMAGE = 0x2C;
  private static final int TRAILER = 0x3B;
  private static final int GRAPHIC_CONTROL = 0xF9;

  private GifScanner() {}

  static ImageHeader scan(byte[] d, ImageLimits limits) {
    int width = Bytes.u16le(d, 6, "the GIF");
    int height = Bytes.u16le(d, 8, "the GIF");
    limits.checkInputSize("the GIF canvas", width, height);
    int flags = Bytes.u8(d, 10, "the GIF");
    int at = 13 + colorTableSize(flags);
    int frames = 0;
    boolean transparent = false;
    Rectangle first = null;
    while (at < d.length) {
      int block = d[at] & 0xFF;
      if (block == TRAILER) {
        break;
      } else if (block == EXTENSION) {
        int label = Bytes.u8(d, at + 1, "the GIF");
        if (label == GRAPHIC_CONTROL && (Bytes.u8(d, at + 3, "the GIF") & 1) != 0) {
          transparent = true;
        }
        at = skipSubBlocks(d, at + 2);
      } else if (block == IMAGE) {
        Rectangle frame = frame(d, at, limits);
        first = first == null ? frame : first;
        limits.checkFrames(++frames);
        int localFlags = Bytes.u8(d, at + 9, "the GIF");
        at = skipSubBlocks(d, at + 10 + colorTableSize(localFlags) + 1);
      } else {
        throw new InvalidImageException(
            "the GIF is corrupt: unknown block 0x" + Integer.toHexString(block));
      }
    }
    if (first == null) {
      throw new InvalidImageException("the GIF has no image data");
    }
    return new ImageHeader(
        ImageFormat.GIF,
        width,
        height,
        frames,
        Orientation.NORMAL,
        null,
        transparent,
        false,
        null,
        first,
        d.length);
  }

  private static Rectangle frame(byte[] d, int at, ImageLimits limits) {
    int left = Bytes.u16le(d, at + 1, "the GIF frame");
    int top = Bytes.u16le(d, at + 3, "the GIF frame");
    int w = Bytes.u16le(d, at + 5, "the GIF frame");
    int h = Bytes.u16le(d, at + 7, "the GIF frame");
    limits.checkInputSize("a frame of the GIF", w, h);
    return new Rectangle(left, top, w, h);
  }

  private static int colorTableSize(int flags) {
    return (flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0;
  }

  /** Skips data sub-blocks starting at {@code at}; returns the offset after the terminator. */
  private static int skipSubBlocks(byte[] d, int at) {
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
