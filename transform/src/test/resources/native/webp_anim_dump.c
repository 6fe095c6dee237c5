/*
 * What libwebp's examples/anim_dump does, for the WebP test fixtures (Debian's webp package does
 * not ship anim_dump): decodes an animation with libwebpdemux's WebPAnimDecoder (RGBA, not
 * premultiplied, one thread) and writes every composed canvas, top to bottom, as raw RGBA bytes
 * to OUT, and one line per frame "frame N ends-at-ms" to stdout. The build never compiles this;
 * transform/src/test/resources/webp/make-fixtures.sh does:
 *
 *   cc -o /tmp/webp_anim_dump webp_anim_dump.c -lwebpdemux -lwebp
 *   /tmp/webp_anim_dump IN.webp OUT.rgba   (then: vips rawload OUT.rgba OUT.png WIDTH HEIGHT*FRAMES 4)
 */
#include <stdio.h>
#include <stdlib.h>
#include <webp/demux.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s IN.webp OUT.rgba\n", argv[0]);
    return 2;
  }
  FILE* in = fopen(argv[1], "rb");
  if (in == NULL) return 1;
  fseek(in, 0, SEEK_END);
  long size = ftell(in);
  fseek(in, 0, SEEK_SET);
  uint8_t* bytes = malloc(size);
  if (bytes == NULL || fread(bytes, 1, size, in) != (size_t) size) return 1;
  fclose(in);

  WebPAnimDecoderOptions options;
  if (!WebPAnimDecoderOptionsInit(&options)) return 1;
  options.color_mode = MODE_RGBA;
  options.use_threads = 0;
  WebPData data = {bytes, (size_t) size};
  WebPAnimDecoder* dec = WebPAnimDecoderNew(&data, &options);
  if (dec == NULL) {
    fprintf(stderr, "WebPAnimDecoderNew failed\n");
    return 1;
  }
  WebPAnimInfo info;
  if (!WebPAnimDecoderGetInfo(dec, &info)) return 1;
  printf("canvas %ux%u frames %u loop %u\n", info.canvas_width, info.canvas_height,
      info.frame_count, info.loop_count);
  FILE* out = fopen(argv[2], "wb");
  if (out == NULL) return 1;
  for (int n = 1; WebPAnimDecoderHasMoreFrames(dec); n++) {
    uint8_t* canvas;
    int timestamp;
    if (!WebPAnimDecoderGetNext(dec, &canvas, &timestamp)) {
      fprintf(stderr, "frame %d cannot be decoded\n", n);
      return 1;
    }
    fwrite(canvas, 4, (size_t) info.canvas_width * info.canvas_height, out);
    printf("frame %d %d\n", n, timestamp);
  }
  fclose(out);
  WebPAnimDecoderDelete(dec);
  free(bytes);
  return 0;
}
