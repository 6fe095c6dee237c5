package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.codec.turbo.TurboJpeg;
import org.junit.jupiter.api.Test;

class NativeCodecsTest {

  /**
   * The libjpeg-turbo codecs; fails where the library is missing, as it must not be silently
   * skipped on CI (which installs libturbojpeg0).
   */
  static NativeCodecs turbo() {
    NativeCodecs natives = NativeCodecs.load();
    assertThat(natives.turboJpeg())
        .as("%s must be installed (apt-get install libturbojpeg0)", TurboJpeg.DEFAULT_LIBRARY)
        .isTrue();
    return natives;
  }

  @Test
  void load_installedLibrary_namesItsVersionAndTheBinding() {
    assertThat(turbo().jpegCodec()).matches("libjpeg-turbo [0-9]+\\.[0-9]+(\\.[0-9]+)? \\(FFM\\)");
  }

  @Test
  void load_missingLibrary_fallsBackToImageIo() {
    NativeCodecs natives = NativeCodecs.load("libturbojpeg-does-not-exist.so.9");
    assertThat(natives.turboJpeg()).isFalse();
    assertThat(natives.jpegCodec()).isEqualTo(NativeCodecs.IMAGEIO);
  }

  @Test
  void none_isThePureJavaPath() {
    assertThat(NativeCodecs.none().jpegCodec()).isEqualTo("ImageIO");
    assertThat(new ImageDecoder(NativeCodecs.none()).jpegCodec()).isEqualTo("ImageIO");
    assertThat(new Encoders(NativeCodecs.none()).jpegCodec()).isEqualTo("ImageIO");
  }
}
