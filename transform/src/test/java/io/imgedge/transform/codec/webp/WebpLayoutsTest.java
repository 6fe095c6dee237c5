package io.imgedge.transform.codec.webp;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WebpLayouts} against what a C compiler made of the libwebp 1.2.4 headers: the output of
 * {@code src/test/resources/native/webp_layout.c}, kept as {@code webp_layout.expected}. Needs no
 * library.
 */
class WebpLayoutsTest {
  private static final Map<String, StructLayout> STRUCTS =
      Map.of(
          "WebPBitstreamFeatures", WebpLayouts.FEATURES,
          "WebPRGBABuffer", WebpLayouts.RGBA_BUFFER,
          "WebPDecBuffer", WebpLayouts.DEC_BUFFER,
          "WebPDecoderOptions", WebpLayouts.DECODER_OPTIONS,
          "WebPDecoderConfig", WebpLayouts.DECODER_CONFIG,
          "WebPData", WebpLayouts.DATA,
          "WebPAnimDecoderOptions", WebpLayouts.ANIM_DECODER_OPTIONS,
          "WebPAnimInfo", WebpLayouts.ANIM_INFO);

  @Test
  void everyStructSizeAndOffset_matchesTheCompiledHeaders() throws IOException {
    int checked = 0;
    for (String line : expected()) {
      String[] f = line.split(" ");
      if (f[0].equals("size") && STRUCTS.containsKey(f[1])) {
        assertThat(STRUCTS.get(f[1]).byteSize())
            .as("sizeof(%s)", f[1])
            .isEqualTo(Long.parseLong(f[2]));
        checked++;
      } else if (f[0].equals("offset")) {
        String[] field = f[1].split("\\.");
        long offset = STRUCTS.get(field[0]).byteOffset(groupElement(field[1]));
        assertThat(offset).as("offsetof(%s)", f[1]).isEqualTo(Long.parseLong(f[2]));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(8 + 5 + 3 + 6 + 8 + 3 + 2 + 2 + 5);
  }

  @Test
  void theOffsetsTheBindingWrites_areThoseOfTheNestedFields() throws IOException {
    Map<String, Long> offsets = new java.util.HashMap<>();
    for (String line : expected()) {
      String[] f = line.split(" ");
      if (f[0].equals("offset")) {
        offsets.put(f[1], Long.parseLong(f[2]));
      }
    }
    long output = offsets.get("WebPDecoderConfig.output");
    long options = offsets.get("WebPDecoderConfig.options");
    long rgba = output + offsets.get("WebPDecBuffer.u");
    assertThat(WebpLayouts.OUTPUT_COLORSPACE)
        .isEqualTo(output + offsets.get("WebPDecBuffer.colorspace"));
    assertThat(WebpLayouts.OUTPUT_IS_EXTERNAL_MEMORY)
        .isEqualTo(output + offsets.get("WebPDecBuffer.is_external_memory"));
    assertThat(WebpLayouts.OUTPUT_RGBA).isEqualTo(rgba + offsets.get("WebPRGBABuffer.rgba"));
    assertThat(WebpLayouts.OUTPUT_STRIDE).isEqualTo(rgba + offsets.get("WebPRGBABuffer.stride"));
    assertThat(WebpLayouts.OUTPUT_SIZE).isEqualTo(rgba + offsets.get("WebPRGBABuffer.size"));
    assertThat(WebpLayouts.OPTIONS_NO_FANCY_UPSAMPLING)
        .isEqualTo(options + offsets.get("WebPDecoderOptions.no_fancy_upsampling"));
    assertThat(WebpLayouts.OPTIONS_USE_THREADS)
        .isEqualTo(options + offsets.get("WebPDecoderOptions.use_threads"));
  }

  @Test
  void enumsAreInts_sizeTIsALong() throws IOException {
    for (String line : expected()) {
      String[] f = line.split(" ");
      if (f[0].equals("size") && !STRUCTS.containsKey(f[1])) {
        assertThat(Long.parseLong(f[2]))
            .as("sizeof(%s)", f[1])
            .isEqualTo(f[1].equals("size_t") ? 8 : 4);
      }
    }
  }

  @Test
  void everyConstant_matchesTheHeaders() throws IOException, ReflectiveOperationException {
    int checked = 0;
    for (String line : expected()) {
      String[] f = line.split(" ");
      if (f[0].equals("const")) {
        int value = WebpLayouts.class.getDeclaredField(f[1]).getInt(null);
        assertThat(value).as(f[1]).isEqualTo(Integer.parseInt(f[2]));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(11);
  }

  @Test
  void theCheckedHeadersAreLibwebp124() throws IOException {
    assertThat(expected())
        .contains("version WebPGetDecoderVersion 66052", "version WebPGetDemuxVersion 66052");
  }

  private static List<String> expected() throws IOException {
    try (InputStream in =
        WebpLayoutsTest.class.getResourceAsStream("/native/webp_layout.expected")) {
      assertThat(in).as("native/webp_layout.expected").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    }
  }
}
