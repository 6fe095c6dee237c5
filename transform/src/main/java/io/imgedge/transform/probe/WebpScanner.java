package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Walks the RIFF chunks of a WebP: canvas size (VP8X, or the VP8/VP8L bitstream header), alpha,
 * animation frames (each checked against the limits), the ICC profile and EXIF orientation.
 */
final class WebpScanner {
  private WebpScanner() {}

  private static final class State {
    int width;
    int height;
    boolean alpha;
    int frames;
    @Nullable Rectangle first;
    Orientation orientation = Orientation.NORMAL;
    byte @Nullable [] icc;
  }

  static ImageHeader scan(byte[] d, ImageLimits limits) {
    long riffSize = Bytes.u32le(d, 4, "the WebP");
    Bytes.check(d, 8, riffSize, "the WebP");
    int end = (int) (8 + riffSize);
    State s = new State();
    int at = 12;
    while (at + 8 <= end) {
      String type = Bytes.fourCc(d, at, "the WebP");
      long size = Bytes.u32le(d, at + 4, "the WebP");
      Bytes.check(d, at + 8, size, "the WebP");
      chunk(d, type, at + 8, (int) size, s, limits);
      at += 8 + (int) size + (int) (size & 1);
    }
    if (s.width == 0 || s.height == 0) {
      throw new InvalidImageException("the WebP has no image data");
    }
    limits.checkInputSize("the WebP", s.width, s.height);
    Rectangle first = s.first != null ? s.first : new Rectangle(0, 0, s.width, s.height);
    return new ImageHeader(
        ImageFormat.WEBP,
        s.width,
        s.height,
        Math.max(1, s.frames),
        s.orientation,
        s.icc,
        s.alpha,
        false,
        null,
        first,
        d.length);
  }

  private static void chunk(
      byte[] d, String type, int data, int size, State s, ImageLimits limits) {
    switch (type) {
      case "VP8X" -> {
        int flags = Bytes.u8(d, data, "the WebP VP8X chunk");
        s.alpha = (flags & 0x10) != 0;
        s.width = Bytes.u24le(d, data + 4, "the WebP VP8X chunk") + 1;
        s.height = Bytes.u24le(d, data + 7, "the WebP VP8X chunk") + 1;
      }
      case "VP8 " -> bitstreamSize(s, lossy(d, data, size));
      case "VP8L" -> bitstreamSize(s, lossless(d, data, s));
      case "ANMF" -> frame(d, data, s, limits);
      case "ICCP" -> s.icc = Arrays.copyOfRange(d, data, data + size);
      case "EXIF" -> s.orientation = ExifOrientation.readExifBlock(d, data, data + size);
      default -> {}
    }
  }

  private static void bitstreamSize(State s, int[] wh) {
    if (s.width == 0) {
      s.width = wh[0];
      s.height = wh[1];
    }
  }

  private static int[] lossy(byte[] d, int data, int size) {
    if (size < 10
        || (d[data + 3] & 0xFF) != 0x9D
        || (d[data + 4] & 0xFF) != 0x01
        || (d[data + 5] & 0xFF) != 0x2A) {
      throw new InvalidImageException("the WebP has a corrupt VP8 frame header");
    }
    return new int[] {
      Bytes.u16le(d, data + 6, "the WebP") & 0x3FFF, Bytes.u16le(d, data + 8, "the WebP") & 0x3FFF
    };
  }

  private static int[] lossless(byte[] d, int data, State s) {
    if (Bytes.u8(d, data, "the WebP") != 0x2F) {
      throw new InvalidImageException("the WebP has a corrupt VP8L header");
    }
    long bits = Bytes.u32le(d, data + 1, "the WebP");
    s.alpha |= ((bits >> 28) & 1) != 0;
    return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
  }

  private static void frame(byte[] d, int data, State s, ImageLimits limits) {
    int x = Bytes.u24le(d, data, "the WebP frame") * 2;
    int y = Bytes.u24le(d, data + 3, "the WebP frame") * 2;
    int w = Bytes.u24le(d, data + 6, "the WebP frame") + 1;
    int h = Bytes.u24le(d, data + 9, "the WebP frame") + 1;
    limits.checkInputSize("a frame of the WebP", w, h);
    limits.checkFrames(++s.frames);
    if (s.first == null) {
      s.first = new Rectangle(x, y, w, h);
    }
  }
}
