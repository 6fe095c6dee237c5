package io.imgedge.transform.codec.webp;

import static io.imgedge.transform.codec.webp.WebpFixtures.bytes;
import static io.imgedge.transform.codec.webp.WebpFixtures.frameEnds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.codec.webp.WebpException.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The libwebp binding itself; needs libwebp7 and libwebpdemux2 (CI installs them). */
class LibWebpTest {
  private static final LibWebp WEBP =
      LibWebp.load(LibWebp.DEFAULT_LIBRARY, LibWebp.DEFAULT_DEMUX_LIBRARY);
  private static final long LIMIT = 1_000_000;

  @Test
  void load_namesTheVersion() {
    assertThat(WEBP.version()).matches("libwebp 1\\.[0-9]+\\.[0-9]+");
  }

  @Test
  void load_absentLibrary_saysWhatToInstall() {
    assertThatThrownBy(
            () -> LibWebp.load("libwebp-does-not-exist.so.7", LibWebp.DEFAULT_DEMUX_LIBRARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("libwebp7");
    assertThatThrownBy(
            () -> LibWebp.load(LibWebp.DEFAULT_LIBRARY, "libwebpdemux-does-not-exist.so.2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("libwebpdemux2");
  }

  @Test
  void checkVersion_refusesLibwebp0x() {
    assertThatThrownBy(() -> LibWebp.checkVersion(0x000603, 0x000603, "libwebp.so.6"))
        .hasMessageContaining("0.6.3")
        .hasMessageContaining("1.x");
    LibWebp.checkVersion(0x010204, 0x010204, "libwebp.so.7");
  }

  @Test
  void info_readsTheHeaders() throws WebpException {
    assertThat(WEBP.info(bytes("tattoo-lossy.webp"), LIMIT))
        .isEqualTo(new WebpInfo(320, 240, false, false, WebpInfo.LOSSY));
    assertThat(WEBP.info(bytes("tattoo-alpha-lossless.webp"), LIMIT))
        .isEqualTo(new WebpInfo(64, 48, true, false, WebpInfo.LOSSLESS));
    assertThat(WEBP.info(bytes("tattoo-animated.webp"), LIMIT))
        .isEqualTo(new WebpInfo(96, 72, true, true, WebpInfo.MIXED));
  }

  @Test
  void decode_moreThanMaxPixels_isRefusedFromTheHeaders() {
    var e =
        catchThrowableOfType(
            WebpException.class, () -> WEBP.decode(bytes("tattoo-lossy.webp"), 320 * 240 - 1));
    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    var anim =
        catchThrowableOfType(
            WebpException.class, () -> WEBP.animation(bytes("tattoo-animated.webp"), 96 * 72 - 1));
    assertThat(anim.kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void decode_truncatedOrEmpty_isTruncated() {
    byte[] data = bytes("tattoo-lossy.webp");
    var e =
        catchThrowableOfType(
            WebpException.class, () -> WEBP.decode(Arrays.copyOf(data, 20), LIMIT));
    assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
    assertThat(e.getMessage()).contains("VP8_STATUS_NOT_ENOUGH_DATA");
    assertThat(
            catchThrowableOfType(WebpException.class, () -> WEBP.decode(new byte[0], LIMIT)).kind())
        .isEqualTo(Kind.TRUNCATED);
    byte[] anim = bytes("tattoo-animated.webp");
    assertThat(
            catchThrowableOfType(
                    WebpException.class,
                    () -> WEBP.animation(Arrays.copyOf(anim, anim.length / 2), LIMIT))
                .kind())
        .isEqualTo(Kind.TRUNCATED);
  }

  @Test
  void failure_mapsEveryStatus() {
    assertThat(LibWebp.failure(WebpLayouts.VP8_STATUS_OUT_OF_MEMORY, "x").kind())
        .isEqualTo(Kind.OUT_OF_MEMORY);
    assertThat(LibWebp.failure(WebpLayouts.VP8_STATUS_INVALID_PARAM, "x").kind())
        .isEqualTo(Kind.INVALID);
    assertThat(LibWebp.failure(WebpLayouts.VP8_STATUS_BITSTREAM_ERROR, "x").kind())
        .isEqualTo(Kind.INVALID);
    assertThat(LibWebp.failure(WebpLayouts.VP8_STATUS_UNSUPPORTED_FEATURE, "x").kind())
        .isEqualTo(Kind.UNSUPPORTED);
    assertThat(LibWebp.failure(WebpLayouts.VP8_STATUS_SUSPENDED, "x").kind())
        .isEqualTo(Kind.TRUNCATED);
    assertThat(LibWebp.failure(WebpLayouts.VP8_STATUS_USER_ABORT, "x").kind())
        .isEqualTo(Kind.INVALID);
    assertThat(LibWebp.failure(WebpLayouts.VP8_STATUS_NOT_ENOUGH_DATA, "x").kind())
        .isEqualTo(Kind.TRUNCATED);
    assertThat(
            LibWebp.failure(WebpLayouts.VP8_STATUS_BITSTREAM_ERROR, "in the image data")
                .getMessage())
        .isEqualTo("libwebp found an error in the image data (VP8_STATUS_BITSTREAM_ERROR)");
  }

  @Test
  void animation_givesEveryCanvas_andWhenEachFrameEnds() throws WebpException {
    List<Integer> ends = new ArrayList<>();
    try (WebpAnimation frames = WEBP.animation(bytes("tattoo-animated.webp"), LIMIT)) {
      assertThat(frames.width()).isEqualTo(96);
      assertThat(frames.height()).isEqualTo(72);
      assertThat(frames.loopCount()).isEqualTo(3);
      assertThat(frames.frameCount()).isEqualTo(4);
      int[] canvas = new int[96 * 72];
      while (frames.hasNext()) {
        ends.add(frames.next(canvas));
      }
    }
    assertThat(ends)
        .containsExactly(100, 180, 300, 360)
        .isEqualTo(frameEnds("tattoo-animated.anim_dump.txt"));
  }

  @Test
  void animation_afterClose_fails_andCloseIsIdempotent() throws WebpException {
    WebpAnimation frames = WEBP.animation(bytes("tattoo-animated.webp"), LIMIT);
    frames.close();
    frames.close();
    assertThatThrownBy(frames::hasNext).isInstanceOf(IllegalStateException.class);
  }
}
