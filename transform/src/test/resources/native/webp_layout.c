/*
 * Prints the sizes, field offsets and constants of the libwebp and libwebpdemux structs and enums
 * that io.imgedge.transform.codec.webp.LibWebp uses (as laid out in WebpLayouts.java), so that
 * they can be checked again against the installed headers. The build never compiles this; to
 * re-check (e.g. before accepting another ABI version in LibWebp.load):
 *
 *   cc -o /tmp/webp_layout webp_layout.c -lwebpdemux -lwebp && /tmp/webp_layout | diff - webp_layout.expected
 *
 * webp_layout.expected is its output with libwebp-dev 1.2.4 (Debian bookworm, x86_64);
 * WebpLayoutsTest compares WebpLayouts with that file.
 */
#include <stddef.h>
#include <stdio.h>
#include <webp/decode.h>
#include <webp/demux.h>

#define OFF(type, field) printf("offset %s.%s %zu\n", #type, #field, offsetof(type, field))
#define SIZE(type) printf("size %s %zu\n", #type, sizeof(type))
#define CONST(name) printf("const %s %ld\n", #name, (long) (name))

int main(void) {
  printf("version WebPGetDecoderVersion %d\n", WebPGetDecoderVersion());
  printf("version WebPGetDemuxVersion %d\n", WebPGetDemuxVersion());

  SIZE(WebPBitstreamFeatures);
  OFF(WebPBitstreamFeatures, width);
  OFF(WebPBitstreamFeatures, height);
  OFF(WebPBitstreamFeatures, has_alpha);
  OFF(WebPBitstreamFeatures, has_animation);
  OFF(WebPBitstreamFeatures, format);

  SIZE(WebPRGBABuffer);
  OFF(WebPRGBABuffer, rgba);
  OFF(WebPRGBABuffer, stride);
  OFF(WebPRGBABuffer, size);

  SIZE(WebPDecBuffer);
  OFF(WebPDecBuffer, colorspace);
  OFF(WebPDecBuffer, width);
  OFF(WebPDecBuffer, height);
  OFF(WebPDecBuffer, is_external_memory);
  OFF(WebPDecBuffer, u);
  OFF(WebPDecBuffer, private_memory);

  SIZE(WebPDecoderOptions);
  OFF(WebPDecoderOptions, bypass_filtering);
  OFF(WebPDecoderOptions, no_fancy_upsampling);
  OFF(WebPDecoderOptions, use_cropping);
  OFF(WebPDecoderOptions, use_scaling);
  OFF(WebPDecoderOptions, use_threads);
  OFF(WebPDecoderOptions, dithering_strength);
  OFF(WebPDecoderOptions, flip);
  OFF(WebPDecoderOptions, alpha_dithering_strength);

  SIZE(WebPDecoderConfig);
  OFF(WebPDecoderConfig, input);
  OFF(WebPDecoderConfig, output);
  OFF(WebPDecoderConfig, options);

  SIZE(WebPData);
  OFF(WebPData, bytes);
  OFF(WebPData, size);

  SIZE(WebPAnimDecoderOptions);
  OFF(WebPAnimDecoderOptions, color_mode);
  OFF(WebPAnimDecoderOptions, use_threads);

  SIZE(WebPAnimInfo);
  OFF(WebPAnimInfo, canvas_width);
  OFF(WebPAnimInfo, canvas_height);
  OFF(WebPAnimInfo, loop_count);
  OFF(WebPAnimInfo, bgcolor);
  OFF(WebPAnimInfo, frame_count);

  SIZE(WEBP_CSP_MODE);
  SIZE(VP8StatusCode);
  SIZE(size_t);

  CONST(WEBP_DECODER_ABI_VERSION);
  CONST(WEBP_DEMUX_ABI_VERSION);
  CONST(MODE_BGRA);
  CONST(VP8_STATUS_OK);
  CONST(VP8_STATUS_OUT_OF_MEMORY);
  CONST(VP8_STATUS_INVALID_PARAM);
  CONST(VP8_STATUS_BITSTREAM_ERROR);
  CONST(VP8_STATUS_UNSUPPORTED_FEATURE);
  CONST(VP8_STATUS_SUSPENDED);
  CONST(VP8_STATUS_USER_ABORT);
  CONST(VP8_STATUS_NOT_ENOUGH_DATA);
  return 0;
}
