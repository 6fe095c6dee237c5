package io.imgedge.transform.codec.jxl;

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
 * {@link JxlLayouts} against what a C compiler made of the libjxl 0.7.0 headers: the output of
 * {@code src/test/resources/native/jxl_layout.c}, kept as {@code jxl_layout.expected}. Needs no
 * library.
 */
class JxlLayoutsTest {
  private static final Map<String, StructLayout> STRUCTS =
      Map.of(
          "JxlBasicInfo", JxlLayouts.BASIC_INFO,
          "JxlPixelFormat", JxlLayouts.PIXEL_FORMAT,
          "JxlColorEncoding", JxlLayouts.COLOR_ENCODING);

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
    assertThat(checked).isEqualTo(3 + 23 + 4 + 10);
  }

  @Test
  void enumsAndBooleansAreInts_sizeTIsALong() throws IOException {
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
        int value = JxlLayouts.class.getDeclaredField(f[1]).getInt(null);
        assertThat(value).as(f[1]).isEqualTo(Integer.parseInt(f[2]));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(24);
  }

  @Test
  void theCheckedHeadersAreVersion07() throws IOException {
    assertThat(expected())
        .contains("version JxlEncoderVersion 7000", "version JxlDecoderVersion 7000");
  }

  private static List<String> expected() throws IOException {
    try (InputStream in = JxlLayoutsTest.class.getResourceAsStream("/native/jxl_layout.expected")) {
      assertThat(in).as("native/jxl_layout.expected").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    }
  }
}
