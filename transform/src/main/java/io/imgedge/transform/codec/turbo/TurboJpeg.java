package io.imgedge.transform.codec.turbo;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;

/**
 * The TurboJPEG 2.x functions imgedge calls, bound once per instance through the FFM API. Every
 * call creates and destroys its own TurboJPEG handle, so an instance is thread-safe and holds no
 * native memory between calls. Pixels are exchanged as packed {@code int}s in the layout of {@code
 * BufferedImage.TYPE_INT_RGB} ({@code 0xFFRRGGBB}: TurboJPEG's {@code BGRX} on a little-endian
 * machine).
 *
 * {@snippet :
 * TurboJpeg turbo = TurboJpeg.load(TurboJpeg.DEFAULT_LIBRARY);  // throws if the library is absent
 * JpegInfo info = turbo.info(jpeg);
 * int[] pixels = turbo.decode(jpeg, info, 4);                     // 4/8 scale, DCT domain
 * byte[] out = turbo.encode(pixels, info.scaledWidth(4), info.scaledHeight(4), 80, false);
 * }
 */
public final class TurboJpeg {
  /** The soname of Debian's {@code libturbojpeg0} (TurboJPEG API 2.x). */
  public static final String DEFAULT_LIBRARY = "libturbojpeg.so.0";

  private static final int TJPF_BGRX = 3;
  private static final int TJSAMP_420 = 2;
  private static final int TJFLAG_STOPONWARNING = 8192;
  private static final int TJFLAG_ACCURATEDCT = 4096;
  private static final int TJFLAG_PROGRESSIVE = 16384;
  private static final int TJERR_WARNING = 0;

  private final Functions tj;
  private final String version;

  private TurboJpeg(Functions functions, String version) {
    this.tj = functions;
    this.version = version;
  }

  /**
   * Loads and binds the library.
   *
   * @param library a soname or path, normally {@link #DEFAULT_LIBRARY}
   * @throws IllegalArgumentException if the library cannot be loaded (absent) or lacks a function
   * @throws IllegalStateException if this machine is not little-endian
   */
  public static TurboJpeg load(String library) {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalStateException("the TurboJPEG binding assumes a little-endian machine");
    }
    SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
    Functions functions = new Functions(lookup, Linker.nativeLinker());
    return new TurboJpeg(functions, LibraryVersion.describe(library));
  }

  /** The library's version, e.g. {@code libjpeg-turbo 2.1.5}. */
  public String version() {
    return version;
  }

  /** Reads a JPEG's header. */
  public JpegInfo info(byte[] jpeg) throws TurboJpegException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment handle =
          handle((MemorySegment) tj.initDecompress.invokeExact(), "tjInitDecompress");
      try {
        MemorySegment out = arena.allocate(JAVA_INT, 4);
        int rc =
            (int)
                tj.decompressHeader3.invokeExact(
                    handle,
                    MemorySegment.ofArray(jpeg),
                    (long) jpeg.length,
                    out,
                    out.asSlice(4),
                    out.asSlice(8),
                    out.asSlice(12));
        check(rc, handle);
        return new JpegInfo(
            out.getAtIndex(JAVA_INT, 0),
            out.getAtIndex(JAVA_INT, 1),
            out.getAtIndex(JAVA_INT, 2),
            out.getAtIndex(JAVA_INT, 3));
      } finally {
        destroy(handle);
      }
    } catch (TurboJpegException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("TurboJPEG call failed", t);
    }
  }

  /**
   * Decodes at {@code eighths/8} of the stored size (1 to 8: libjpeg's reduced-size inverse DCTs),
   * gray and colour alike to packed RGB. Any libjpeg warning (truncated or corrupt data) fails the
   * decode rather than returning a partly gray image.
   *
   * @return {@code info.scaledWidth(eighths) * info.scaledHeight(eighths)} pixels, row by row
   */
  public int[] decode(byte[] jpeg, JpegInfo info, int eighths) throws TurboJpegException {
    long n = (long) info.scaledWidth(eighths) * info.scaledHeight(eighths);
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a decode of " + n + " pixels does not fit an array");
    }
    int[] pixels = new int[(int) n];
    decode(jpeg, info, eighths, pixels);
    return pixels;
  }

  /**
   * Decodes as {@link #decode(byte[], JpegInfo, int)} does, straight into {@code pixels} (e.g. the
   * array of a {@code TYPE_INT_RGB} image), which must hold at least the scaled size. The call is a
   * critical downcall on the Java arrays themselves: nothing is copied, and the arrays stay put
   * (pinned) while libjpeg-turbo works.
   */
  public void decode(byte[] jpeg, JpegInfo info, int eighths, int[] pixels)
      throws TurboJpegException {
    if (eighths < 1 || eighths > 8) {
      throw new IllegalArgumentException("the scale must be 1/8 to 8/8: " + eighths + "/8");
    }
    int w = info.scaledWidth(eighths);
    int h = info.scaledHeight(eighths);
    if (pixels.length < (long) w * h) {
      throw new IllegalArgumentException("the array holds fewer than " + w + "x" + h + " pixels");
    }
    try {
      MemorySegment handle =
          handle((MemorySegment) tj.initDecompress.invokeExact(), "tjInitDecompress");
      try {
        int rc =
            (int)
                tj.decompress2.invokeExact(
                    handle,
                    MemorySegment.ofArray(jpeg),
                    (long) jpeg.length,
                    MemorySegment.ofArray(pixels),
                    w,
                    w * 4,
                    h,
                    TJPF_BGRX,
                    TJFLAG_STOPONWARNING);
        check(rc, handle);
      } finally {
        destroy(handle);
      }
    } catch (TurboJpegException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("TurboJPEG call failed", t);
    }
  }

  /**
   * Encodes packed RGB pixels as a baseline (or progressive) JFIF JPEG with 4:2:0 chroma
   * subsampling, at a libjpeg quality of 1-100 (the IJG scaling of the Annex K tables), with the
   * accurate integer DCT (TurboJPEG's default for compression is the fast one, which measurably
   * lowers SSIM).
   */
  public byte[] encode(int[] pixels, int width, int height, int quality, boolean progressive)
      throws TurboJpegException {
    if (pixels.length < width * height) {
      throw new IllegalArgumentException("fewer pixels than " + width + "x" + height);
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = MemorySegment.ofArray(pixels);
      MemorySegment out = arena.allocate(ADDRESS);
      MemorySegment size = arena.allocate(JAVA_LONG);
      out.set(ADDRESS, 0, MemorySegment.NULL);
      MemorySegment handle =
          handle((MemorySegment) tj.initCompress.invokeExact(), "tjInitCompress");
      try {
        int rc =
            (int)
                tj.compress2.invokeExact(
                    handle,
                    src,
                    width,
                    width * 4,
                    height,
                    TJPF_BGRX,
                    out,
                    size,
                    TJSAMP_420,
                    quality,
                    TJFLAG_ACCURATEDCT | (progressive ? TJFLAG_PROGRESSIVE : 0));
        check(rc, handle);
        long n = size.get(JAVA_LONG, 0);
        return out.get(ADDRESS, 0).reinterpret(n).toArray(JAVA_BYTE);
      } finally {
        free(out.get(ADDRESS, 0));
        destroy(handle);
      }
    } catch (TurboJpegException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("TurboJPEG call failed", t);
    }
  }

  /**
   * Decodes a YCbCr JPEG at {@code eighths/8} of its stored size into its planes (Y, Cb, Cr) as
   * stored, without colour conversion or chroma upsampling: for renders that resample the planes
   * and encode them again ({@link #encodePlanes}). Any libjpeg warning fails the decode.
   *
   * @throws IllegalArgumentException unless the JPEG is YCbCr with 4:4:4, 4:2:2, 4:2:0 or 4:4:0
   *     subsampling (see {@link JpegInfo#planar()})
   */
  public YuvPlanes decodePlanes(byte[] jpeg, JpegInfo info, int eighths) throws TurboJpegException {
    if (eighths < 1 || eighths > 8) {
      throw new IllegalArgumentException("the scale must be 1/8 to 8/8: " + eighths + "/8");
    }
    if (!info.planar()) {
      throw new IllegalArgumentException("not a YCbCr JPEG with planes this decoder takes");
    }
    int w = info.scaledWidth(eighths);
    int h = info.scaledHeight(eighths);
    try (Arena arena = Arena.ofConfined()) {
      int[] widths = new int[3];
      int[] heights = new int[3];
      MemorySegment pointers = arena.allocate(ADDRESS, 3);
      MemorySegment strides = arena.allocate(JAVA_INT, 3);
      MemorySegment[] buffers = new MemorySegment[3];
      for (int c = 0; c < 3; c++) {
        widths[c] = (int) tj.planeWidth.invokeExact(c, w, info.subsampling());
        heights[c] = (int) tj.planeHeight.invokeExact(c, h, info.subsampling());
        if (widths[c] <= 0 || heights[c] <= 0) {
          throw new IllegalArgumentException("no plane size for " + w + "x" + h);
        }
        buffers[c] = arena.allocate((long) widths[c] * heights[c]);
        pointers.setAtIndex(ADDRESS, c, buffers[c]);
        strides.setAtIndex(JAVA_INT, c, widths[c]);
      }
      MemorySegment handle =
          handle((MemorySegment) tj.initDecompress.invokeExact(), "tjInitDecompress");
      try {
        int rc =
            (int)
                tj.decompressToYuvPlanes.invokeExact(
                    handle,
                    MemorySegment.ofArray(jpeg),
                    (long) jpeg.length,
                    pointers,
                    w,
                    strides,
                    h,
                    TJFLAG_STOPONWARNING);
        check(rc, handle);
      } finally {
        destroy(handle);
      }
      byte[][] planes = new byte[3][];
      for (int c = 0; c < 3; c++) {
        planes[c] = buffers[c].toArray(JAVA_BYTE);
      }
      return new YuvPlanes(w, h, info.subsampling(), planes, widths, heights);
    } catch (TurboJpegException | IllegalArgumentException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("TurboJPEG call failed", t);
    }
  }

  /**
   * The plane sizes TurboJPEG reads or writes for a {@code width} x {@code height} image with this
   * subsampling: {@code {yWidth, yHeight, cWidth, cHeight}} (the luma plane padded to whole chroma
   * samples).
   */
  public int[] planeSizes(int width, int height, int subsampling) {
    try {
      return new int[] {
        (int) tj.planeWidth.invokeExact(0, width, subsampling),
        (int) tj.planeHeight.invokeExact(0, height, subsampling),
        (int) tj.planeWidth.invokeExact(1, width, subsampling),
        (int) tj.planeHeight.invokeExact(1, height, subsampling)
      };
    } catch (Throwable t) {
      throw new IllegalStateException("TurboJPEG call failed", t);
    }
  }

  /**
   * Encodes planes (sized as {@link #planeSizes} gives them for {@code planes.subsampling()}) as a
   * baseline or progressive JFIF JPEG, with the accurate integer DCT, as {@link #encode} does
   * without its colour conversion and chroma downsampling.
   */
  public byte[] encodePlanes(YuvPlanes planes, int quality, boolean progressive)
      throws TurboJpegException {
    int[] sizes = planeSizes(planes.width(), planes.height(), planes.subsampling());
    for (int c = 0; c < 3; c++) {
      int pw = sizes[c == 0 ? 0 : 2];
      int ph = sizes[c == 0 ? 1 : 3];
      if (planes.widths()[c] != pw
          || planes.heights()[c] != ph
          || planes.planes()[c].length < pw * ph) {
        throw new IllegalArgumentException("plane " + c + " is not " + pw + "x" + ph);
      }
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pointers = arena.allocate(ADDRESS, 3);
      MemorySegment strides = arena.allocate(JAVA_INT, 3);
      for (int c = 0; c < 3; c++) {
        byte[] p = planes.planes()[c];
        MemorySegment copy = arena.allocate(p.length);
        MemorySegment.copy(p, 0, copy, JAVA_BYTE, 0, p.length);
        pointers.setAtIndex(ADDRESS, c, copy);
        strides.setAtIndex(JAVA_INT, c, planes.widths()[c]);
      }
      MemorySegment out = arena.allocate(ADDRESS);
      MemorySegment size = arena.allocate(JAVA_LONG);
      out.set(ADDRESS, 0, MemorySegment.NULL);
      MemorySegment handle =
          handle((MemorySegment) tj.initCompress.invokeExact(), "tjInitCompress");
      try {
        int rc =
            (int)
                tj.compressFromYuvPlanes.invokeExact(
                    handle,
                    pointers,
                    planes.width(),
                    strides,
                    planes.height(),
                    planes.subsampling(),
                    out,
                    size,
                    quality,
                    TJFLAG_ACCURATEDCT | (progressive ? TJFLAG_PROGRESSIVE : 0));
        check(rc, handle);
        long n = size.get(JAVA_LONG, 0);
        return out.get(ADDRESS, 0).reinterpret(n).toArray(JAVA_BYTE);
      } finally {
        free(out.get(ADDRESS, 0));
        destroy(handle);
      }
    } catch (TurboJpegException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("TurboJPEG call failed", t);
    }
  }

  private void free(MemorySegment p) throws Throwable {
    if (!p.equals(MemorySegment.NULL)) {
      tj.free.invokeExact(p);
    }
  }

  private static MemorySegment handle(MemorySegment h, String function) {
    if (h.equals(MemorySegment.NULL)) {
      throw new IllegalStateException(function + " returned no handle");
    }
    return h;
  }

  private void destroy(MemorySegment handle) throws Throwable {
    int ignored = (int) tj.destroy.invokeExact(handle);
  }

  private void check(int rc, MemorySegment handle) throws Throwable {
    if (rc == 0) {
      return;
    }
    boolean warning = (int) tj.getErrorCode.invokeExact(handle) == TJERR_WARNING;
    MemorySegment text = (MemorySegment) tj.getErrorStr2.invokeExact(handle);
    throw new TurboJpegException(text.reinterpret(4096).getString(0), warning);
  }

  /** The downcall handles. */
  private static final class Functions {
    final MethodHandle initDecompress;
    final MethodHandle initCompress;
    final MethodHandle destroy;
    final MethodHandle decompressHeader3;
    final MethodHandle decompress2;
    final MethodHandle compress2;
    final MethodHandle getErrorStr2;
    final MethodHandle getErrorCode;
    final MethodHandle free;
    final MethodHandle decompressToYuvPlanes;
    final MethodHandle compressFromYuvPlanes;
    final MethodHandle planeWidth;
    final MethodHandle planeHeight;

    Functions(SymbolLookup lookup, Linker linker) {
      Binder b = new Binder(lookup, linker);
      initDecompress = b.bind("tjInitDecompress", FunctionDescriptor.of(ADDRESS));
      initCompress = b.bind("tjInitCompress", FunctionDescriptor.of(ADDRESS));
      destroy = b.bind("tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
      // Critical: these take Java arrays directly (no copies); they do not call back into Java.
      decompressHeader3 =
          b.bindCritical(
              "tjDecompressHeader3",
              FunctionDescriptor.of(
                  JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
      decompress2 =
          b.bindCritical(
              "tjDecompress2",
              FunctionDescriptor.of(
                  JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT,
                  JAVA_INT, JAVA_INT));
      compress2 =
          b.bindCritical(
              "tjCompress2",
              FunctionDescriptor.of(
                  JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                  ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
      getErrorStr2 = b.bind("tjGetErrorStr2", FunctionDescriptor.of(ADDRESS, ADDRESS));
      getErrorCode = b.bind("tjGetErrorCode", FunctionDescriptor.of(JAVA_INT, ADDRESS));
      free = b.bind("tjFree", FunctionDescriptor.ofVoid(ADDRESS));
      // the source JPEG is a Java array (critical); the planes are native memory
      decompressToYuvPlanes =
          b.bindCritical(
              "tjDecompressToYUVPlanes",
              FunctionDescriptor.of(
                  JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT,
                  JAVA_INT));
      compressFromYuvPlanes =
          b.bind(
              "tjCompressFromYUVPlanes",
              FunctionDescriptor.of(
                  JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS,
                  ADDRESS, JAVA_INT, JAVA_INT));
      planeWidth =
          b.bind("tjPlaneWidth", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
      planeHeight =
          b.bind("tjPlaneHeight", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }
  }

  private record Binder(SymbolLookup lookup, Linker linker) {
    MethodHandle bind(String name, FunctionDescriptor descriptor) {
      MemorySegment symbol =
          lookup
              .find(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the TurboJPEG library has no " + name + " (API 2.0+ needed)"));
      return linker.downcallHandle(symbol, descriptor);
    }

    MethodHandle bindCritical(String name, FunctionDescriptor descriptor) {
      MemorySegment symbol =
          lookup
              .find(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the TurboJPEG library has no " + name + " (API 2.0+ needed)"));
      return linker.downcallHandle(symbol, descriptor, Linker.Option.critical(true));
    }
  }
}
