package io.imgedge.transform.codec.jxl;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The libjxl 0.7 structs and constants the binding uses, as FFM layouts (x86_64 and other LP64
 * targets: enums and {@code JXL_BOOL} are 4-byte ints, {@code size_t} 8 bytes). They were checked
 * against the installed {@code libjxl-dev} 0.7.0 headers with {@code
 * src/test/resources/native/jxl_layout.c}, whose output {@code jxl_layout.expected} the tests
 * compare with these layouts ({@code JxlLayoutsTest}); run it again before accepting another libjxl
 * version in {@link LibJxl}.
 */
final class JxlLayouts {
  /** {@code JxlBasicInfo} ({@code jxl/codestream_header.h}), 204 bytes. */
  static final StructLayout BASIC_INFO =
      MemoryLayout.structLayout(
          JAVA_INT.withName("have_container"),
          JAVA_INT.withName("xsize"),
          JAVA_INT.withName("ysize"),
          JAVA_INT.withName("bits_per_sample"),
          JAVA_INT.withName("exponent_bits_per_sample"),
          JAVA_FLOAT.withName("intensity_target"),
          JAVA_FLOAT.withName("min_nits"),
          JAVA_INT.withName("relative_to_max_display"),
          JAVA_FLOAT.withName("linear_below"),
          JAVA_INT.withName("uses_original_profile"),
          JAVA_INT.withName("have_preview"),
          JAVA_INT.withName("have_animation"),
          JAVA_INT.withName("orientation"),
          JAVA_INT.withName("num_color_channels"),
          JAVA_INT.withName("num_extra_channels"),
          JAVA_INT.withName("alpha_bits"),
          JAVA_INT.withName("alpha_exponent_bits"),
          JAVA_INT.withName("alpha_premultiplied"),
          MemoryLayout.structLayout(JAVA_INT.withName("xsize"), JAVA_INT.withName("ysize"))
              .withName("preview"),
          MemoryLayout.structLayout(
                  JAVA_INT.withName("tps_numerator"),
                  JAVA_INT.withName("tps_denominator"),
                  JAVA_INT.withName("num_loops"),
                  JAVA_INT.withName("have_timecodes"))
              .withName("animation"),
          JAVA_INT.withName("intrinsic_xsize"),
          JAVA_INT.withName("intrinsic_ysize"),
          MemoryLayout.sequenceLayout(100, JAVA_BYTE).withName("padding"));

  /** {@code JxlPixelFormat} ({@code jxl/types.h}), 24 bytes. */
  static final StructLayout PIXEL_FORMAT =
      MemoryLayout.structLayout(
          JAVA_INT.withName("num_channels"),
          JAVA_INT.withName("data_type"),
          JAVA_INT.withName("endianness"),
          MemoryLayout.paddingLayout(4),
          JAVA_LONG.withName("align"));

  /** {@code JxlColorEncoding} ({@code jxl/color_encoding.h}), 104 bytes. */
  static final StructLayout COLOR_ENCODING =
      MemoryLayout.structLayout(
          JAVA_INT.withName("color_space"),
          JAVA_INT.withName("white_point"),
          MemoryLayout.sequenceLayout(2, JAVA_DOUBLE).withName("white_point_xy"),
          JAVA_INT.withName("primaries"),
          MemoryLayout.paddingLayout(4),
          MemoryLayout.sequenceLayout(2, JAVA_DOUBLE).withName("primaries_red_xy"),
          MemoryLayout.sequenceLayout(2, JAVA_DOUBLE).withName("primaries_green_xy"),
          MemoryLayout.sequenceLayout(2, JAVA_DOUBLE).withName("primaries_blue_xy"),
          JAVA_INT.withName("transfer_function"),
          MemoryLayout.paddingLayout(4),
          JAVA_DOUBLE.withName("gamma"),
          JAVA_INT.withName("rendering_intent"),
          MemoryLayout.paddingLayout(4));

  static final long BASIC_XSIZE = offset(BASIC_INFO, "xsize");
  static final long BASIC_YSIZE = offset(BASIC_INFO, "ysize");
  static final long BASIC_BITS_PER_SAMPLE = offset(BASIC_INFO, "bits_per_sample");
  static final long BASIC_EXPONENT_BITS = offset(BASIC_INFO, "exponent_bits_per_sample");
  static final long BASIC_USES_ORIGINAL_PROFILE = offset(BASIC_INFO, "uses_original_profile");
  static final long BASIC_HAVE_ANIMATION = offset(BASIC_INFO, "have_animation");
  static final long BASIC_ORIENTATION = offset(BASIC_INFO, "orientation");
  static final long BASIC_NUM_COLOR_CHANNELS = offset(BASIC_INFO, "num_color_channels");
  static final long BASIC_NUM_EXTRA_CHANNELS = offset(BASIC_INFO, "num_extra_channels");
  static final long BASIC_ALPHA_BITS = offset(BASIC_INFO, "alpha_bits");
  static final long BASIC_ALPHA_EXPONENT_BITS = offset(BASIC_INFO, "alpha_exponent_bits");

  static final long FORMAT_NUM_CHANNELS = offset(PIXEL_FORMAT, "num_channels");
  static final long FORMAT_DATA_TYPE = offset(PIXEL_FORMAT, "data_type");
  static final long FORMAT_ENDIANNESS = offset(PIXEL_FORMAT, "endianness");
  static final long FORMAT_ALIGN = offset(PIXEL_FORMAT, "align");

  static final long COLOR_SPACE = offset(COLOR_ENCODING, "color_space");
  static final long COLOR_WHITE_POINT = offset(COLOR_ENCODING, "white_point");
  static final long COLOR_PRIMARIES = offset(COLOR_ENCODING, "primaries");
  static final long COLOR_TRANSFER_FUNCTION = offset(COLOR_ENCODING, "transfer_function");

  // Enum values (jxl/types.h, color_encoding.h, decode.h, encode.h of 0.7).
  static final int JXL_TRUE = 1;
  static final int JXL_FALSE = 0;
  static final int JXL_TYPE_UINT8 = 2;
  static final int JXL_NATIVE_ENDIAN = 0;
  static final int JXL_COLOR_SPACE_RGB = 0;
  static final int JXL_COLOR_SPACE_GRAY = 1;
  static final int JXL_WHITE_POINT_D65 = 1;
  static final int JXL_PRIMARIES_SRGB = 1;
  static final int JXL_TRANSFER_FUNCTION_SRGB = 13;
  static final int JXL_COLOR_PROFILE_TARGET_DATA = 1;
  static final int JXL_SIG_INVALID = 1;

  static final int JXL_ENC_SUCCESS = 0;
  static final int JXL_ENC_NEED_MORE_OUTPUT = 2;
  static final int JXL_ENC_FRAME_SETTING_EFFORT = 0;
  static final int JXL_ENC_FRAME_SETTING_RESPONSIVE = 16;
  static final int JXL_ENC_FRAME_SETTING_QPROGRESSIVE_AC = 18;
  static final int JXL_ENC_FRAME_SETTING_PROGRESSIVE_DC = 19;

  static final int JXL_DEC_SUCCESS = 0;
  static final int JXL_DEC_ERROR = 1;
  static final int JXL_DEC_NEED_MORE_INPUT = 2;
  static final int JXL_DEC_NEED_IMAGE_OUT_BUFFER = 5;
  static final int JXL_DEC_BASIC_INFO = 0x40;
  static final int JXL_DEC_COLOR_ENCODING = 0x100;
  static final int JXL_DEC_FULL_IMAGE = 0x1000;

  private JxlLayouts() {}

  static long offset(StructLayout layout, String field) {
    return layout.byteOffset(groupElement(field));
  }
}
