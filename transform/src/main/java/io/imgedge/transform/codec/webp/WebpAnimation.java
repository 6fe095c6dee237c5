package io.imgedge.transform.codec.webp;

import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_DECODER_OPTIONS;
import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_INFO;
import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_INFO_CANVAS_HEIGHT;
import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_INFO_CANVAS_WIDTH;
import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_INFO_FRAME_COUNT;
import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_INFO_LOOP_COUNT;
import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_OPTIONS_COLOR_MODE;
import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_OPTIONS_USE_THREADS;
import static io.imgedge.transform.codec.webp.WebpLayouts.DATA;
import static io.imgedge.transform.codec.webp.WebpLayouts.DATA_BYTES;
import static io.imgedge.transform.codec.webp.WebpLayouts.DATA_SIZE;
import static io.imgedge.transform.codec.webp.WebpLayouts.MODE_BGRA;
import static io.imgedge.transform.codec.webp.WebpLayouts.WEBP_DEMUX_ABI_VERSION;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.imgedge.transform.codec.webp.WebpException.Kind;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A WebP animation being decoded by libwebpdemux's {@code WebPAnimDecoder}, one complete canvas per
 * frame: each frame is composed on what the previous ones left (offsets, alpha blending or not,
 * disposal to transparent), as libwebp's {@code anim_dump} and browsers do. Native memory is held
 * until {@link #close()}: a copy of the file, which the decoder reads in place, and its two
 * canvases. Not for use by several threads at once.
 */
public final class WebpAnimation implements AutoCloseable {
  private final LibWebp.Functions webp;
  private final Arena arena;
  private final MemorySegment decoder;
  private final MemorySegment buffer;
  private final MemorySegment timestamp;
  private final int width;
  private final int height;
  private final int loopCount;
  private final int frameCount;
  private int decoded;
  private boolean closed;

  /**
   * Creates the decoder for data whose headers {@code checked} describe (their canvas size is
   * within the caller's limit: the decoder allocates its canvases as it is created). The arena
   * outlives this call: it belongs to the instance, whose {@link #close()} (or a failure here)
   * closes it.
   */
  @SuppressWarnings("MustBeClosedChecker") // owned by this AutoCloseable, closed by close()
  WebpAnimation(LibWebp.Functions webp, byte[] data, WebpInfo checked) throws WebpException {
    this.webp = webp;
    this.arena = Arena.ofShared(); // closed by close(), whichever thread calls it
    MemorySegment created = MemorySegment.NULL;
    try {
      created = create(webp, arena, data);
      MemorySegment info = arena.allocate(ANIM_INFO);
      if ((int) webp.animDecoderGetInfo.invokeExact(created, info) == 0) {
        throw new WebpException(Kind.INVALID, "WebPAnimDecoderGetInfo failed");
      }
      this.width = info.get(JAVA_INT, ANIM_INFO_CANVAS_WIDTH);
      this.height = info.get(JAVA_INT, ANIM_INFO_CANVAS_HEIGHT);
      this.loopCount = info.get(JAVA_INT, ANIM_INFO_LOOP_COUNT);
      this.frameCount = info.get(JAVA_INT, ANIM_INFO_FRAME_COUNT);
      if (width != checked.width() || height != checked.height()) {
        throw new WebpException(
            Kind.INVALID,
            "the animation's canvas is "
                + width
                + "x"
                + height
                + " but its headers say "
                + checked.width()
                + "x"
                + checked.height());
      }
      this.buffer = arena.allocate(ADDRESS);
      this.timestamp = arena.allocate(JAVA_INT);
      this.decoder = created;
    } catch (WebpException | RuntimeException | Error e) {
      release(webp, arena, created);
      throw e;
    } catch (Throwable t) {
      release(webp, arena, created);
      throw new IllegalStateException("libwebp call failed", t);
    }
  }

  /** {@code WebPAnimDecoderNew} over a native copy of {@code data}, BGRA, one thread. */
  private static MemorySegment create(LibWebp.Functions webp, Arena arena, byte[] data)
      throws Throwable {
    MemorySegment input = arena.allocateFrom(JAVA_BYTE, data);
    MemorySegment webpData = arena.allocate(DATA);
    webpData.set(ADDRESS, DATA_BYTES, input);
    webpData.set(JAVA_LONG, DATA_SIZE, data.length);
    MemorySegment options = arena.allocate(ANIM_DECODER_OPTIONS);
    if ((int) webp.animOptionsInit.invokeExact(options, WEBP_DEMUX_ABI_VERSION) == 0) {
      throw new IllegalStateException("WebPAnimDecoderOptionsInit refused ABI 0x0107");
    }
    options.set(JAVA_INT, ANIM_OPTIONS_COLOR_MODE, MODE_BGRA);
    options.set(JAVA_INT, ANIM_OPTIONS_USE_THREADS, 0);
    MemorySegment decoder =
        (MemorySegment) webp.animDecoderNew.invokeExact(webpData, options, WEBP_DEMUX_ABI_VERSION);
    if (decoder.equals(MemorySegment.NULL)) {
      throw refused(data);
    }
    return decoder;
  }

  /**
   * Why {@code WebPAnimDecoderNew} returned nothing (it gives no status): the file is shorter than
   * its RIFF header says (truncated), or its chunks are invalid (or, rarely, memory ran out).
   */
  private static WebpException refused(byte[] data) {
    long declared =
        data.length >= 8
            ? 8
                + Integer.toUnsignedLong(
                    (data[4] & 0xFF)
                        | (data[5] & 0xFF) << 8
                        | (data[6] & 0xFF) << 16
                        | (data[7] & 0xFF) << 24)
            : Long.MAX_VALUE;
    if (declared > data.length) {
      return new WebpException(
          Kind.TRUNCATED,
          "the data ends before the animation does ("
              + data.length
              + " of "
              + (declared == Long.MAX_VALUE ? "?" : declared)
              + " bytes)");
    }
    return new WebpException(
        Kind.INVALID, "libwebp's demuxer refused the animation (invalid chunks)");
  }

  private static void release(LibWebp.Functions webp, Arena arena, MemorySegment decoder) {
    try {
      if (!decoder.equals(MemorySegment.NULL)) {
        webp.animDecoderDelete.invokeExact(decoder);
      }
    } catch (Throwable t) {
      throw new IllegalStateException("WebPAnimDecoderDelete failed", t);
    } finally {
      arena.close();
    }
  }

  /** The canvas's width. */
  public int width() {
    return width;
  }

  /** The canvas's height. */
  public int height() {
    return height;
  }

  /** How many times to play, 0 = forever ({@code WebPAnimInfo.loop_count}). */
  public int loopCount() {
    return loopCount;
  }

  /** The number of frames the demuxer found. */
  public int frameCount() {
    return frameCount;
  }

  /** Whether another frame follows. */
  public boolean hasNext() {
    checkOpen();
    try {
      return (int) webp.animDecoderHasMoreFrames.invokeExact(decoder) != 0;
    } catch (Throwable t) {
      throw new IllegalStateException("libwebp call failed", t);
    }
  }

  /**
   * Decodes the next frame and copies the whole canvas into {@code argb} (packed {@code
   * 0xAARRGGBB}, not premultiplied).
   *
   * @param argb at least {@code width() * height()} ints
   * @return when the frame ends, in milliseconds from the start of the animation (the sum of the
   *     durations so far)
   * @throws WebpException if the frame cannot be decoded (corrupt or truncated)
   */
  public int next(int[] argb) throws WebpException {
    checkOpen();
    int n = width * height;
    if (argb.length < n) {
      throw new IllegalArgumentException("fewer than " + width + "x" + height + " ints");
    }
    try {
      if ((int) webp.animDecoderGetNext.invokeExact(decoder, buffer, timestamp) == 0) {
        throw new WebpException(
            Kind.INVALID,
            "frame "
                + (decoded + 1)
                + " of "
                + frameCount
                + " cannot be decoded (corrupt or truncated)");
      }
      decoded++;
      MemorySegment canvas = buffer.get(ADDRESS, 0).reinterpret((long) n * 4);
      MemorySegment.copy(canvas, JAVA_INT, 0, argb, 0, n);
      return timestamp.get(JAVA_INT, 0);
    } catch (WebpException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libwebp call failed", t);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the animation decoder is closed");
    }
  }

  /** Deletes the decoder and frees the native memory; later calls fail. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release(webp, arena, decoder);
    }
  }
}
