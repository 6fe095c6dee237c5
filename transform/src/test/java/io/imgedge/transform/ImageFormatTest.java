package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      textBlock =
          """
      ffd8ffe0,                         JPEG
      ffd8ffdb,                         JPEG
      89504e470d0a1a0a,                 PNG
      474946383761,                     GIF
      474946383961,                     GIF
      524946460000000057454250,         WEBP
      424d000000000000000000000000000000000000000000000000, BMP
      49492a00,                         TIFF
      4d4d002a,                         TIFF
      000000186674797061766966000000006d69663161766966, AVIF
      000000186674797061766973000000006d69663161766973, AVIF
      00000018667479706d696631000000006d69663161766966, AVIF
      ff0a,                             JXL
      0000000c4a584c200d0a870a,         JXL
      """)
  void sniff_byMagicNumber(String hex, ImageFormat expected) {
    assertThat(ImageFormat.sniff(HexFormat.of().parseHex(hex))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "ffd8",
        "ffd800",
        "89504e470d0a1a",
        "89504e470d0a1a0b",
        "474946383861",
        "474946383962",
        "524946460000000057415645",
        "424d00",
        "49492b00",
        "3c3f786d6c",
        "00000018667479706865696300000000",
        "000000186674797068656963000000006d69663168656963",
        "ff0b",
        "0000000c4a584c200d0a870b",
        "000000086674797061766966"
      })
  void sniff_unknownOrTooShort_isNull(String hex) {
    assertThat(ImageFormat.sniff(HexFormat.of().parseHex(hex))).isNull();
  }

  @Test
  void isOtherHeif_namesHeicButNotAvif() {
    assertThat(
            ImageFormat.isOtherHeif(
                HexFormat.of().parseHex("000000186674797068656963000000006d69663168656963")))
        .isTrue();
    assertThat(
            ImageFormat.isOtherHeif(
                HexFormat.of().parseHex("000000186674797061766966000000006d69663161766966")))
        .isFalse();
    assertThat(ImageFormat.isOtherHeif(HexFormat.of().parseHex("ffd8ffe0"))).isFalse();
  }

  @Test
  void sniff_ignoresNamesAndText() {
    assertThat(ImageFormat.sniff("image/png".getBytes(StandardCharsets.US_ASCII))).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      image/jpeg                  | JPEG
      image/jpg                   | JPEG
      image/pjpeg                 | JPEG
      IMAGE/JPEG; charset=binary  | JPEG
      image/png                   | PNG
      image/x-png                 | PNG
      image/apng                  | PNG
      image/gif                   | GIF
      ' image/webp '              | WEBP
      image/bmp                   | BMP
      image/x-ms-bmp              | BMP
      image/tiff                  | TIFF
      image/avif                  | AVIF
      image/jxl                   | JXL
      """)
  void fromMediaType_known(String mediaType, ImageFormat expected) {
    assertThat(ImageFormat.fromMediaType(mediaType)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @NullSource
  @ValueSource(
      strings = {
        "",
        "application/octet-stream",
        "image/*",
        "image/svg+xml",
        "text/html",
        "image/heic"
      })
  void fromMediaType_declaresNoParticularFormat(String mediaType) {
    assertThat(ImageFormat.fromMediaType(mediaType)).isNull();
  }

  @Test
  void writable_allButBmpAndTiff_mp4Included() {
    assertThat(Arrays.stream(ImageFormat.values()).filter(ImageFormat::writable))
        .containsExactly(
            ImageFormat.JPEG,
            ImageFormat.PNG,
            ImageFormat.GIF,
            ImageFormat.WEBP,
            ImageFormat.AVIF,
            ImageFormat.JXL,
            ImageFormat.MP4);
  }

  @Test
  void mediaTypeAndShortName_roundTrip() {
    for (ImageFormat f : ImageFormat.values()) {
      assertThat(ImageFormat.fromMediaType(f.mediaType())).isEqualTo(f);
      assertThat(f.shortName()).isEqualTo(f.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
