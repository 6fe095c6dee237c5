package io.imgedge.transform.codec.jxl;

import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_ALPHA_BITS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_ALPHA_EXPONENT_BITS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_BITS_PER_SAMPLE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_EXPONENT_BITS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_HAVE_ANIMATION;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_INFO;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_NUM_COLOR_CHANNELS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_NUM_EXTRA_CHANNELS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_ORIENTATION;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_USES_ORIGINAL_PROFILE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_XSIZE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.BASIC_YSIZE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.COLOR_ENCODING;
import static io.imgedge.transform.codec.jxl.JxlLayouts.COLOR_PRIMARIES;
import static io.imgedge.transform.codec.jxl.JxlLayouts.COLOR_SPACE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.COLOR_TRANSFER_FUNCTION;
import static io.imgedge.transform.codec.jxl.JxlLayouts.COLOR_WHITE_POINT;
import static io.imgedge.transform.codec.jxl.JxlLayouts.FORMAT_ALIGN;
import static io.imgedge.transform.codec.jxl.JxlLayouts.FORMAT_DATA_TYPE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.FORMAT_ENDIANNESS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.FORMAT_NUM_CHANNELS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_COLOR_PROFILE_TARGET_DATA;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_COLOR_SPACE_GRAY;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_COLOR_SPACE_RGB;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_DEC_BASIC_INFO;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_DEC_COLOR_ENCODING;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_DEC_ERROR;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_DEC_FULL_IMAGE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_DEC_NEED_IMAGE_OUT_BUFFER;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_DEC_NEED_MORE_INPUT;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_DEC_SUCCESS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_ENC_FRAME_SETTING_EFFORT;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_ENC_FRAME_SETTING_PROGRESSIVE_DC;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_ENC_FRAME_SETTING_QPROGRESSIVE_AC;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_ENC_FRAME_SETTING_RESPONSIVE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_ENC_NEED_MORE_OUTPUT;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_ENC_SUCCESS;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_FALSE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_NATIVE_ENDIAN;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_PRIMARIES_SRGB;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_SIG_INVALID;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_TRANSFER_FUNCTION_SRGB;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_TRUE;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_TYPE_UINT8;
import static io.imgedge.transform.codec.jxl.JxlLayouts.JXL_WHITE_POINT_D65;
import static io.imgedge.transform.codec.jxl.JxlLayouts.PIXEL_FORMAT;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.imgedge.transform.codec.jxl.JxlException.Kind;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * The libjxl 0.7 encoder and decoder functions imgedge calls, bound once per instance through the
 * FFM API. Every call creates and destroys its own {@code JxlEncoder} or {@code JxlDecoder} (with
 * libjxl's default, single-threaded runner: requests already run in parallel), and frees all the
 * native memory it used before returning, so an instance is thread-safe and holds nothing between
 * calls. Pixels are exchanged as packed {@code int}s in the layout of {@code
 * BufferedImage.TYPE_INT_ARGB} ({@code 0xAARRGGBB}, not premultiplied, sRGB-encoded for the
 * encoder).
 *
 * {@snippet :
 * LibJxl jxl = LibJxl.load(LibJxl.DEFAULT_LIBRARY);       // throws if absent or not 0.7.x
 * byte[] out = jxl.encode(argb, width, height, false, JxlSettings.forQuality(80, 5));
 * JxlInfo info = jxl.info(out, 50_000_000);               // header only
 * JxlPixels first = jxl.decode(out, 50_000_000);          // stored orientation; ICC or null (sRGB)
 * }
 */
public final class LibJxl {
  /** The soname of Debian's {@code libjxl0.7} (encoder and decoder in one library). */
  public static final String DEFAULT_LIBRARY = "libjxl.so.0.7";

  /** The versions whose struct layouts {@link JxlLayouts} was checked against: 0.7.x. */
  private static final int FIRST_VERIFIED = 7_000;

  private static final int LAST_VERIFIED = 7_999;

  /** The packed pixels of {@code JXL_TYPE_UINT8} R, G, B, A bytes, read as one int: 0xAABBGGRR. */
  private static final ValueLayout.OfInt RGBA_BYTES =
      JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /** Output chunks: libjxl writes the codestream in pieces of at least this much. */
  private static final long MIN_OUTPUT_CHUNK = 64 << 10;

  private static final long MAX_OUTPUT_CHUNK = 4 << 20;

  /** An ICC profile larger than this is refused (libjxl's own limit is 256 MiB). */
  private static final long MAX_ICC_BYTES = 16 << 20;

  private final Functions jxl;
  private final String version;

  private LibJxl(Functions functions, String version) {
    this.jxl = functions;
    this.version = version;
  }

  /**
   * Loads and binds the library, after checking that it is a version whose struct layouts this
   * binding was verified against (0.7.x).
   *
   * @param soname a soname or path, normally {@link #DEFAULT_LIBRARY}
   * @throws IllegalArgumentException if the library cannot be loaded (absent), is another version,
   *     or lacks a function
   */
  public static LibJxl load(String soname) {
    SymbolLookup lookup;
    try {
      lookup = SymbolLookup.libraryLookup(soname, Arena.global());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "libjxl is not available: "
              + soname
              + " cannot be loaded ("
              + e.getMessage()
              + "); on Debian install libjxl0.7",
          e);
    }
    Binder binder = new Binder(lookup, Linker.nativeLinker());
    String version =
        checkVersion(
            callVersion(binder.bind("JxlEncoderVersion", FunctionDescriptor.of(JAVA_INT))),
            callVersion(binder.bind("JxlDecoderVersion", FunctionDescriptor.of(JAVA_INT))),
            soname);
    return new LibJxl(new Functions(binder), version);
  }

  /**
   * {@code libjxl 0.7.0} for verified versions ({@code JxlEncoderVersion()} and {@code
   * JxlDecoderVersion()}: major * 1000000 + minor * 1000 + patch).
   *
   * @throws IllegalArgumentException for any other version, saying which was found
   */
  static String checkVersion(int encoder, int decoder, String soname) {
    if (!verified(encoder) || !verified(decoder)) {
      throw new IllegalArgumentException(
          soname
              + " is libjxl "
              + describe(decoder)
              + (encoder == decoder ? "" : " (encoder " + describe(encoder) + ")")
              + ", but imgedge's binding was verified against the struct layouts of libjxl 0.7.x only"
              + " (JxlBasicInfo, JxlPixelFormat, JxlColorEncoding): check them with"
              + " transform/src/test/resources/native/jxl_layout.c before accepting it");
    }
    return "libjxl " + describe(decoder);
  }

  private static int callVersion(MethodHandle function) {
    try {
      return (int) function.invokeExact();
    } catch (Throwable t) {
      throw new IllegalStateException("libjxl's version call failed", t);
    }
  }

  private static boolean verified(int version) {
    return version >= FIRST_VERIFIED && version <= LAST_VERIFIED;
  }

  /** {@code 7000} as {@code 0.7.0}. */
  private static String describe(int version) {
    return (version / 1_000_000) + "." + (version / 1_000 % 1_000) + "." + (version % 1_000);
  }

  /** The library's version, e.g. {@code libjxl 0.7.0}. */
  public String version() {
    return version;
  }

  /**
   * Reads the header ({@code JxlBasicInfo}) without decoding pixels.
   *
   * @param maxPixels the most pixels (stored width x height) the caller accepts
   * @throws JxlException if the data is not JPEG XL, ends before the header does, or the image has
   *     more than {@code maxPixels} pixels ({@link Kind#TOO_LARGE})
   */
  public JxlInfo info(byte[] data, long maxPixels) throws JxlException {
    checkInput(data, maxPixels);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment dec =
          created(
              (MemorySegment) jxl.decoderCreate.invokeExact(MemorySegment.NULL),
              "JxlDecoderCreate");
      try {
        start(dec, arena, data, JXL_DEC_BASIC_INFO);
        int status = (int) jxl.processInput.invokeExact(dec);
        if (status != JXL_DEC_BASIC_INFO) {
          throw failure(status, "before the header");
        }
        return basicInfo(dec, arena, maxPixels);
      } finally {
        jxl.decoderDestroy.invokeExact(dec);
      }
    } catch (JxlException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libjxl call failed", t);
    }
  }

  /**
   * Decodes the first frame (of an animation, the first displayed one, composited) as 8-bit
   * non-premultiplied ARGB, in the stored orientation ({@code JxlDecoderSetKeepOrientation}): the
   * caller applies {@link JxlInfo#orientation()} as an EXIF orientation. Gray images come out as R
   * = G = B. Lossy (XYB-coded) images are rendered to sRGB by libjxl; others are returned in their
   * own colour space with its ICC profile, for the caller to convert.
   *
   * @param maxPixels the most pixels the caller accepts: a larger image is refused from its header,
   *     before any pixel is decoded ({@link Kind#TOO_LARGE})
   * @throws JxlException if the data is corrupt ({@link Kind#INVALID}), truncated ({@link
   *     Kind#TRUNCATED}) or too large
   */
  public JxlPixels decode(byte[] data, long maxPixels) throws JxlException {
    checkInput(data, maxPixels);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment dec =
          created(
              (MemorySegment) jxl.decoderCreate.invokeExact(MemorySegment.NULL),
              "JxlDecoderCreate");
      try {
        start(dec, arena, data, JXL_DEC_BASIC_INFO | JXL_DEC_COLOR_ENCODING | JXL_DEC_FULL_IMAGE);
        return firstFrame(dec, arena, maxPixels);
      } finally {
        jxl.decoderDestroy.invokeExact(dec);
      }
    } catch (JxlException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libjxl call failed", t);
    }
  }

  /** Runs the decoder from its header to the end of the first frame. */
  private JxlPixels firstFrame(MemorySegment dec, Arena arena, long maxPixels) throws Throwable {
    JxlInfo info = null;
    byte[] icc = null;
    MemorySegment pixels = null;
    while (true) {
      int status = (int) jxl.processInput.invokeExact(dec);
      switch (status) {
        case JXL_DEC_BASIC_INFO -> info = basicInfo(dec, arena, maxPixels);
        case JXL_DEC_COLOR_ENCODING -> icc = outputProfile(dec, arena, require(info));
        case JXL_DEC_NEED_IMAGE_OUT_BUFFER -> pixels = outputBuffer(dec, arena, require(info));
        case JXL_DEC_FULL_IMAGE -> {
          return new JxlPixels(require(info), argb(require(pixels), require(info)), icc);
        }
        default -> throw failure(status, "before the first frame was complete");
      }
    }
  }

  private static <T> T require(@Nullable T value) throws JxlException {
    if (value == null) {
      throw new JxlException(Kind.INVALID, "libjxl reported events out of order");
    }
    return value;
  }

  /**
   * Sets the decoder up: the stored orientation (without it, libjxl reports orientation 1 and the
   * turned size, even in the basic info), non-premultiplied alpha, the events, the input.
   */
  private void start(MemorySegment dec, Arena arena, byte[] data, int events) throws Throwable {
    MemorySegment input = arena.allocateFrom(JAVA_BYTE, data);
    if ((int) jxl.signatureCheck.invokeExact(input, (long) data.length) == JXL_SIG_INVALID) {
      throw new JxlException(
          Kind.INVALID, "the data is not JPEG XL (no codestream or container signature)");
    }
    check((int) jxl.setKeepOrientation.invokeExact(dec, JXL_TRUE), "JxlDecoderSetKeepOrientation");
    check(
        (int) jxl.setUnpremultiplyAlpha.invokeExact(dec, JXL_TRUE),
        "JxlDecoderSetUnpremultiplyAlpha");
    check((int) jxl.subscribeEvents.invokeExact(dec, events), "JxlDecoderSubscribeEvents");
    // The whole input, and no JxlDecoderCloseInput (optional without box events): with it, libjxl
    // 0.7 answers a truncated file with JXL_DEC_ERROR (and a "missing input" line on stderr);
    // without it, with JXL_DEC_NEED_MORE_INPUT, which after the whole file means truncated.
    check((int) jxl.setInput.invokeExact(dec, input, (long) data.length), "JxlDecoderSetInput");
  }

  private JxlInfo basicInfo(MemorySegment dec, Arena arena, long maxPixels) throws Throwable {
    MemorySegment b = arena.allocate(BASIC_INFO);
    check((int) jxl.getBasicInfo.invokeExact(dec, b), "JxlDecoderGetBasicInfo");
    long width = Integer.toUnsignedLong(b.get(JAVA_INT, BASIC_XSIZE));
    long height = Integer.toUnsignedLong(b.get(JAVA_INT, BASIC_YSIZE));
    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new JxlException(
          Kind.INVALID, "the header has an invalid size " + width + "x" + height);
    }
    if (width * height > maxPixels || width * height > Integer.MAX_VALUE - 8) {
      throw new JxlException(
          Kind.TOO_LARGE,
          "the image is "
              + width
              + "x"
              + height
              + " ("
              + width * height
              + " pixels), more than the "
              + maxPixels
              + " allowed");
    }
    return new JxlInfo(
        (int) width,
        (int) height,
        b.get(JAVA_INT, BASIC_BITS_PER_SAMPLE),
        b.get(JAVA_INT, BASIC_ALPHA_BITS),
        b.get(JAVA_INT, BASIC_ORIENTATION),
        b.get(JAVA_INT, BASIC_HAVE_ANIMATION) != JXL_FALSE,
        b.get(JAVA_INT, BASIC_NUM_COLOR_CHANNELS),
        b.get(JAVA_INT, BASIC_NUM_EXTRA_CHANNELS),
        b.get(JAVA_INT, BASIC_USES_ORIGINAL_PROFILE) != JXL_FALSE);
  }

  /**
   * At the colour-encoding event: asks for sRGB output where libjxl may choose (XYB-coded images;
   * without this it renders those with an ICC profile as linear sRGB, which 8 bits cannot hold),
   * then returns the profile of the output, or null when that is sRGB.
   */
  private byte @Nullable [] outputProfile(MemorySegment dec, Arena arena, JxlInfo info)
      throws Throwable {
    if (!info.usesOriginalProfile()) {
      MemorySegment srgb = arena.allocate(COLOR_ENCODING);
      jxl.colorEncodingSetToSrgb.invokeExact(srgb, info.gray() ? JXL_TRUE : JXL_FALSE);
      // Only a preference: the output profile read below says what libjxl does.
      int ignored = (int) jxl.setPreferredColorProfile.invokeExact(dec, srgb);
    }
    MemorySegment encoding = arena.allocate(COLOR_ENCODING);
    int rc =
        (int)
            jxl.getColorAsEncodedProfile.invokeExact(
                dec, MemorySegment.NULL, JXL_COLOR_PROFILE_TARGET_DATA, encoding);
    if (rc == JXL_DEC_SUCCESS && isSrgb(encoding)) {
      return null;
    }
    return iccProfile(dec, arena);
  }

  /** sRGB or sRGB gray: D65, the sRGB transfer curve, and (for colour) the sRGB primaries. */
  private static boolean isSrgb(MemorySegment encoding) {
    int space = encoding.get(JAVA_INT, COLOR_SPACE);
    boolean primaries =
        space == JXL_COLOR_SPACE_GRAY
            || space == JXL_COLOR_SPACE_RGB
                && encoding.get(JAVA_INT, COLOR_PRIMARIES) == JXL_PRIMARIES_SRGB;
    return primaries
        && encoding.get(JAVA_INT, COLOR_WHITE_POINT) == JXL_WHITE_POINT_D65
        && encoding.get(JAVA_INT, COLOR_TRANSFER_FUNCTION) == JXL_TRANSFER_FUNCTION_SRGB;
  }

  /** The ICC profile of the output pixels, or null if libjxl has none to give. */
  private byte @Nullable [] iccProfile(MemorySegment dec, Arena arena) throws Throwable {
    MemorySegment size = arena.allocate(JAVA_LONG);
    int rc =
        (int)
            jxl.getIccProfileSize.invokeExact(
                dec, MemorySegment.NULL, JXL_COLOR_PROFILE_TARGET_DATA, size);
    long n = size.get(JAVA_LONG, 0);
    if (rc != JXL_DEC_SUCCESS || n <= 0) {
      return null;
    }
    if (n > MAX_ICC_BYTES) {
      throw new JxlException(
          Kind.UNSUPPORTED, "the ICC profile has " + n + " bytes, more than " + MAX_ICC_BYTES);
    }
    MemorySegment icc = arena.allocate(n);
    check(
        (int)
            jxl.getColorAsIccProfile.invokeExact(
                dec, MemorySegment.NULL, JXL_COLOR_PROFILE_TARGET_DATA, icc, n),
        "JxlDecoderGetColorAsICCProfile");
    return icc.toArray(JAVA_BYTE);
  }

  /** A native buffer for the frame, 4 bytes (R, G, B, A) per pixel, set as the decoder's output. */
  private MemorySegment outputBuffer(MemorySegment dec, Arena arena, JxlInfo info)
      throws Throwable {
    MemorySegment format = pixelFormat(arena, 4);
    MemorySegment size = arena.allocate(JAVA_LONG);
    check(
        (int) jxl.imageOutBufferSize.invokeExact(dec, format, size),
        "JxlDecoderImageOutBufferSize");
    long n = size.get(JAVA_LONG, 0);
    if (n != info.pixels() * 4) {
      throw new JxlException(
          Kind.UNSUPPORTED,
          "libjxl asks for a "
              + n
              + "-byte buffer for a "
              + info.width()
              + "x"
              + info.height()
              + " frame");
    }
    MemorySegment pixels = arena.allocate(n);
    check(
        (int) jxl.setImageOutBuffer.invokeExact(dec, format, pixels, n),
        "JxlDecoderSetImageOutBuffer");
    return pixels;
  }

  /** R, G, B, A bytes to {@code 0xAARRGGBB}: the red and blue bytes trade places. */
  private static int[] argb(MemorySegment rgba, JxlInfo info) {
    int n = (int) info.pixels();
    int[] out = new int[n];
    MemorySegment.copy(rgba, RGBA_BYTES, 0, out, 0, n);
    for (int i = 0; i < n; i++) {
      out[i] = swapRedBlue(out[i]);
    }
    return out;
  }

  private static int swapRedBlue(int p) {
    return p & 0xFF00FF00 | (p >>> 16) & 0xFF | (p & 0xFF) << 16;
  }

  /**
   * Encodes 8-bit sRGB pixels. Lossy settings code them in XYB ({@code uses_original_profile}
   * false); lossless ones keep them exactly. Alpha, when asked for, is an 8-bit extra channel.
   *
   * @param argbPixels {@code 0xAARRGGBB}, row by row, not premultiplied; alpha is ignored unless
   *     {@code alpha}
   * @throws JxlException if libjxl fails ({@link Kind#ENCODER})
   */
  public byte[] encode(int[] argbPixels, int width, int height, boolean alpha, JxlSettings settings)
      throws JxlException {
    if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("cannot encode a " + width + "x" + height + " image");
    }
    if (argbPixels.length < width * height) {
      throw new IllegalArgumentException("fewer pixels than " + width + "x" + height);
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment enc =
          created(
              (MemorySegment) jxl.encoderCreate.invokeExact(MemorySegment.NULL),
              "JxlEncoderCreate");
      try {
        configure(enc, arena, width, height, alpha, settings.lossless());
        MemorySegment frame = frameSettings(enc, settings);
        int channels = alpha ? 4 : 3;
        MemorySegment pixels = packed(arena, argbPixels, width, height, alpha);
        checkEncoder(
            enc,
            (int)
                jxl.addImageFrame.invokeExact(
                    frame, pixelFormat(arena, channels), pixels, pixels.byteSize()),
            "JxlEncoderAddImageFrame");
        jxl.encoderCloseInput.invokeExact(enc);
        return output(enc, arena, pixels.byteSize() / 8);
      } finally {
        jxl.encoderDestroy.invokeExact(enc);
      }
    } catch (JxlException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libjxl call failed", t);
    }
  }

  /** Basic info (from {@code JxlEncoderInitBasicInfo}'s defaults) and the sRGB colour encoding. */
  private void configure(
      MemorySegment enc, Arena arena, int width, int height, boolean alpha, boolean lossless)
      throws Throwable {
    MemorySegment b = arena.allocate(BASIC_INFO);
    jxl.initBasicInfo.invokeExact(b);
    b.set(JAVA_INT, BASIC_XSIZE, width);
    b.set(JAVA_INT, BASIC_YSIZE, height);
    b.set(JAVA_INT, BASIC_BITS_PER_SAMPLE, 8);
    b.set(JAVA_INT, BASIC_EXPONENT_BITS, 0);
    b.set(JAVA_INT, BASIC_NUM_COLOR_CHANNELS, 3);
    b.set(JAVA_INT, BASIC_USES_ORIGINAL_PROFILE, lossless ? JXL_TRUE : JXL_FALSE);
    b.set(JAVA_INT, BASIC_NUM_EXTRA_CHANNELS, alpha ? 1 : 0);
    b.set(JAVA_INT, BASIC_ALPHA_BITS, alpha ? 8 : 0);
    b.set(JAVA_INT, BASIC_ALPHA_EXPONENT_BITS, 0);
    checkEncoder(enc, (int) jxl.setBasicInfo.invokeExact(enc, b), "JxlEncoderSetBasicInfo");
    MemorySegment srgb = arena.allocate(COLOR_ENCODING);
    jxl.colorEncodingSetToSrgb.invokeExact(srgb, JXL_FALSE);
    checkEncoder(
        enc, (int) jxl.setColorEncoding.invokeExact(enc, srgb), "JxlEncoderSetColorEncoding");
  }

  private MemorySegment frameSettings(MemorySegment enc, JxlSettings settings) throws Throwable {
    MemorySegment frame =
        created(
            (MemorySegment) jxl.frameSettingsCreate.invokeExact(enc, MemorySegment.NULL),
            "JxlEncoderFrameSettingsCreate");
    checkEncoder(
        enc,
        (int)
            jxl.frameSettingsSetOption.invokeExact(
                frame, JXL_ENC_FRAME_SETTING_EFFORT, (long) settings.effort()),
        "JxlEncoderFrameSettingsSetOption(EFFORT)");
    if (settings.progressive()) {
      long[][] options =
          settings.lossless()
              ? new long[][] {{JXL_ENC_FRAME_SETTING_RESPONSIVE, 1}}
              : new long[][] {
                {JXL_ENC_FRAME_SETTING_PROGRESSIVE_DC, 1},
                {JXL_ENC_FRAME_SETTING_QPROGRESSIVE_AC, 1}
              };
      for (long[] option : options) {
        checkEncoder(
            enc,
            (int) jxl.frameSettingsSetOption.invokeExact(frame, (int) option[0], option[1]),
            "JxlEncoderFrameSettingsSetOption(progressive)");
      }
    }
    if (settings.lossless()) {
      checkEncoder(
          enc,
          (int) jxl.setFrameLossless.invokeExact(frame, JXL_TRUE),
          "JxlEncoderSetFrameLossless");
    } else {
      checkEncoder(
          enc,
          (int) jxl.setFrameDistance.invokeExact(frame, settings.distance()),
          "JxlEncoderSetFrameDistance");
    }
    return frame;
  }

  /** The pixels as native R, G, B (, A) bytes, row by row. */
  private static MemorySegment packed(
      Arena arena, int[] argb, int width, int height, boolean alpha) {
    int channels = alpha ? 4 : 3;
    MemorySegment out = arena.allocate((long) width * height * channels);
    byte[] row = new byte[width * channels];
    for (int y = 0; y < height; y++) {
      int i = y * width;
      for (int x = 0, o = 0; x < width; x++, o += channels) {
        int p = argb[i + x];
        row[o] = (byte) (p >>> 16);
        row[o + 1] = (byte) (p >>> 8);
        row[o + 2] = (byte) p;
        if (alpha) {
          row[o + 3] = (byte) (p >>> 24);
        }
      }
      MemorySegment.copy(row, 0, out, JAVA_BYTE, (long) y * row.length, row.length);
    }
    return out;
  }

  /** Runs {@code JxlEncoderProcessOutput} until done, collecting the codestream chunk by chunk. */
  private byte[] output(MemorySegment enc, Arena arena, long sizeHint) throws Throwable {
    long chunkSize = Math.clamp(sizeHint, MIN_OUTPUT_CHUNK, MAX_OUTPUT_CHUNK);
    MemorySegment chunk = arena.allocate(chunkSize);
    MemorySegment nextOut = arena.allocate(ADDRESS);
    MemorySegment availOut = arena.allocate(JAVA_LONG);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(chunkSize, 1 << 20));
    while (true) {
      nextOut.set(ADDRESS, 0, chunk);
      availOut.set(JAVA_LONG, 0, chunkSize);
      int status = (int) jxl.processOutput.invokeExact(enc, nextOut, availOut);
      long written = chunkSize - availOut.get(JAVA_LONG, 0);
      out.write(chunk.asSlice(0, written).toArray(JAVA_BYTE));
      if (status == JXL_ENC_SUCCESS) {
        return out.toByteArray();
      }
      if (status != JXL_ENC_NEED_MORE_OUTPUT) {
        checkEncoder(enc, status, "JxlEncoderProcessOutput");
      }
      if (written == 0) {
        throw new JxlException(
            Kind.ENCODER, "JxlEncoderProcessOutput wrote nothing into " + chunkSize + " bytes");
      }
    }
  }

  private static MemorySegment pixelFormat(Arena arena, int channels) {
    MemorySegment f = arena.allocate(PIXEL_FORMAT);
    f.set(JAVA_INT, FORMAT_NUM_CHANNELS, channels);
    f.set(JAVA_INT, FORMAT_DATA_TYPE, JXL_TYPE_UINT8);
    f.set(JAVA_INT, FORMAT_ENDIANNESS, JXL_NATIVE_ENDIAN);
    f.set(JAVA_LONG, FORMAT_ALIGN, 0);
    return f;
  }

  private static void checkInput(byte[] data, long maxPixels) throws JxlException {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    if (data.length == 0) {
      throw new JxlException(Kind.TRUNCATED, "the data is empty");
    }
  }

  private static MemorySegment created(MemorySegment object, String function) {
    if (object.equals(MemorySegment.NULL)) {
      throw new IllegalStateException(function + " returned nothing (out of memory?)");
    }
    return object;
  }

  /** A decoder call that only fails if it is misused (or out of memory). */
  private static void check(int status, String function) throws JxlException {
    if (status != JXL_DEC_SUCCESS) {
      throw new JxlException(Kind.INVALID, function + " failed (status " + status + ")");
    }
  }

  /** What an unexpected status from {@code JxlDecoderProcessInput} means. */
  private static JxlException failure(int status, String where) {
    return switch (status) {
      case JXL_DEC_ERROR ->
          new JxlException(
              Kind.INVALID,
              "libjxl cannot decode the data: it is corrupt or uses a feature libjxl lacks (error "
                  + where
                  + ")");
      case JXL_DEC_NEED_MORE_INPUT -> new JxlException(Kind.TRUNCATED, "the data ends " + where);
      case JXL_DEC_SUCCESS -> new JxlException(Kind.INVALID, "the codestream ended " + where);
      default ->
          new JxlException(
              Kind.UNSUPPORTED, "libjxl returned the unexpected status " + status + " " + where);
    };
  }

  private void checkEncoder(MemorySegment enc, int status, String function) throws Throwable {
    if (status != JXL_ENC_SUCCESS) {
      int error = (int) jxl.encoderGetError.invokeExact(enc);
      throw new JxlException(Kind.ENCODER, function + " failed: " + encoderError(error));
    }
  }

  private static String encoderError(int error) {
    return switch (error) {
      case 1 -> "generic error (JXL_ENC_ERR_GENERIC)";
      case 2 -> "out of memory (JXL_ENC_ERR_OOM)";
      case 3 -> "JPEG reconstruction data cannot be represented (JXL_ENC_ERR_JBRD)";
      case 4 -> "invalid input (JXL_ENC_ERR_BAD_INPUT)";
      case 0x80 -> "not supported (JXL_ENC_ERR_NOT_SUPPORTED)";
      case 0x81 -> "API misuse (JXL_ENC_ERR_API_USAGE)";
      default -> "error " + error;
    };
  }

  /** The downcall handles. */
  private static final class Functions {
    final MethodHandle signatureCheck;
    final MethodHandle decoderCreate;
    final MethodHandle decoderDestroy;
    final MethodHandle subscribeEvents;
    final MethodHandle setKeepOrientation;
    final MethodHandle setUnpremultiplyAlpha;
    final MethodHandle setInput;
    final MethodHandle processInput;
    final MethodHandle getBasicInfo;
    final MethodHandle getColorAsEncodedProfile;
    final MethodHandle getIccProfileSize;
    final MethodHandle getColorAsIccProfile;
    final MethodHandle setPreferredColorProfile;
    final MethodHandle imageOutBufferSize;
    final MethodHandle setImageOutBuffer;
    final MethodHandle encoderCreate;
    final MethodHandle encoderDestroy;
    final MethodHandle initBasicInfo;
    final MethodHandle setBasicInfo;
    final MethodHandle colorEncodingSetToSrgb;
    final MethodHandle setColorEncoding;
    final MethodHandle frameSettingsCreate;
    final MethodHandle frameSettingsSetOption;
    final MethodHandle setFrameLossless;
    final MethodHandle setFrameDistance;
    final MethodHandle addImageFrame;
    final MethodHandle encoderCloseInput;
    final MethodHandle processOutput;
    final MethodHandle encoderGetError;

    Functions(Binder b) {
      FunctionDescriptor intOfPointer = FunctionDescriptor.of(JAVA_INT, ADDRESS);
      FunctionDescriptor intOfPointerInt = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
      FunctionDescriptor intOfTwoPointers = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
      FunctionDescriptor voidOfPointer = FunctionDescriptor.ofVoid(ADDRESS);
      signatureCheck =
          b.bind("JxlSignatureCheck", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
      decoderCreate = b.bind("JxlDecoderCreate", FunctionDescriptor.of(ADDRESS, ADDRESS));
      decoderDestroy = b.bind("JxlDecoderDestroy", voidOfPointer);
      subscribeEvents = b.bind("JxlDecoderSubscribeEvents", intOfPointerInt);
      setKeepOrientation = b.bind("JxlDecoderSetKeepOrientation", intOfPointerInt);
      setUnpremultiplyAlpha = b.bind("JxlDecoderSetUnpremultiplyAlpha", intOfPointerInt);
      setInput =
          b.bind(
              "JxlDecoderSetInput", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
      processInput = b.bind("JxlDecoderProcessInput", intOfPointer);
      getBasicInfo = b.bind("JxlDecoderGetBasicInfo", intOfTwoPointers);
      getColorAsEncodedProfile =
          b.bind(
              "JxlDecoderGetColorAsEncodedProfile",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
      getIccProfileSize =
          b.bind(
              "JxlDecoderGetICCProfileSize",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
      getColorAsIccProfile =
          b.bind(
              "JxlDecoderGetColorAsICCProfile",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG));
      setPreferredColorProfile = b.bind("JxlDecoderSetPreferredColorProfile", intOfTwoPointers);
      imageOutBufferSize =
          b.bind(
              "JxlDecoderImageOutBufferSize",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
      setImageOutBuffer =
          b.bind(
              "JxlDecoderSetImageOutBuffer",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
      encoderCreate = b.bind("JxlEncoderCreate", FunctionDescriptor.of(ADDRESS, ADDRESS));
      encoderDestroy = b.bind("JxlEncoderDestroy", voidOfPointer);
      initBasicInfo = b.bind("JxlEncoderInitBasicInfo", voidOfPointer);
      setBasicInfo = b.bind("JxlEncoderSetBasicInfo", intOfTwoPointers);
      colorEncodingSetToSrgb =
          b.bind("JxlColorEncodingSetToSRGB", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
      setColorEncoding = b.bind("JxlEncoderSetColorEncoding", intOfTwoPointers);
      frameSettingsCreate =
          b.bind("JxlEncoderFrameSettingsCreate", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
      frameSettingsSetOption =
          b.bind(
              "JxlEncoderFrameSettingsSetOption",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG));
      setFrameLossless = b.bind("JxlEncoderSetFrameLossless", intOfPointerInt);
      setFrameDistance =
          b.bind(
              "JxlEncoderSetFrameDistance", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_FLOAT));
      addImageFrame =
          b.bind(
              "JxlEncoderAddImageFrame",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
      encoderCloseInput = b.bind("JxlEncoderCloseInput", voidOfPointer);
      processOutput =
          b.bind(
              "JxlEncoderProcessOutput",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
      encoderGetError = b.bind("JxlEncoderGetError", intOfPointer);
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
                          "the libjxl library has no " + name + " (libjxl 0.7 needed)"));
      return linker.downcallHandle(symbol, descriptor);
    }
  }
}
