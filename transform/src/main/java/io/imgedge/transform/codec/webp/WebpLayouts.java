package io.imgedge.transform.codec.webp;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The libwebp and libwebpdemux structs and constants the binding uses, as FFM layouts (x86_64 and
 * other LP64 targets: enums are 4-byte ints, {@code size_t} and pointers 8 bytes). They were
 * checked against the installed {@code libwebp-dev} 1.2.4 headers ({@code WEBP_DECODER_ABI_VERSION}
 * 0x0209, {@code WEBP_DEMUX_ABI_VERSION} 0x0107) with {@code
 * src/test/resources/native/webp_layout.c}, whose output {@code webp_layout.expected} the tests
 * compare with these layouts ({@code WebpLayoutsTest}). libwebp keeps them within an ABI's major
 * version (new fields take the padding), and its {@code ...Internal} initialisers refuse another
 * major version, which {@link LibWebp#load} checks.
 */
final class WebpLayouts {
  /** {@code WebPBitstreamFeatures} ({@code webp/decode.h}), 40 bytes. */
  static final StructLayout FEATURES =
      MemoryLayout.structLayout(
          JAVA_INT.withName("width"),
          JAVA_INT.withName("height"),
          JAVA_INT.withName("has_alpha"),
          JAVA_INT.withName("has_animation"),
          JAVA_INT.withName("format"),
          MemoryLayout.sequenceLayout(5, JAVA_INT).withName("pad"));

  /** {@code WebPRGBABuffer}, 24 bytes. */
  static final StructLayout RGBA_BUFFER =
      MemoryLayout.structLayout(
          ADDRESS.withName("rgba"),
          JAVA_INT.withName("stride"),
          MemoryLayout.paddingLayout(4),
          JAVA_LONG.withName("size"));

  /** {@code WebPDecBuffer}, 120 bytes; of its union {@code u} only the RGBA view is used. */
  static final StructLayout DEC_BUFFER =
      MemoryLayout.structLayout(
          JAVA_INT.withName("colorspace"),
          JAVA_INT.withName("width"),
          JAVA_INT.withName("height"),
          JAVA_INT.withName("is_external_memory"),
          MemoryLayout.unionLayout(
                  RGBA_BUFFER.withName("RGBA"),
                  MemoryLayout.sequenceLayout(80, JAVA_BYTE).withName("YUVA"))
              .withName("u"),
          MemoryLayout.sequenceLayout(4, JAVA_INT).withName("pad"),
          ADDRESS.withName("private_memory"));

  /** {@code WebPDecoderOptions}, 76 bytes. */
  static final StructLayout DECODER_OPTIONS =
      MemoryLayout.structLayout(
          JAVA_INT.withName("bypass_filtering"),
          JAVA_INT.withName("no_fancy_upsampling"),
          JAVA_INT.withName("use_cropping"),
          JAVA_INT.withName("crop_left"),
          JAVA_INT.withName("crop_top"),
          JAVA_INT.withName("crop_width"),
          JAVA_INT.withName("crop_height"),
          JAVA_INT.withName("use_scaling"),
          JAVA_INT.withName("scaled_width"),
          JAVA_INT.withName("scaled_height"),
          JAVA_INT.withName("use_threads"),
          JAVA_INT.withName("dithering_strength"),
          JAVA_INT.withName("flip"),
          JAVA_INT.withName("alpha_dithering_strength"),
          MemoryLayout.sequenceLayout(5, JAVA_INT).withName("pad"));

  /** {@code WebPDecoderConfig}, 240 bytes. */
  static final StructLayout DECODER_CONFIG =
      MemoryLayout.structLayout(
          FEATURES.withName("input"),
          DEC_BUFFER.withName("output"),
          DECODER_OPTIONS.withName("options"),
          MemoryLayout.paddingLayout(4));

  /** {@code WebPData} ({@code webp/mux_types.h}), 16 bytes. */
  static final StructLayout DATA =
      MemoryLayout.structLayout(ADDRESS.withName("bytes"), JAVA_LONG.withName("size"));

  /** {@code WebPAnimDecoderOptions} ({@code webp/demux.h}), 36 bytes. */
  static final StructLayout ANIM_DECODER_OPTIONS =
      MemoryLayout.structLayout(
          JAVA_INT.withName("color_mode"),
          JAVA_INT.withName("use_threads"),
          MemoryLayout.sequenceLayout(7, JAVA_INT).withName("padding"));

  /** {@code WebPAnimInfo}, 36 bytes. */
  static final StructLayout ANIM_INFO =
      MemoryLayout.structLayout(
          JAVA_INT.withName("canvas_width"),
          JAVA_INT.withName("canvas_height"),
          JAVA_INT.withName("loop_count"),
          JAVA_INT.withName("bgcolor"),
          JAVA_INT.withName("frame_count"),
          MemoryLayout.sequenceLayout(4, JAVA_INT).withName("pad"));

  static final long FEATURES_WIDTH = offset(FEATURES, "width");
  static final long FEATURES_HEIGHT = offset(FEATURES, "height");
  static final long FEATURES_HAS_ALPHA = offset(FEATURES, "has_alpha");
  static final long FEATURES_HAS_ANIMATION = offset(FEATURES, "has_animation");
  static final long FEATURES_FORMAT = offset(FEATURES, "format");

  static final long CONFIG_INPUT = offset(DECODER_CONFIG, "input");
  static final long CONFIG_OUTPUT = offset(DECODER_CONFIG, "output");
  static final long CONFIG_OPTIONS = offset(DECODER_CONFIG, "options");
  static final long OUTPUT_COLORSPACE = CONFIG_OUTPUT + offset(DEC_BUFFER, "colorspace");
  static final long OUTPUT_IS_EXTERNAL_MEMORY =
      CONFIG_OUTPUT + offset(DEC_BUFFER, "is_external_memory");
  static final long OUTPUT_RGBA =
      CONFIG_OUTPUT + offset(DEC_BUFFER, "u") + offset(RGBA_BUFFER, "rgba");
  static final long OUTPUT_STRIDE =
      CONFIG_OUTPUT + offset(DEC_BUFFER, "u") + offset(RGBA_BUFFER, "stride");
  static final long OUTPUT_SIZE =
      CONFIG_OUTPUT + offset(DEC_BUFFER, "u") + offset(RGBA_BUFFER, "size");
  static final long OPTIONS_NO_FANCY_UPSAMPLING =
      CONFIG_OPTIONS + offset(DECODER_OPTIONS, "no_fancy_upsampling");
  static final long OPTIONS_USE_THREADS = CONFIG_OPTIONS + offset(DECODER_OPTIONS, "use_threads");

  static final long DATA_BYTES = offset(DATA, "bytes");
  static final long DATA_SIZE = offset(DATA, "size");

  static final long ANIM_OPTIONS_COLOR_MODE = offset(ANIM_DECODER_OPTIONS, "color_mode");
  static final long ANIM_OPTIONS_USE_THREADS = offset(ANIM_DECODER_OPTIONS, "use_threads");

  static final long ANIM_INFO_CANVAS_WIDTH = offset(ANIM_INFO, "canvas_width");
  static final long ANIM_INFO_CANVAS_HEIGHT = offset(ANIM_INFO, "canvas_height");
  static final long ANIM_INFO_LOOP_COUNT = offset(ANIM_INFO, "loop_count");
  static final long ANIM_INFO_FRAME_COUNT = offset(ANIM_INFO, "frame_count");

  // Constants (webp/decode.h and webp/demux.h of 1.2.4).
  static final int WEBP_DECODER_ABI_VERSION = 0x0209;
  static final int WEBP_DEMUX_ABI_VERSION = 0x0107;

  /** {@code MODE_BGRA}: B, G, R, A bytes, not premultiplied: an {@code int} 0xAARRGGBB here. */
  static final int MODE_BGRA = 3;

  static final int VP8_STATUS_OK = 0;
  static final int VP8_STATUS_OUT_OF_MEMORY = 1;
  static final int VP8_STATUS_INVALID_PARAM = 2;
  static final int VP8_STATUS_BITSTREAM_ERROR = 3;
  static final int VP8_STATUS_UNSUPPORTED_FEATURE = 4;
  static final int VP8_STATUS_SUSPENDED = 5;
  static final int VP8_STATUS_USER_ABORT = 6;
  static final int VP8_STATUS_NOT_ENOUGH_DATA = 7;

  private WebpLayouts() {}

  static long offset(StructLayout layout, String field) {
    return layout.byteOffset(groupElement(field));
  }
}
