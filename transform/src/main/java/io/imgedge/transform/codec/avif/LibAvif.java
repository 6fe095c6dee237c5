package io.imgedge.transform.codec.avif;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The libavif 0.11 functions imgedge calls, bound once per instance through the FFM API. Every call
 * creates and destroys its own encoder or decoder, copies its input into native memory it frees
 * before returning, and keeps no native pointer beyond the call, so an instance is thread-safe and
 * holds no native memory between calls. Pixels are exchanged as packed {@code int}s in the layout
 * of {@code BufferedImage.TYPE_INT_ARGB} ({@code 0xAARRGGBB}: libavif's {@code BGRA} on a
 * little-endian machine), 8 bits per channel, not premultiplied.
 *
 * <p>The structs are read and written at fixed offsets, those of libavif 0.11's {@code avif.h} (1.x
 * moved fields), so {@link #load} refuses another version and checks the offsets against the
 * defaults libavif's constructors set. They were taken from {@code offsetof}/{@code sizeof} on
 * x86-64 (the C program and its output are in {@code
 * transform/src/test/resources/native/avif_offsets.c} and {@code .expected}):
 *
 * <pre>
 * avifRWData   (16)  data 0, size 8
 * avifImage    (192) width 0, height 4, depth 8, yuvFormat 12, yuvRange 16, icc 88,
 *                    colorPrimaries 104, transferCharacteristics 106, matrixCoefficients 108 (u16),
 *                    transformFlags 112, irot.angle 156 (u8), imir.mode 157 (u8), exif 160
 * avifRGBImage (56)  width 0, height 4, depth 8, format 12, ignoreAlpha 28,
 *                    alphaPremultiplied 32, pixels 40, rowBytes 48
 * avifEncoder  (344) codecChoice 0, maxThreads 4, speed 8, timescale 16 (u64), minQuantizer 24,
 *                    maxQuantizer 28, minQuantizerAlpha 32, maxQuantizerAlpha 36, diag.error 72
 * avifDecoder  (432) maxThreads 4, ignoreXMP 24, imageSizeLimit 28, imageDimensionLimit 32,
 *                    imageCountLimit 36, strictFlags 40, image 48, imageCount 60,
 *                    alphaPresent 136, diag.error 160
 * </pre>
 *
 * {@snippet :
 * LibAvif avif = LibAvif.load(LibAvif.DEFAULT_LIBRARY);   // throws if absent or not 0.11
 * byte[] out = avif.encode(pixels, w, h, true, AvifSettings.forQuality(60, 8, 420, 1));
 * AvifInfo info = avif.parse(out, 50_000_000);             // the container only
 * AvifPixels decoded = avif.decode(out, 50_000_000);
 * }
 */
public final class LibAvif {
  /** The soname of Debian bookworm's {@code libavif15} (libavif 0.11). */
  public static final String DEFAULT_LIBRARY = "libavif.so.15";

  /**
   * The most images a file may declare ({@code imageCountLimit}; libavif's default is 2,592,000): a
   * sequence with more is refused at parse time. Only the first image is ever decoded.
   */
  static final int IMAGE_COUNT_LIMIT = 256;

  /** libavif's own {@code AVIF_DEFAULT_IMAGE_SIZE_LIMIT}, the most {@code imageSizeLimit} takes. */
  static final long LIBAVIF_SIZE_LIMIT = 16384L * 16384;

  // avifRWData
  private static final long RW_DATA_SIZE = 16;
  private static final long RW_DATA = 0;
  private static final long RW_SIZE = 8;
  // avifImage
  private static final long IMAGE_SIZE = 192;
  private static final long IMAGE_WIDTH = 0;
  private static final long IMAGE_HEIGHT = 4;
  private static final long IMAGE_DEPTH = 8;
  private static final long IMAGE_YUV_FORMAT = 12;
  private static final long IMAGE_YUV_RANGE = 16;
  private static final long IMAGE_ICC = 88;
  private static final long IMAGE_COLOR_PRIMARIES = 104;
  private static final long IMAGE_TRANSFER = 106;
  private static final long IMAGE_MATRIX = 108;
  private static final long IMAGE_TRANSFORM_FLAGS = 112;
  private static final long IMAGE_IROT_ANGLE = 156;
  private static final long IMAGE_IMIR_MODE = 157;
  private static final long IMAGE_EXIF = 160;
  // avifRGBImage
  private static final long RGB_SIZE = 56;
  private static final long RGB_WIDTH = 0;
  private static final long RGB_HEIGHT = 4;
  private static final long RGB_DEPTH = 8;
  private static final long RGB_FORMAT = 12;
  private static final long RGB_IGNORE_ALPHA = 28;
  private static final long RGB_ALPHA_PREMULTIPLIED = 32;
  private static final long RGB_PIXELS = 40;
  private static final long RGB_ROW_BYTES = 48;
  // avifEncoder
  private static final long ENCODER_SIZE = 344;
  private static final long ENCODER_CODEC_CHOICE = 0;
  private static final long ENCODER_MAX_THREADS = 4;
  private static final long ENCODER_SPEED = 8;
  private static final long ENCODER_TIMESCALE = 16;
  private static final long ENCODER_MIN_QUANTIZER = 24;
  private static final long ENCODER_MAX_QUANTIZER = 28;
  private static final long ENCODER_MIN_QUANTIZER_ALPHA = 32;
  private static final long ENCODER_MAX_QUANTIZER_ALPHA = 36;
  private static final long ENCODER_DIAG = 72;
  // avifDecoder
  private static final long DECODER_SIZE = 432;
  private static final long DECODER_MAX_THREADS = 4;
  private static final long DECODER_IGNORE_XMP = 24;
  private static final long DECODER_IMAGE_SIZE_LIMIT = 28;
  private static final long DECODER_IMAGE_DIMENSION_LIMIT = 32;
  private static final long DECODER_IMAGE_COUNT_LIMIT = 36;
  private static final long DECODER_STRICT_FLAGS = 40;

  /** {@code AVIF_STRICT_CLAP_VALID}: a {@code clap} box must describe a valid crop. */
  private static final int AVIF_STRICT_CLAP_VALID = 1 << 1;

  private static final long DECODER_IMAGE = 48;
  private static final long DECODER_IMAGE_COUNT = 60;
  private static final long DECODER_ALPHA_PRESENT = 136;
  private static final long DECODER_DIAG = 160;
  private static final int DIAG_LENGTH = 256;

  /**
   * libavif 0.11's diagnostic when an item's {@code ispe} exceeds {@code imageSizeLimit} or {@code
   * imageDimensionLimit} ("Item ID [1] dimensions are too large [WxH]", with {@code
   * AVIF_RESULT_BMFF_PARSE_FAILED}): the parse refuses the size before the binding's own check.
   */
  private static final String TOO_LARGE = "dimensions are too large";

  private static final int AVIF_RESULT_OK = 0;
  private static final int AVIF_PIXEL_FORMAT_YUV444 = 1;
  private static final int AVIF_PIXEL_FORMAT_YUV420 = 3;
  private static final int AVIF_RANGE_FULL = 1;
  private static final int AVIF_RGB_FORMAT_RGBA = 1;
  private static final int AVIF_RGB_FORMAT_BGRA = 4;
  private static final int AVIF_CODEC_CHOICE_AUTO = 0;
  private static final int AVIF_CODEC_CHOICE_AOM = 1;
  private static final int AVIF_CODEC_FLAG_CAN_ENCODE = 2;
  private static final short CICP_BT709 = 1;
  private static final short CICP_SRGB_TRANSFER = 13;
  private static final int OPAQUE = 0xFF000000;

  private final Functions av;
  private final String version;
  private final int encoderChoice;

  private LibAvif(Functions functions, String version, int encoderChoice) {
    this.av = functions;
    this.version = version;
    this.encoderChoice = encoderChoice;
  }

  /**
   * Loads and binds the library, and checks that it is libavif 0.11.x with 0.11's struct layout.
   *
   * @param soname a soname or path, normally {@link #DEFAULT_LIBRARY}
   * @throws IllegalArgumentException if the library cannot be loaded (absent), lacks a function, or
   *     is another version than 0.11.x (the struct layouts differ)
   * @throws IllegalStateException if this machine is not little-endian
   */
  public static LibAvif load(String soname) {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalStateException("the libavif binding assumes a little-endian machine");
    }
    SymbolLookup lookup;
    try {
      lookup = SymbolLookup.libraryLookup(soname, Arena.global());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "libavif ("
              + soname
              + ") did not load: "
              + e.getMessage()
              + "; install libavif15 (libavif 0.11)",
          e);
    }
    Linker linker = Linker.nativeLinker();
    String found = versionOf(lookup, linker);
    checkVersion(found);
    Functions functions = new Functions(lookup, linker);
    try {
      verifyLayout(functions);
      int encoder =
          functions.codecName(AVIF_CODEC_CHOICE_AOM, AVIF_CODEC_FLAG_CAN_ENCODE) != null
              ? AVIF_CODEC_CHOICE_AOM
              : AVIF_CODEC_CHOICE_AUTO;
      String version = "libavif " + found + " (" + functions.codecVersions() + ")";
      return new LibAvif(functions, version, encoder);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libavif call failed", t);
    }
  }

  /**
   * Refuses a libavif version other than 0.11.x.
   *
   * @throws IllegalArgumentException naming the version found
   */
  static void checkVersion(String version) {
    if (!version.startsWith("0.11.")) {
      throw new IllegalArgumentException(
          "libavif "
              + version
              + " is not 0.11.x: this binding reads "
              + "libavif 0.11's struct layouts, which 1.x changed");
    }
  }

  /**
   * The library and its codecs, e.g. {@code libavif 0.11.1 (dav1d [dec]:1.0.0, aom
   * [enc/dec]:v3.6.0, ...)}.
   */
  public String version() {
    return version;
  }

  /**
   * Encodes 8-bit sRGB pixels as a still AVIF: YUV 4:2:0 or 4:4:4 with the BT.709 matrix, full
   * range, signalled as CICP 1/13/1 (BT.709 primaries, sRGB transfer) in an {@code nclx} box, no
   * ICC profile, no metadata. With {@code alpha}, the alpha channel becomes the alpha plane (not
   * premultiplied; libavif leaves it out if every pixel is opaque); without, the top byte of each
   * int is ignored ({@code TYPE_INT_RGB} leaves it undefined).
   *
   * @param argb packed {@code 0xAARRGGBB} pixels, row by row, at least {@code width * height}
   * @throws AvifException if libavif fails
   */
  public byte[] encode(int[] argb, int width, int height, boolean alpha, AvifSettings settings)
      throws AvifException {
    int n = pixelCount(width, height);
    if (argb.length < n) {
      throw new IllegalArgumentException("fewer pixels than " + width + "x" + height);
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pixels = arena.allocate(JAVA_INT, n);
      MemorySegment.copy(argb, 0, pixels, JAVA_INT, 0, n);
      MemorySegment rgb = arena.allocate(RGB_SIZE, 8);
      MemorySegment output = arena.allocate(RW_DATA_SIZE, 8); // zeroed: AVIF_DATA_EMPTY
      MemorySegment image = MemorySegment.NULL;
      MemorySegment encoder = MemorySegment.NULL;
      try {
        image =
            created(
                av.imageCreate(
                    width,
                    height,
                    8,
                    settings.subsampled() ? AVIF_PIXEL_FORMAT_YUV420 : AVIF_PIXEL_FORMAT_YUV444),
                "avifImageCreate",
                IMAGE_SIZE);
        describeSrgb(image);
        av.rgbImageSetDefaults(rgb, image);
        pointAt(rgb, pixels, width, alpha);
        check(av.imageRgbToYuv(image, rgb), "avifImageRGBToYUV", null);
        encoder = created(av.encoderCreate(), "avifEncoderCreate", ENCODER_SIZE);
        configure(encoder, settings);
        check(
            av.encoderWrite(encoder, image, output),
            "avifEncoderWrite",
            encoder.asSlice(ENCODER_DIAG));
        return bytes(output)
            .orElseThrow(() -> new IllegalStateException("avifEncoderWrite wrote nothing"));
      } finally {
        av.rwDataFree(output);
        if (!encoder.equals(MemorySegment.NULL)) {
          av.encoderDestroy(encoder);
        }
        if (!image.equals(MemorySegment.NULL)) {
          av.imageDestroy(image);
        }
      }
    } catch (AvifException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libavif call failed", t);
    }
  }

  /**
   * Reads an AVIF's container ({@code avifDecoderParse}) without decoding any AV1 data: size,
   * depth, alpha, colour description, transformations, Exif, image count.
   *
   * @param maxPixels the most pixels (width x height) accepted; a larger image is refused
   * @throws AvifException if the data is not a valid AVIF, is truncated, or is too large
   */
  public AvifInfo parse(byte[] data, long maxPixels) throws AvifException {
    return withDecoder(data, maxPixels, (decoder, image) -> info(decoder, image, maxPixels));
  }

  /**
   * Decodes the first (usually the only) image to 8-bit, non-premultiplied ARGB: 10- and 12-bit
   * samples are scaled down and a premultiplied source is unpremultiplied by libavif's RGB
   * conversion; a monochrome image comes out gray. The colour values are the source's own (see
   * {@link AvifInfo#icc()} and the CICP fields); {@code irot}/{@code imir} are not applied. The
   * size limit is checked on the container before any AV1 data is decoded, and again on the decoded
   * frame (dav1d is given the same limit).
   *
   * @param maxPixels the most pixels (width x height) accepted; a larger image is refused
   * @throws AvifException if the data is not a valid AVIF, is truncated or corrupt, or is too large
   */
  public AvifPixels decode(byte[] data, long maxPixels) throws AvifException {
    return withDecoder(
        data,
        maxPixels,
        (decoder, image) -> {
          info(decoder, image, maxPixels); // the container's size, before decoding
          check(
              av.decoderNextImage(decoder), "avifDecoderNextImage", decoder.asSlice(DECODER_DIAG));
          AvifInfo info = info(decoder, image, maxPixels);
          return new AvifPixels(toArgb(image, info), info);
        });
  }

  /** What to do with a parsed decoder and its image (valid for the call only). */
  private interface DecoderAction<T> {
    T apply(MemorySegment decoder, MemorySegment image) throws Throwable;
  }

  private <T> T withDecoder(byte[] data, long maxPixels, DecoderAction<T> action)
      throws AvifException {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    try (Arena arena = Arena.ofConfined()) {
      // libavif reads the data in place: a native copy that lives until the decoder is destroyed.
      MemorySegment source = arena.allocate(Math.max(1, data.length));
      MemorySegment.copy(data, 0, source, JAVA_BYTE, 0, data.length);
      MemorySegment decoder = created(av.decoderCreate(), "avifDecoderCreate", DECODER_SIZE);
      try {
        limit(decoder, maxPixels);
        MemorySegment diag = decoder.asSlice(DECODER_DIAG);
        check(av.decoderSetIoMemory(decoder, source, data.length), "avifDecoderSetIOMemory", diag);
        check(av.decoderParse(decoder), "avifDecoderParse", diag);
        MemorySegment image =
            created(decoder.get(ADDRESS, DECODER_IMAGE), "avifDecoder.image", IMAGE_SIZE);
        return action.apply(decoder, image);
      } finally {
        av.decoderDestroy(decoder);
      }
    } catch (AvifException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("libavif call failed", t);
    }
  }

  /**
   * Single thread, the caller's size limit, few images, no XMP; of the strict checks only the
   * valid-{@code clap} one stays on: files without {@code pixi} or without an alpha {@code ispe}
   * (older encoders) are decoded, as Chrome and imgedge's own probe accept them.
   */
  private static void limit(MemorySegment decoder, long maxPixels) {
    decoder.set(JAVA_INT, DECODER_MAX_THREADS, 1);
    decoder.set(JAVA_INT, DECODER_STRICT_FLAGS, AVIF_STRICT_CLAP_VALID);
    decoder.set(JAVA_INT, DECODER_IMAGE_SIZE_LIMIT, (int) Math.min(maxPixels, LIBAVIF_SIZE_LIMIT));
    decoder.set(JAVA_INT, DECODER_IMAGE_COUNT_LIMIT, IMAGE_COUNT_LIMIT);
    decoder.set(JAVA_INT, DECODER_IGNORE_XMP, 1);
  }

  private static AvifInfo info(MemorySegment decoder, MemorySegment image, long maxPixels)
      throws AvifException {
    long width = Integer.toUnsignedLong(image.get(JAVA_INT, IMAGE_WIDTH));
    long height = Integer.toUnsignedLong(image.get(JAVA_INT, IMAGE_HEIGHT));
    if (width == 0 || height == 0) {
      throw AvifException.invalid("the AVIF declares an empty image: " + width + "x" + height);
    }
    if (width * height > maxPixels || width * height > Integer.MAX_VALUE / 4) {
      throw AvifException.tooLarge(
          "the AVIF is "
              + width
              + "x"
              + height
              + ", more than the "
              + Math.min(maxPixels, Integer.MAX_VALUE / 4)
              + " pixels allowed");
    }
    int flags = image.get(JAVA_INT, IMAGE_TRANSFORM_FLAGS);
    return new AvifInfo(
        (int) width,
        (int) height,
        image.get(JAVA_INT, IMAGE_DEPTH),
        image.get(JAVA_INT, IMAGE_YUV_FORMAT),
        decoder.get(JAVA_INT, DECODER_ALPHA_PRESENT) != 0,
        bytes(image.asSlice(IMAGE_ICC, RW_DATA_SIZE)).orElse(null),
        u16(image, IMAGE_COLOR_PRIMARIES),
        u16(image, IMAGE_TRANSFER),
        u16(image, IMAGE_MATRIX),
        image.get(JAVA_INT, IMAGE_YUV_RANGE) == AVIF_RANGE_FULL,
        flags,
        (flags & AvifInfo.IROT) != 0 ? image.get(JAVA_BYTE, IMAGE_IROT_ANGLE) & 3 : 0,
        (flags & AvifInfo.IMIR) != 0 ? image.get(JAVA_BYTE, IMAGE_IMIR_MODE) & 1 : -1,
        bytes(image.asSlice(IMAGE_EXIF, RW_DATA_SIZE)).orElse(null),
        decoder.get(JAVA_INT, DECODER_IMAGE_COUNT));
  }

  /** Converts the decoded YUV (and alpha) planes to packed 8-bit ARGB. */
  private int[] toArgb(MemorySegment image, AvifInfo info) throws Throwable {
    int n = info.width() * info.height();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pixels = arena.allocate(JAVA_INT, n);
      MemorySegment rgb = arena.allocate(RGB_SIZE, 8);
      av.rgbImageSetDefaults(rgb, image);
      pointAt(rgb, pixels, info.width(), true);
      check(av.imageYuvToRgb(image, rgb), "avifImageYUVToRGB", null);
      int[] argb = pixels.toArray(JAVA_INT);
      if (!info.alpha()) {
        for (int i = 0; i < n; i++) {
          argb[i] |= OPAQUE;
        }
      }
      return argb;
    }
  }

  /** 8-bit BGRA (packed ARGB ints), not premultiplied, in {@code pixels}. */
  private static void pointAt(MemorySegment rgb, MemorySegment pixels, int width, boolean alpha) {
    rgb.set(JAVA_INT, RGB_DEPTH, 8);
    rgb.set(JAVA_INT, RGB_FORMAT, AVIF_RGB_FORMAT_BGRA);
    rgb.set(JAVA_INT, RGB_IGNORE_ALPHA, alpha ? 0 : 1);
    rgb.set(JAVA_INT, RGB_ALPHA_PREMULTIPLIED, 0);
    rgb.set(ADDRESS, RGB_PIXELS, pixels);
    rgb.set(JAVA_INT, RGB_ROW_BYTES, width * 4);
  }

  /** CICP 1/13/1 (BT.709 primaries, sRGB transfer, BT.709 matrix), full range. */
  private static void describeSrgb(MemorySegment image) {
    image.set(JAVA_INT, IMAGE_YUV_RANGE, AVIF_RANGE_FULL);
    image.set(JAVA_SHORT, IMAGE_COLOR_PRIMARIES, CICP_BT709);
    image.set(JAVA_SHORT, IMAGE_TRANSFER, CICP_SRGB_TRANSFER);
    image.set(JAVA_SHORT, IMAGE_MATRIX, CICP_BT709);
  }

  private void configure(MemorySegment encoder, AvifSettings settings) {
    encoder.set(JAVA_INT, ENCODER_CODEC_CHOICE, encoderChoice);
    encoder.set(JAVA_INT, ENCODER_MAX_THREADS, settings.maxThreads());
    encoder.set(JAVA_INT, ENCODER_SPEED, settings.speed());
    encoder.set(JAVA_INT, ENCODER_MIN_QUANTIZER, settings.minQuantizer());
    encoder.set(JAVA_INT, ENCODER_MAX_QUANTIZER, settings.maxQuantizer());
    encoder.set(JAVA_INT, ENCODER_MIN_QUANTIZER_ALPHA, settings.minQuantizerAlpha());
    encoder.set(JAVA_INT, ENCODER_MAX_QUANTIZER_ALPHA, settings.maxQuantizerAlpha());
  }

  /** A copy of an {@code avifRWData}'s bytes, empty when it holds none. */
  private static Optional<byte[]> bytes(MemorySegment rwData) {
    MemorySegment data = rwData.get(ADDRESS, RW_DATA);
    long size = rwData.get(JAVA_LONG, RW_SIZE);
    if (data.equals(MemorySegment.NULL) || size <= 0) {
      return Optional.empty();
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("libavif returned " + size + " bytes");
    }
    return Optional.of(data.reinterpret(size).toArray(JAVA_BYTE));
  }

  private static int pixelCount(int width, int height) {
    if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("cannot encode a " + width + "x" + height + " image");
    }
    return width * height;
  }

  private static int u16(MemorySegment s, long offset) {
    return Short.toUnsignedInt(s.get(JAVA_SHORT, offset));
  }

  private static MemorySegment created(MemorySegment p, String function, long size) {
    if (p.equals(MemorySegment.NULL)) {
      throw new IllegalStateException(function + " returned NULL");
    }
    return p.reinterpret(size);
  }

  private void check(int result, String function, @Nullable MemorySegment diag) throws Throwable {
    if (result == AVIF_RESULT_OK) {
      return;
    }
    String detail = diag == null ? "" : cString(diag, DIAG_LENGTH);
    throw new AvifException(
        function + ": " + av.resultToString(result) + (detail.isEmpty() ? "" : " (" + detail + ")"),
        result,
        detail.contains(TOO_LARGE));
  }

  /** A NUL-terminated string in at most {@code max} bytes (no NUL: the first {@code max}). */
  private static String cString(MemorySegment s, int max) {
    MemorySegment bytes = s.reinterpret(max);
    int length = 0;
    while (length < max && bytes.get(JAVA_BYTE, length) != 0) {
      length++;
    }
    return new String(bytes.asSlice(0, length).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
  }

  private static String versionOf(SymbolLookup lookup, Linker linker) {
    MethodHandle avifVersion =
        new Binder(lookup, linker).bind("avifVersion", FunctionDescriptor.of(ADDRESS));
    try {
      return cString((MemorySegment) avifVersion.invokeExact(), 64);
    } catch (Throwable t) {
      throw new IllegalStateException("avifVersion failed", t);
    }
  }

  /**
   * Checks the offsets against the values libavif 0.11's constructors set: a library that claims
   * 0.11 but was built from another header (or for another ABI) is refused before any real call.
   */
  private static void verifyLayout(Functions av) throws Throwable {
    MemorySegment encoder = created(av.encoderCreate(), "avifEncoderCreate", ENCODER_SIZE);
    try {
      expect(
          i32(encoder, ENCODER_MAX_THREADS) == 1
              && i32(encoder, ENCODER_SPEED) == -1
              && encoder.get(JAVA_LONG, ENCODER_TIMESCALE) == 1,
          "avifEncoder");
    } finally {
      av.encoderDestroy(encoder);
    }
    MemorySegment decoder = created(av.decoderCreate(), "avifDecoderCreate", DECODER_SIZE);
    try {
      expect(
          i32(decoder, DECODER_IMAGE_SIZE_LIMIT) == LIBAVIF_SIZE_LIMIT
              && i32(decoder, DECODER_IMAGE_DIMENSION_LIMIT) == 32768
              && i32(decoder, DECODER_IMAGE_COUNT_LIMIT) == 12 * 3600 * 60
              && i32(decoder, DECODER_STRICT_FLAGS) == 7,
          "avifDecoder");
    } finally {
      av.decoderDestroy(decoder);
    }
    verifyImageLayout(av);
  }

  /** A new 3x5 4:2:0 image and the RGB image made from it. */
  private static void verifyImageLayout(Functions av) throws Throwable {
    MemorySegment image =
        created(av.imageCreate(3, 5, 8, AVIF_PIXEL_FORMAT_YUV420), "avifImageCreate", IMAGE_SIZE);
    try (Arena arena = Arena.ofConfined()) {
      expect(
          i32(image, IMAGE_WIDTH) == 3
              && i32(image, IMAGE_HEIGHT) == 5
              && i32(image, IMAGE_DEPTH) == 8
              && i32(image, IMAGE_YUV_FORMAT) == AVIF_PIXEL_FORMAT_YUV420
              && i32(image, IMAGE_YUV_RANGE) == AVIF_RANGE_FULL
              && u16(image, IMAGE_COLOR_PRIMARIES) == 2
              && u16(image, IMAGE_TRANSFER) == 2
              && u16(image, IMAGE_MATRIX) == 2,
          "avifImage");
      MemorySegment rgb = arena.allocate(RGB_SIZE, 8);
      av.rgbImageSetDefaults(rgb, image);
      expect(
          i32(rgb, RGB_WIDTH) == 3
              && i32(rgb, RGB_HEIGHT) == 5
              && i32(rgb, RGB_DEPTH) == 8
              && i32(rgb, RGB_FORMAT) == AVIF_RGB_FORMAT_RGBA,
          "avifRGBImage");
    } finally {
      av.imageDestroy(image);
    }
  }

  private static int i32(MemorySegment s, long offset) {
    return s.get(JAVA_INT, offset);
  }

  private static void expect(boolean defaultsFound, String struct) {
    if (!defaultsFound) {
      throw new IllegalArgumentException(
          "libavif's "
              + struct
              + " does not have libavif 0.11's "
              + "layout (its defaults are not at the expected offsets)");
    }
  }

  /** The downcall handles, and typed calls through them. */
  private static final class Functions {
    private final MethodHandle resultToString;
    private final MethodHandle codecVersions;
    private final MethodHandle codecName;
    private final MethodHandle imageCreate;
    private final MethodHandle imageDestroy;
    private final MethodHandle rgbImageSetDefaults;
    private final MethodHandle imageRgbToYuv;
    private final MethodHandle imageYuvToRgb;
    private final MethodHandle encoderCreate;
    private final MethodHandle encoderWrite;
    private final MethodHandle encoderDestroy;
    private final MethodHandle rwDataFree;
    private final MethodHandle decoderCreate;
    private final MethodHandle decoderSetIoMemory;
    private final MethodHandle decoderParse;
    private final MethodHandle decoderNextImage;
    private final MethodHandle decoderDestroy;

    Functions(SymbolLookup lookup, Linker linker) {
      Binder b = new Binder(lookup, linker);
      resultToString = b.bind("avifResultToString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
      codecVersions = b.bind("avifCodecVersions", FunctionDescriptor.ofVoid(ADDRESS));
      codecName = b.bind("avifCodecName", FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT));
      imageCreate =
          b.bind(
              "avifImageCreate",
              FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
      imageDestroy = b.bind("avifImageDestroy", FunctionDescriptor.ofVoid(ADDRESS));
      rgbImageSetDefaults =
          b.bind("avifRGBImageSetDefaults", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
      imageRgbToYuv =
          b.bind("avifImageRGBToYUV", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
      imageYuvToRgb =
          b.bind("avifImageYUVToRGB", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
      encoderCreate = b.bind("avifEncoderCreate", FunctionDescriptor.of(ADDRESS));
      encoderWrite =
          b.bind("avifEncoderWrite", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
      encoderDestroy = b.bind("avifEncoderDestroy", FunctionDescriptor.ofVoid(ADDRESS));
      rwDataFree = b.bind("avifRWDataFree", FunctionDescriptor.ofVoid(ADDRESS));
      decoderCreate = b.bind("avifDecoderCreate", FunctionDescriptor.of(ADDRESS));
      decoderSetIoMemory =
          b.bind(
              "avifDecoderSetIOMemory",
              FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
      decoderParse = b.bind("avifDecoderParse", FunctionDescriptor.of(JAVA_INT, ADDRESS));
      decoderNextImage = b.bind("avifDecoderNextImage", FunctionDescriptor.of(JAVA_INT, ADDRESS));
      decoderDestroy = b.bind("avifDecoderDestroy", FunctionDescriptor.ofVoid(ADDRESS));
    }

    String resultToString(int result) throws Throwable {
      return cString((MemorySegment) resultToString.invokeExact(result), DIAG_LENGTH);
    }

    String codecVersions() throws Throwable {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment out = arena.allocate(256); // char outBuffer[256]
        codecVersions.invokeExact(out);
        return cString(out, 256);
      }
    }

    @Nullable String codecName(int choice, int flags) throws Throwable {
      MemorySegment name = (MemorySegment) codecName.invokeExact(choice, flags);
      return name.equals(MemorySegment.NULL) ? null : cString(name, 64);
    }

    MemorySegment imageCreate(int width, int height, int depth, int yuvFormat) throws Throwable {
      return (MemorySegment) imageCreate.invokeExact(width, height, depth, yuvFormat);
    }

    void imageDestroy(MemorySegment image) throws Throwable {
      imageDestroy.invokeExact(image);
    }

    void rgbImageSetDefaults(MemorySegment rgb, MemorySegment image) throws Throwable {
      rgbImageSetDefaults.invokeExact(rgb, image);
    }

    int imageRgbToYuv(MemorySegment image, MemorySegment rgb) throws Throwable {
      return (int) imageRgbToYuv.invokeExact(image, rgb);
    }

    int imageYuvToRgb(MemorySegment image, MemorySegment rgb) throws Throwable {
      return (int) imageYuvToRgb.invokeExact(image, rgb);
    }

    MemorySegment encoderCreate() throws Throwable {
      return (MemorySegment) encoderCreate.invokeExact();
    }

    int encoderWrite(MemorySegment encoder, MemorySegment image, MemorySegment output)
        throws Throwable {
      return (int) encoderWrite.invokeExact(encoder, image, output);
    }

    void encoderDestroy(MemorySegment encoder) throws Throwable {
      encoderDestroy.invokeExact(encoder);
    }

    void rwDataFree(MemorySegment rwData) throws Throwable {
      rwDataFree.invokeExact(rwData);
    }

    MemorySegment decoderCreate() throws Throwable {
      return (MemorySegment) decoderCreate.invokeExact();
    }

    int decoderSetIoMemory(MemorySegment decoder, MemorySegment data, long size) throws Throwable {
      return (int) decoderSetIoMemory.invokeExact(decoder, data, size);
    }

    int decoderParse(MemorySegment decoder) throws Throwable {
      return (int) decoderParse.invokeExact(decoder);
    }

    int decoderNextImage(MemorySegment decoder) throws Throwable {
      return (int) decoderNextImage.invokeExact(decoder);
    }

    void decoderDestroy(MemorySegment decoder) throws Throwable {
      decoderDestroy.invokeExact(decoder);
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
                          "the libavif library has no " + name + " (0.11 needed)"));
      return linker.downcallHandle(symbol, descriptor);
    }
  }
}
