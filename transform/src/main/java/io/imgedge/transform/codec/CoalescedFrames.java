package io.imgedge.transform.codec;

import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.probe.FrameTable;
import io.imgedge.transform.probe.FrameTable.Disposal;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Objects;
import javax.imageio.ImageReader;
import org.jspecify.annotations.Nullable;

/**
 * The frames of an animated GIF or WebP as complete pictures, decoded one at a time: each frame is
 * drawn on the canvas at its offset (blended or replacing, as the file says), copied out, and its
 * area then disposed of (kept, cleared, or restored) before the next. Only the canvas and one frame
 * are held, however long the animation.
 */
public final class CoalescedFrames implements AnimationFrames {
  private final Source source;
  private final FrameTable table;
  private final BufferedImage canvas;
  private int next;

  /** Where the frames' pixels come from: {@link GifDecoder}, or an ImageIO reader for WebP. */
  interface Source extends AutoCloseable {
    /**
     * The pixels of frame {@code index}, asked for in order (0, 1, 2, …), to be placed at the
     * frame's offset; null if none of the frame is on the canvas.
     */
    @Nullable BufferedImage read(int index) throws IOException;

    @Override
    void close();
  }

  /** The frames an ImageIO reader reads, which this source disposes of when closed. */
  static Source of(ImageReader reader) {
    return new Source() {
      @Override
      public BufferedImage read(int index) throws IOException {
        return reader.read(index);
      }

      @Override
      public void close() {
        reader.dispose();
      }
    };
  }

  CoalescedFrames(Source source, FrameTable table, int width, int height) {
    this.source = source;
    this.table = table;
    this.canvas = SrgbImages.blank(width, height, true);
  }

  /** The animation's frame table (loop count, delays). */
  @Override
  public FrameTable table() {
    return table;
  }

  /** Whether another frame follows. */
  @Override
  public boolean hasNext() {
    return next < table.frames().size();
  }

  /** The next complete frame, {@code TYPE_INT_ARGB}, the canvas's size. */
  @Override
  public BufferedImage next() {
    FrameTable.Frame f = table.frames().get(next);
    BufferedImage raw;
    try {
      BufferedImage read = source.read(next);
      raw = read == null ? null : SrgbImages.normalize(read);
    } catch (TransformException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidImageException(
          "frame " + (next + 1) + " of the animation cannot be decoded", e);
    }
    next++;
    Rectangle area =
        raw == null
            ? new Rectangle()
            : new Rectangle(f.bounds().x, f.bounds().y, raw.getWidth(), raw.getHeight())
                .intersection(new Rectangle(canvas.getWidth(), canvas.getHeight()));
    if (area.isEmpty()) {
      area = new Rectangle(); // off the canvas: an intersection's size may be negative
    }
    int[] saved = f.disposal() == Disposal.PREVIOUS ? read(area) : null;
    if (raw != null) {
      draw(raw, area, f.blend());
    }
    BufferedImage out = SrgbImages.blank(canvas.getWidth(), canvas.getHeight(), true);
    System.arraycopy(
        SrgbImages.pixels(canvas), 0, SrgbImages.pixels(out), 0, SrgbImages.pixels(out).length);
    switch (f.disposal()) {
      case NONE -> {}
      case BACKGROUND -> write(area, new int[area.width * area.height]);
      case PREVIOUS -> write(area, Objects.requireNonNull(saved, "saved for PREVIOUS disposal"));
    }
    return out;
  }

  private void draw(BufferedImage frame, Rectangle area, boolean blend) {
    int[] c = SrgbImages.pixels(canvas);
    boolean alpha = frame.getColorModel().hasAlpha();
    int[] src = SrgbImages.pixels(frame);
    for (int y = 0; y < area.height; y++) {
      for (int x = 0; x < area.width; x++) {
        int p = src[y * frame.getWidth() + x];
        int at = (area.y + y) * canvas.getWidth() + area.x + x;
        c[at] = !alpha ? p | 0xFF000000 : blend ? over(p, c[at]) : p;
      }
    }
  }

  /** Source-over of two non-premultiplied ARGB pixels. */
  static int over(int src, int dst) {
    int sa = src >>> 24;
    if (sa == 255) {
      return src;
    }
    if (sa == 0) {
      return dst;
    }
    int da = dst >>> 24;
    int outA = sa + da * (255 - sa) / 255;
    int rgb = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      int v =
          ((src >> shift & 0xFF) * sa + (dst >> shift & 0xFF) * da * (255 - sa) / 255 + outA / 2)
              / outA;
      rgb |= Math.min(255, v) << shift;
    }
    return outA << 24 | rgb;
  }

  private int[] read(Rectangle area) {
    int[] out = new int[area.width * area.height];
    int[] c = SrgbImages.pixels(canvas);
    for (int y = 0; y < area.height; y++) {
      System.arraycopy(
          c, (area.y + y) * canvas.getWidth() + area.x, out, y * area.width, area.width);
    }
    return out;
  }

  private void write(Rectangle area, int[] pixels) {
    int[] c = SrgbImages.pixels(canvas);
    for (int y = 0; y < area.height; y++) {
      System.arraycopy(
          pixels, y * area.width, c, (area.y + y) * canvas.getWidth() + area.x, area.width);
    }
  }

  @Override
  public void close() {
    source.close();
  }
}
