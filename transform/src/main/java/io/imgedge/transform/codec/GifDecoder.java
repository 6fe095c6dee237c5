package io.imgedge.transform.codec;

import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.RenderScope;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.probe.ImageHeader;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Decodes GIF frames the way browsers render them, rather than the way the JDK's ImageIO reader
 * does. Chromium, which decodes GIF with Wuffs through Skia's {@code SkWuffsCodec} (with only
 * Wuffs' "ignore too much pixel data" quirk on), is the reference:
 *
 * <ul>
 *   <li>the LZW data is decoded by {@link Lzw}: clear codes anywhere and repeated, a full table
 *       kept without a clear code, and a stream that ends early or turns invalid keeps the pixels
 *       decoded before that point; the pixels it never reached stay transparent black (and, in an
 *       animation, show the canvas below: Skia instead skips compositing such a frame when it
 *       builds on earlier ones). Surplus data after the last pixel is ignored;
 *   <li>a colour index past the end of the colour table in use is transparent (Wuffs pads the
 *       palette with transparent black up to 256 entries; so does Skia's older GIF reader);
 *   <li>a frame with neither a local nor a global colour table is drawn with an all-opaque-black
 *       palette (Wuffs' default, which Chromium keeps; the transparent index still applies);
 *   <li>plain-text extensions are skipped, as no browser renders them, and so are comment,
 *       application and unknown extensions; a graphic control extension applies to the next image,
 *       whatever extensions come between (of two before one image the last counts, where Wuffs
 *       refuses the frame);
 *   <li>interlaced frames are decoded in their four passes, skipping a pass that has no rows in a
 *       short frame (the JDK reader does not, and loses rows); local colour tables and the
 *       transparent index (transparent black) apply to their frame only;
 *   <li>a frame is clipped to the logical screen (Chromium instead grows the screen to hold the
 *       first frame: here the probe's canvas size stands).
 * </ul>
 *
 * <p>A file whose blocks are cut short is refused by the probe before it gets here. Only a frame
 * whose LZW minimum code size is outside GIF's 2 to 8 is refused here (422), as Wuffs refuses it.
 * Nothing larger than the visible part of a frame (or, for a still, the canvas) is allocated, and
 * the render's deadline is checked after every row.
 */
final class GifDecoder {
  private static final int EXTENSION = 0x21;
  private static final int IMAGE = 0x2C;
  private static final int GRAPHIC_CONTROL = 0xF9;
  private static final int OPAQUE_BLACK = 0xFF000000;

  /**
   * The first frame of a GIF the probe accepted, on its canvas: {@code TYPE_INT_RGB} if every
   * canvas pixel is opaque, else {@code TYPE_INT_ARGB}.
   *
   * @throws InvalidImageException if the GIF has no frame or its first frame cannot be decoded
   */
  DecodedImage decode(byte[] data, ImageHeader header) {
    Blocks blocks = new Blocks(data);
    Descriptor frame = blocks.nextImage();
    if (frame == null) {
      throw new InvalidImageException("the GIF has no image data");
    }
    int width = header.width();
    int height = header.height();
    BufferedImage canvas = SrgbImages.blank(width, height, true);
    Rectangle visible = frame.bounds.intersection(new Rectangle(width, height));
    FrameWriter writer =
        new FrameWriter(
            frame,
            SrgbImages.pixels(canvas),
            width,
            visible,
            frame.bounds.y * width + frame.bounds.x);
    blocks.decode(frame, writer);
    boolean opaque = writer.opaque() && visible.equals(new Rectangle(width, height));
    return new DecodedImage(opaque ? asOpaque(canvas) : canvas, null);
  }

  /**
   * The frames of a GIF the probe accepted, each decoded when asked for, in order, for {@link
   * CoalescedFrames}: its visible part (clipped to the {@code width} x {@code height} canvas),
   * {@code TYPE_INT_ARGB}, or null if none of it is on the canvas.
   */
  CoalescedFrames.Source frames(byte[] data, int width, int height) {
    Blocks blocks = new Blocks(data);
    Rectangle screen = new Rectangle(width, height);
    return new CoalescedFrames.Source() {
      private int next;

      @Override
      public @Nullable BufferedImage read(int index) {
        if (index != next) {
          throw new IllegalStateException(
              "GIF frames are read in order: " + index + " after " + next);
        }
        Descriptor frame = blocks.nextImage();
        if (frame == null) {
          throw new InvalidImageException("the GIF has fewer frames than its blocks promised");
        }
        next++;
        Rectangle visible = frame.bounds.intersection(screen);
        if (visible.isEmpty()) {
          blocks.skip(frame);
          return null;
        }
        BufferedImage image = SrgbImages.blank(visible.width, visible.height, true);
        blocks.decode(
            frame, new FrameWriter(frame, SrgbImages.pixels(image), visible.width, visible, 0));
        return image;
      }

      @Override
      public void close() {}
    };
  }

  /** The same pixels as a {@code TYPE_INT_RGB} image (sharing the array, alpha bytes cleared). */
  private static BufferedImage asOpaque(BufferedImage argb) {
    int[] pixels = SrgbImages.pixels(argb);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] &= 0xFFFFFF;
    }
    int[] masks = {0xFF0000, 0xFF00, 0xFF};
    WritableRaster raster =
        Raster.createPackedRaster(
            new DataBufferInt(pixels, pixels.length),
            argb.getWidth(),
            argb.getHeight(),
            argb.getWidth(),
            masks,
            null);
    DirectColorModel rgb = new DirectColorModel(24, masks[0], masks[1], masks[2]);
    return new BufferedImage(rgb, raster, false, null);
  }

  /** An image descriptor with what applies to it. */
  private static final class Descriptor {
    private final Rectangle bounds;
    private final boolean interlaced;

    /**
     * 256 ARGB entries: the colour table in use, transparent black past its end and at the
     * transparent index.
     */
    private final int[] palette;

    /** Where its LZW data starts: the minimum code size byte. */
    private final int dataStart;

    Descriptor(Rectangle bounds, boolean interlaced, int[] palette, int dataStart) {
      this.bounds = bounds;
      this.interlaced = interlaced;
      this.palette = palette;
      this.dataStart = dataStart;
    }
  }

  /** Walks the blocks of a GIF from the first after the global colour table. */
  private static final class Blocks {
    private final byte[] data;
    private final int @Nullable [] global;
    private final Lzw lzw = new Lzw();
    private int at;
    private int transparent = -1;

    Blocks(byte[] data) {
      this.data = data;
      int flags = u8(10);
      this.at = 13;
      this.global = (flags & 0x80) != 0 ? colorTable(flags) : null;
    }

    /** The next image descriptor, having read the extensions before it; null after the last. */
    @Nullable Descriptor nextImage() {
      while (at < data.length) {
        int block = u8(at);
        if (block == EXTENSION) {
          extension();
        } else if (block == IMAGE) {
          return descriptor();
        } else {
          return null; // the trailer, or an unknown block the probe would have refused
        }
      }
      return null;
    }

    private void extension() {
      int label = u8(at + 1);
      if (label == GRAPHIC_CONTROL && u8(at + 2) >= 4) {
        transparent = (u8(at + 3) & 1) != 0 ? u8(at + 6) : -1;
      }
      // Plain text (0x01), comment (0xFE), application (0xFF) and unknown extensions: skipped.
      at = new Lzw.SubBlocks(data, at + 2).skipToEnd();
    }

    private Descriptor descriptor() {
      int x = u16(at + 1);
      int y = u16(at + 3);
      int width = u16(at + 5);
      int height = u16(at + 7);
      int flags = u8(at + 9);
      at += 10;
      int[] table = (flags & 0x80) != 0 ? colorTable(flags) : global;
      int[] palette = new int[256];
      if (table == null) {
        Arrays.fill(palette, OPAQUE_BLACK);
      } else {
        System.arraycopy(table, 0, palette, 0, table.length);
      }
      if (transparent >= 0) {
        palette[transparent] = 0;
        transparent = -1; // a graphic control extension applies to one image
      }
      return new Descriptor(new Rectangle(x, y, width, height), (flags & 0x40) != 0, palette, at);
    }

    /** Reads the colour table at {@link #at} that {@code flags} announce, and moves past it. */
    private int[] colorTable(int flags) {
      int entries = 1 << ((flags & 0x07) + 1);
      int[] table = new int[entries];
      u8(at + 3 * entries - 1); // the whole table is there
      for (int i = 0; i < entries; i++) {
        int p = at + 3 * i;
        table[i] =
            OPAQUE_BLACK
                | ((data[p] & 0xFF) << 16)
                | ((data[p + 1] & 0xFF) << 8)
                | (data[p + 2] & 0xFF);
      }
      at += 3 * entries;
      return table;
    }

    /** Decodes a frame's LZW data into {@code writer}, and moves past the data. */
    void decode(Descriptor frame, FrameWriter writer) {
      int literalWidth = u8(frame.dataStart);
      if (literalWidth < 2 || literalWidth > 8) {
        throw new InvalidImageException(
            "the GIF is corrupt: a frame's LZW minimum code size is "
                + literalWidth
                + " (2 to 8 allowed)");
      }
      Lzw.SubBlocks in = new Lzw.SubBlocks(data, frame.dataStart + 1);
      if (writer.wantsPixels()) {
        lzw.decode(in, literalWidth, writer);
      }
      at = in.skipToEnd();
    }

    /** Moves past a frame's LZW data without decoding it. */
    void skip(Descriptor frame) {
      at = new Lzw.SubBlocks(data, frame.dataStart + 1).skipToEnd();
    }

    private int u16(int offset) {
      return u8(offset) | (u8(offset + 1) << 8);
    }

    private int u8(int offset) {
      if (offset >= data.length) {
        throw new InvalidImageException("the GIF is truncated");
      }
      return data[offset] & 0xFF;
    }
  }

  /**
   * Writes a frame's colour indices as ARGB into the visible part of its frame: rows in file order
   * (or in the four passes of an interlaced frame), clipped on the right and at the bottom.
   */
  private static final class FrameWriter implements Lzw.Sink {
    private static final int[] PASS_START = {0, 4, 2, 1};
    private static final int[] PASS_STEP = {8, 8, 4, 2};

    private final int[] palette;
    private final int[] pixels;
    private final int stride;
    private final int visibleWidth;
    private final int visibleHeight;
    private final int origin;
    private final int width;
    private final int height;
    private final boolean interlaced;
    private int x;
    private int y;
    private int pass;
    private int rows;

    /** The alpha bits of every pixel written, ANDed. */
    private int alphaBits = OPAQUE_BLACK;

    /**
     * @param pixels where the frame goes, {@code stride} ints a row
     * @param visible the frame's part on the canvas, from its top-left (only the size is used;
     *     nothing is written if it is empty)
     * @param origin where the frame's top-left pixel goes in {@code pixels}
     */
    FrameWriter(Descriptor frame, int[] pixels, int stride, Rectangle visible, int origin) {
      this.palette = frame.palette;
      this.pixels = pixels;
      this.stride = stride;
      this.visibleWidth = visible.isEmpty() ? 0 : visible.width;
      this.visibleHeight = visible.isEmpty() ? 0 : visible.height;
      this.origin = origin;
      this.width = frame.bounds.width;
      this.height = frame.bounds.height;
      this.interlaced = frame.interlaced;
    }

    boolean wantsPixels() {
      return width > 0 && height > 0 && visibleWidth > 0 && visibleHeight > 0;
    }

    /** Whether every pixel of the frame was written, and opaque. */
    boolean opaque() {
      return rows == height && alphaBits == OPAQUE_BLACK;
    }

    @Override
    public boolean accept(byte[] indices, int count) {
      int i = 0;
      while (i < count) {
        int take = Math.min(count - i, width - x);
        if (y < visibleHeight && x < visibleWidth) {
          int row = origin + y * stride + x;
          int n = Math.min(take, visibleWidth - x);
          for (int k = 0; k < n; k++) {
            int argb = palette[indices[i + k] & 0xFF];
            pixels[row + k] = argb;
            alphaBits &= argb;
          }
        }
        i += take;
        x += take;
        if (x == width) {
          x = 0;
          if (!nextRow()) {
            return false;
          }
        }
      }
      return true;
    }

    private boolean nextRow() {
      rows++;
      RenderScope.checkpoint();
      if (rows >= height) {
        return false;
      }
      if (!interlaced) {
        y++;
        return true;
      }
      y += PASS_STEP[pass];
      while (y >= height && pass < 3) {
        pass++;
        y = PASS_START[pass];
      }
      return true;
    }
  }
}
