package io.imgedge.transform.codec.webp;

import static io.imgedge.transform.codec.webp.WebpLayouts.ANIM_DECODER_OPTIONS;
import static io.imgedge.transform.codec.webp.WebpLayouts.CONFIG_OUTPUT;
import static io.imgedge.transform.codec.webp.WebpLayouts.DECODER_CONFIG;
import static io.imgedge.transform.codec.webp.WebpLayouts.FEATURES;
import static io.imgedge.transform.codec.webp.WebpLayouts.FEATURES_FORMAT;
import static io.imgedge.transform.codec.webp.WebpLayouts.FEATURES_HAS_ALPHA;
import static io.imgedge.transform.codec.webp.WebpLayouts.FEATURES_HAS_ANIMATION;
import static io.imgedge.transform.codec.webp.WebpLayouts.FEATURES_HEIGHT;
import static io.imgedge.transform.codec.webp.WebpLayouts.FEATURES_WIDTH;
import static io.imgedge.transform.codec.webp.WebpLayouts.MODE_BGRA;
import static io.imgedge.transform.codec.webp.WebpLayouts.OPTIONS_NO_FANCY_UPSAMPLING;
import static io.imgedge.transform.codec.webp.WebpLayouts.OPTIONS_USE_THREADS;
import static io.imgedge.transform.codec.webp.WebpLayouts.OUTPUT_COLORSPACE;
import static io.imgedge.transform.codec.webp.WebpLayouts.OUTPUT_IS_EXTERNAL_MEMORY;
import static io.imgedge.transform.codec.webp.WebpLayouts.OUTPUT_RGBA;
import static io.imgedge.transform.codec.webp.WebpLayouts.OUTPUT_SIZE;
import static io.imgedge.transform.codec.webp.WebpLayouts.OUTPUT_STRIDE;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_BITSTREAM_ERROR;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_INVALID_PARAM;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_NOT_ENOUGH_DATA;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_OK;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_OUT_OF_MEMORY;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_SUSPENDED;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_UNSUPPORTED_FEATURE;
import static io.imgedge.transform.codec.webp.WebpLayouts.VP8_STATUS_USER_ABORT;
import static io.imgedge.transform.codec.webp.WebpLayouts.WEBP_DECODER_ABI_VERSION;
import static io.imgedge.transform.codec.webp.WebpLayouts.WEBP_DEMUX_ABI_VERSION;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.imgedge.transform.codec.webp.WebpException.Kind;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;

/**
 * The libwebp decoding functions imgedge calls ({@code libwebp.so.7}, and {@code libwebpdemux.so.2}
 * for animations), bound once per instance through the FFM API. Still images go through {@code
 * WebPDecode} with libwebp's default options: fancy chroma upsampling (as {@code dwebp} and
 * browsers decode), no dithering, one thread. Animations go through {@code WebPAnimDecoder}, which
 * composes each frame on the canvas (offsets, blending, disposal) as libwebp's own tools do. Every
 * call copies its input into native memory it frees before returning (an animation: when it is
 * closed), so an instance is thread-safe and holds nothing between calls. Pixels come out as packed
 * {@code int}s in the layout of {@code BufferedImage.TYPE_INT_ARGB} ({@code 0xAARRGGBB}: libwebp's
 * {@code MODE_BGRA} on a little-endian machine), not premultiplied.
 *
 * {@snippet :
 * LibWebp webp = LibWebp.load(LibWebp.DEFAULT_LIBRARY, LibWebp.DEFAULT_DEMUX_LIBRARY);
 * WebpInfo info = webp.info(data, 50_000_000);          // headers only
 * WebpPixels still = webp.decode(data, 50_000_000);     // an animation's first frame, composed
 * try (WebpAnimation frames = webp.animation(data, 50_000_000)) {
 *   int[] canvas = new int[frames.width() * frames.height()];
 *   while (frames.hasNext()) {
 *     int endsAt = frames.next(canvas);                   // milliseconds since the start
 *   }
 * }
 * }
 */
public final class LibWebp {
  /** The soname of Debian's {@code libwebp7} (libwebp 1.x decoder and encoder). */
  public static final String DEFAULT_LIBRARY = "libwebp.so.7";

  /** The soname of Debian's {@code libwebpdemux2} (the demuxer and {@code WebPAnimDecoder}). */
  public static final String DEFAULT_DEMUX_LIBRARY = "libwebpdemux.so.2";

  /** The oldest libwebp accepted: 1.0.0 ({@code WebPGetDecoderVersion}: 0x010000). */
  private static final int FIRST_ACCEPTED = 0x010000;

  private final Functions webp;
  private final String version;

  private LibWebp(Functions functions, String version) {
    this.webp = functions;
    this.version = version;
  }

  /**
   * Loads and binds both libraries, after checking that they are libwebp 1.x and accept the ABI
   * versions whose struct layouts this binding was checked against ({@link WebpLayouts}).
   *
   * @param soname the decoder library, normally {@link #DEFAULT_LIBRARY}
   * @param demuxSoname the demuxer library, normally {@link #DEFAULT_DEMUX_LIBRARY}
   * @throws IllegalArgumentException if a library cannot be loaded (absent), lacks a function, or
   *     is a version whose structs differ
   * @throws IllegalStateException if this machine is not little-endian
   */
  public static LibWebp load(String soname, String demuxSoname) {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalStateException("the libwebp binding assumes a little-endian machine");
    }
    Linker linker = Linker.nativeLinker();
    Binder decoder = new Binder(lookup(soname, "libwebp7"), linker, soname);
    Binder demux = new Binder(lookup(demuxSoname, "libwebpdemux2"), linker, demuxSoname);
    int decoderVersion =
        callVersion(decoder.bind("WebPGetDecoderVersion", FunctionDescriptor.of(JAVA_INT)));
    int demuxVersion =
        callVersion(demux.bind("WebPGetDemuxVersion", FunctionDescriptor.of(JAVA_INT)));
    checkVersion(decoderVersion, demuxVersion, soname);
    Functions functions = new Functions(decoder, demux);
    checkAbi(functions, soname, demuxSoname);
    return new LibWebp(functions, "libwebp " + describe(decoderVersion));
  }

  private static SymbolLookup lookup(String soname, String debianPackage) {
    try {
      return SymbolLookup.libraryLookup(soname, Arena.global());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "libwebp is not available: "
              + soname
              + " cannot be loaded ("
              + e.getMessage()
              + "); on Debian install libwebp7 and libwebpdemux2 ("
              + debianPackage
              + ")",
          e);
    }
  }

  /**
   * Refuses a libwebp older than 1.0 ({@code WebPGetDecoderVersion()} and {@code
   * WebPGetDemuxVersion()}: major &lt;&lt; 16 | minor &lt;&lt; 8 | revision).
   *
   * @throws IllegalArgumentException naming the version found
   */
  static void checkVersion(int decoder, int demux, String soname) {
    if (decoder < FIRST_ACCEPTED || demux < FIRST_ACCEPTED) {
      throw new IllegalArgumentException(
          soname
              + " is libwebp "
              + describe(decoder)
              + " (demux "
              + describe(demux)
              + "), but imgedge's binding needs libwebp 1.x");
    }
  }

  /**
   * The {@code ...Internal} initialisers return 0 for an ABI whose major version they do not share.
   */
  private static void checkAbi(Functions f, String soname, String demuxSoname) {
    try (Arena arena = Arena.ofConfined()) {
      if ((int)
              f.initDecoderConfig.invokeExact(
                  arena.allocate(DECODER_CONFIG), WEBP_DECODER_ABI_VERSION)
          == 0) {
        throw new IllegalArgumentException(
            soname
                + " refuses decoder ABI 0x0209 (libwebp 1.2.4's):"
                + " check the struct layouts with transform/src/test/resources/native/webp_layout.c");
      }
      if ((int)
              f.animOptionsInit.invokeExact(
                  arena.allocate(ANIM_DECODER_OPTIONS), WEBP_DEMUX_ABI_VERSION)
          == 0) {
        throw new IllegalArgumentException(
            demuxSoname
                + " refuses demux ABI 0x0107 (libwebp 1.2.4's):"
                + " check the struct layouts with transform/src/test/resources/native/webp_layout.c");
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libwebp call failed", t);
    }
  }

  private static int callVersion(MethodHandle function) {
    try {
      return (int) function.invokeExact();
    } catch (Throwable t) {
      throw new IllegalStateException("libwebp's version call failed", t);
    }
  }

  /** {@code 0x010204} as {@code 1.2.4}. */
  private static String describe(int version) {
    return (version >>> 16) + "." + (version >>> 8 & 0xFF) + "." + (version & 0xFF);
  }

  /** The library's version, e.g. {@code libwebp 1.2.4}. */
  public String version() {
    return version;
  }

  /**
   * Reads the headers ({@code WebPGetFeatures}) without decoding pixels.
   *
   * @param maxPixels the most pixels (width x height, the canvas's for an animation) the caller
   *     accepts
   * @throws WebpException if the data is not WebP, ends inside the headers, or the image has more
   *     than {@code maxPixels} pixels ({@link Kind#TOO_LARGE})
   */
  public WebpInfo info(byte[] data, long maxPixels) throws WebpException {
    checkInput(data, maxPixels);
    try (Arena arena = Arena.ofConfined()) {
      return features(arena, arena.allocateFrom(JAVA_BYTE, data), data.length, maxPixels);
    } catch (WebpException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libwebp call failed", t);
    }
  }

  /**
   * Decodes a still image, or the first frame of an animation composed on its canvas, to 8-bit
   * non-premultiplied ARGB, with libwebp's default (fancy) chroma upsampling. The size is checked
   * on the headers before any pixel is decoded, and the output buffer is this binding's, of exactly
   * that size.
   *
   * @param maxPixels the most pixels accepted: a larger image is refused ({@link Kind#TOO_LARGE})
   * @throws WebpException if the data is corrupt ({@link Kind#INVALID}), truncated ({@link
   *     Kind#TRUNCATED}), too large, unsupported, or libwebp runs out of memory
   */
  public WebpPixels decode(byte[] data, long maxPixels) throws WebpException {
    checkInput(data, maxPixels);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment input = arena.allocateFrom(JAVA_BYTE, data);
      WebpInfo info = features(arena, input, data.length, maxPixels);
      if (info.animated()) {
        return firstFrame(data, info);
      }
      return new WebpPixels(info, still(arena, input, data.length, info));
    } catch (WebpException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libwebp call failed", t);
    }
  }

  /**
   * Opens an animation (or a still, as one frame) for decoding frame by frame with {@code
   * WebPAnimDecoder}: each frame comes out composed on the whole canvas. The caller closes it,
   * which frees its native memory (the input's copy and two canvases).
   *
   * @param maxPixels the most canvas pixels accepted, checked on the headers first
   * @throws WebpException if the data is corrupt, truncated (the demuxer refuses it), or too large
   */
  public WebpAnimation animation(byte[] data, long maxPixels) throws WebpException {
    checkInput(data, maxPixels);
    return new WebpAnimation(webp, data, info(data, maxPixels));
  }

  private WebpPixels firstFrame(byte[] data, WebpInfo info) throws WebpException {
    try (WebpAnimation frames = new WebpAnimation(webp, data, info)) {
      if (!frames.hasNext()) {
        throw new WebpException(Kind.INVALID, "the animation has no frames");
      }
      int[] argb = new int[Math.toIntExact(info.pixels())];
      frames.next(argb);
      return new WebpPixels(info, argb);
    }
  }

  private WebpInfo features(Arena arena, MemorySegment input, int length, long maxPixels)
      throws Throwable {
    MemorySegment f = arena.allocate(FEATURES);
    int status =
        (int) webp.getFeatures.invokeExact(input, (long) length, f, WEBP_DECODER_ABI_VERSION);
    if (status != VP8_STATUS_OK) {
      throw failure(status, "in the headers");
    }
    WebpInfo info =
        new WebpInfo(
            f.get(JAVA_INT, FEATURES_WIDTH),
            f.get(JAVA_INT, FEATURES_HEIGHT),
            f.get(JAVA_INT, FEATURES_HAS_ALPHA) != 0,
            f.get(JAVA_INT, FEATURES_HAS_ANIMATION) != 0,
            f.get(JAVA_INT, FEATURES_FORMAT));
    if (info.width() <= 0 || info.height() <= 0) {
      throw new WebpException(
          Kind.INVALID, "the headers give an invalid size " + info.width() + "x" + info.height());
    }
    if (info.pixels() > maxPixels || info.pixels() > Integer.MAX_VALUE / 4) {
      throw new WebpException(
          Kind.TOO_LARGE,
          "the image is "
              + info.width()
              + "x"
              + info.height()
              + " ("
              + info.pixels()
              + " pixels), more than the "
              + Math.min(maxPixels, Integer.MAX_VALUE / 4)
              + " allowed");
    }
    return info;
  }

  /** {@code WebPDecode} into an output buffer of this binding's (external memory), as BGRA. */
  private int[] still(Arena arena, MemorySegment input, int length, WebpInfo info)
      throws Throwable {
    MemorySegment config = arena.allocate(DECODER_CONFIG);
    if ((int) webp.initDecoderConfig.invokeExact(config, WEBP_DECODER_ABI_VERSION) == 0) {
      throw new IllegalStateException("WebPInitDecoderConfig refused ABI 0x0209");
    }
    long bytes = info.pixels() * 4;
    MemorySegment pixels = arena.allocate(bytes, 4);
    config.set(JAVA_INT, OPTIONS_NO_FANCY_UPSAMPLING, 0);
    config.set(JAVA_INT, OPTIONS_USE_THREADS, 0);
    config.set(JAVA_INT, OUTPUT_COLORSPACE, MODE_BGRA);
    config.set(JAVA_INT, OUTPUT_IS_EXTERNAL_MEMORY, 1);
    config.set(ADDRESS, OUTPUT_RGBA, pixels);
    config.set(JAVA_INT, OUTPUT_STRIDE, info.width() * 4);
    config.set(JAVA_LONG, OUTPUT_SIZE, bytes);
    int status;
    try {
      status = (int) webp.decode.invokeExact(input, (long) length, config);
    } finally {
      webp.freeDecBuffer.invokeExact(config.asSlice(CONFIG_OUTPUT)); // frees nothing of ours
    }
    if (status != VP8_STATUS_OK) {
      throw failure(status, "in the image data");
    }
    return pixels.toArray(JAVA_INT);
  }

  private static void checkInput(byte[] data, long maxPixels) throws WebpException {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    if (data.length == 0) {
      throw new WebpException(Kind.TRUNCATED, "the data is empty");
    }
  }

  /** What a {@code VP8StatusCode} other than {@code VP8_STATUS_OK} means. */
  static WebpException failure(int status, String where) {
    return switch (status) {
      case VP8_STATUS_OUT_OF_MEMORY ->
          new WebpException(
              Kind.OUT_OF_MEMORY, "libwebp ran out of memory (VP8_STATUS_OUT_OF_MEMORY)");
      case VP8_STATUS_BITSTREAM_ERROR, VP8_STATUS_INVALID_PARAM ->
          new WebpException(
              Kind.INVALID, "libwebp found an error " + where + " (" + statusName(status) + ")");
      case VP8_STATUS_UNSUPPORTED_FEATURE ->
          new WebpException(
              Kind.UNSUPPORTED,
              "libwebp does not support a feature the data uses "
                  + where
                  + " (VP8_STATUS_UNSUPPORTED_FEATURE)");
      case VP8_STATUS_NOT_ENOUGH_DATA, VP8_STATUS_SUSPENDED ->
          new WebpException(
              Kind.TRUNCATED, "the data ends " + where + " (" + statusName(status) + ")");
      default ->
          new WebpException(
              Kind.INVALID, "libwebp failed " + where + " (" + statusName(status) + ")");
    };
  }

  /** The name of a {@code VP8StatusCode}. */
  static String statusName(int status) {
    return switch (status) {
      case VP8_STATUS_OK -> "VP8_STATUS_OK";
      case VP8_STATUS_OUT_OF_MEMORY -> "VP8_STATUS_OUT_OF_MEMORY";
      case VP8_STATUS_INVALID_PARAM -> "VP8_STATUS_INVALID_PARAM";
      case VP8_STATUS_BITSTREAM_ERROR -> "VP8_STATUS_BITSTREAM_ERROR";
      case VP8_STATUS_UNSUPPORTED_FEATURE -> "VP8_STATUS_UNSUPPORTED_FEATURE";
      case VP8_STATUS_SUSPENDED -> "VP8_STATUS_SUSPENDED";
      case VP8_STATUS_USER_ABORT -> "VP8_STATUS_USER_ABORT";
      case VP8_STATUS_NOT_ENOUGH_DATA -> "VP8_STATUS_NOT_ENOUGH_DATA";
      default -> "status " + status;
    };
  }

  /** The downcall handles. */
  static final class Functions {
    final MethodHandle initDecoderConfig;
    final MethodHandle getFeatures;
    final MethodHandle decode;
    final MethodHandle freeDecBuffer;
    final MethodHandle animOptionsInit;
    final MethodHandle animDecoderNew;
    final MethodHandle animDecoderGetInfo;
    final MethodHandle animDecoderHasMoreFrames;
    final MethodHandle animDecoderGetNext;
    final MethodHandle animDecoderDelete;

    private Functions(Binder decoder, Binder demux) {
      initDecoderConfig =
          decoder.bind(
              "WebPInitDecoderConfigInternal", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
      getFeatures =
          decoder.bind(
              "WebPGetFeaturesInternal",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT));
      decode =
          decoder.bind("WebPDecode", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
      freeDecBuffer = decoder.bind("WebPFreeDecBuffer", FunctionDescriptor.ofVoid(ADDRESS));
      animOptionsInit =
          demux.bind(
              "WebPAnimDecoderOptionsInitInternal",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
      animDecoderNew =
          demux.bind(
              "WebPAnimDecoderNewInternal",
              FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
      animDecoderGetInfo =
          demux.bind("WebPAnimDecoderGetInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
      animDecoderHasMoreFrames =
          demux.bind("WebPAnimDecoderHasMoreFrames", FunctionDescriptor.of(JAVA_INT, ADDRESS));
      animDecoderGetNext =
          demux.bind(
              "WebPAnimDecoderGetNext", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
      animDecoderDelete = demux.bind("WebPAnimDecoderDelete", FunctionDescriptor.ofVoid(ADDRESS));
    }
  }

  private record Binder(SymbolLookup lookup, Linker linker, String soname) {
    MethodHandle bind(String name, FunctionDescriptor descriptor) {
      MemorySegment symbol =
          lookup
              .find(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          soname + " has no " + name + " (libwebp 1.x needed)"));
      return linker.downcallHandle(symbol, descriptor);
    }
  }
}
