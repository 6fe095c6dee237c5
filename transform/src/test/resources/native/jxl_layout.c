/*
 * Prints the sizes, field offsets and constants of the libjxl structs and enums that
 * io.imgedge.transform.codec.jxl.LibJxl uses (as laid out in JxlLayouts.java), so that
 * they can be checked again against the installed headers. The build never compiles
 * this; to re-check (e.g. before accepting another libjxl version in LibJxl.load):
 *
 *   cc -o /tmp/jxl_layout jxl_layout.c -ljxl && /tmp/jxl_layout | diff - jxl_layout.expected
 *
 * jxl_layout.expected is its output with libjxl-dev 0.7.0 (Debian bookworm, x86_64);
 * JxlLayoutsTest compares JxlLayouts with that file.
 */
#include <stddef.h>
#include <stdio.h>
#include <jxl/decode.h>
#include <jxl/encode.h>

#define OFF(type, field) printf("offset %s.%s %zu\n", #type, #field, offsetof(type, field))
#define SIZE(type) printf("size %s %zu\n", #type, sizeof(type))
#define CONST(name) printf("const %s %ld\n", #name, (long) (name))

int main(void) {
  printf("version JxlEncoderVersion %u\n", JxlEncoderVersion());
  printf("version JxlDecoderVersion %u\n", JxlDecoderVersion());

  SIZE(JxlBasicInfo);
  OFF(JxlBasicInfo, have_container);
  OFF(JxlBasicInfo, xsize);
  OFF(JxlBasicInfo, ysize);
  OFF(JxlBasicInfo, bits_per_sample);
  OFF(JxlBasicInfo, exponent_bits_per_sample);
  OFF(JxlBasicInfo, intensity_target);
  OFF(JxlBasicInfo, min_nits);
  OFF(JxlBasicInfo, relative_to_max_display);
  OFF(JxlBasicInfo, linear_below);
  OFF(JxlBasicInfo, uses_original_profile);
  OFF(JxlBasicInfo, have_preview);
  OFF(JxlBasicInfo, have_animation);
  OFF(JxlBasicInfo, orientation);
  OFF(JxlBasicInfo, num_color_channels);
  OFF(JxlBasicInfo, num_extra_channels);
  OFF(JxlBasicInfo, alpha_bits);
  OFF(JxlBasicInfo, alpha_exponent_bits);
  OFF(JxlBasicInfo, alpha_premultiplied);
  OFF(JxlBasicInfo, preview);
  OFF(JxlBasicInfo, animation);
  OFF(JxlBasicInfo, intrinsic_xsize);
  OFF(JxlBasicInfo, intrinsic_ysize);
  OFF(JxlBasicInfo, padding);

  SIZE(JxlPixelFormat);
  OFF(JxlPixelFormat, num_channels);
  OFF(JxlPixelFormat, data_type);
  OFF(JxlPixelFormat, endianness);
  OFF(JxlPixelFormat, align);

  SIZE(JxlColorEncoding);
  OFF(JxlColorEncoding, color_space);
  OFF(JxlColorEncoding, white_point);
  OFF(JxlColorEncoding, white_point_xy);
  OFF(JxlColorEncoding, primaries);
  OFF(JxlColorEncoding, primaries_red_xy);
  OFF(JxlColorEncoding, primaries_green_xy);
  OFF(JxlColorEncoding, primaries_blue_xy);
  OFF(JxlColorEncoding, transfer_function);
  OFF(JxlColorEncoding, gamma);
  OFF(JxlColorEncoding, rendering_intent);

  /* Enums and JXL_BOOL are passed and stored as 4-byte ints; size_t as 8 bytes. */
  SIZE(JxlOrientation);
  SIZE(JxlDataType);
  SIZE(JxlEncoderStatus);
  SIZE(JxlDecoderStatus);
  SIZE(JxlSignature);
  SIZE(JxlColorProfileTarget);
  SIZE(JxlEncoderFrameSettingId);
  SIZE(JxlEncoderError);
  SIZE(JXL_BOOL);
  SIZE(size_t);

  CONST(JXL_TRUE);
  CONST(JXL_FALSE);
  CONST(JXL_TYPE_UINT8);
  CONST(JXL_NATIVE_ENDIAN);
  CONST(JXL_COLOR_SPACE_RGB);
  CONST(JXL_COLOR_SPACE_GRAY);
  CONST(JXL_WHITE_POINT_D65);
  CONST(JXL_PRIMARIES_SRGB);
  CONST(JXL_TRANSFER_FUNCTION_SRGB);
  CONST(JXL_COLOR_PROFILE_TARGET_DATA);
  CONST(JXL_SIG_INVALID);
  CONST(JXL_ENC_SUCCESS);
  CONST(JXL_ENC_NEED_MORE_OUTPUT);
  CONST(JXL_ENC_FRAME_SETTING_EFFORT);
  CONST(JXL_ENC_FRAME_SETTING_RESPONSIVE);
  CONST(JXL_ENC_FRAME_SETTING_QPROGRESSIVE_AC);
  CONST(JXL_ENC_FRAME_SETTING_PROGRESSIVE_DC);
  CONST(JXL_DEC_SUCCESS);
  CONST(JXL_DEC_ERROR);
  CONST(JXL_DEC_NEED_MORE_INPUT);
  CONST(JXL_DEC_NEED_IMAGE_OUT_BUFFER);
  CONST(JXL_DEC_BASIC_INFO);
  CONST(JXL_DEC_COLOR_ENCODING);
  CONST(JXL_DEC_FULL_IMAGE);
  return 0;
}
