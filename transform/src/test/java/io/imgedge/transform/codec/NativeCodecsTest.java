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

  /**
   * The libwebp decoder; fails where libwebp7 or libwebpdemux2 is missing, as it must not be
   * silently skipped on CI (which installs them).
   */
  static NativeCodecs webp() {
    NativeCodecs natives = NativeCodecs.load();
    assertThat(natives.webp())
        .as(
            "libwebp.so.7 and libwebpdemux.so.2 must be installed (apt-get install libwebp7 libwebpdemux2)")
        .isTrue();
    return natives;
  }

  @Test
  void load_installedLibrary_namesItsVersionAndTheBinding() {
    assertThat(turbo().jpegCodec()).matches("libjpeg-turbo [0-9]+\\.[0-9]+(\\.[0-9]+)? \\(FFM\\)");
  }

  /**
   * libavif and libjxl; fails where they are missing, as they must not be silently skipped on CI
   * (which installs libavif15 and libjxl0.7).
   */
  @Test
  void load_installedModernCodecs_areNamedByVersion() {
    NativeCodecs natives = NativeCodecs.load();
    assertThat(natives.avif())
        .as("libavif.so.15 must be installed (apt-get install libavif15)")
        .isTrue();
    assertThat(natives.jxl())
        .as("libjxl.so.0.7 must be installed (apt-get install libjxl0.7)")
        .isTrue();
    assertThat(natives.describe()).containsKeys("jpeg", "avif", "jxl", "webp");
    assertThat(natives.describe().get("avif")).matches("libavif 0\\.11\\.[0-9]+ \\(FFM\\)");
    assertThat(natives.describe().get("jxl")).matches("libjxl 0\\.7\\.[0-9]+ \\(FFM\\)");
  }

  @Test
  void load_installedLibwebp_decodesWebp() {
    NativeCodecs natives = webp();
    assertThat(natives.describe().get("webp")).matches("libwebp 1\\.[0-9]+\\.[0-9]+ \\(FFM\\)");
    assertThat(new ImageDecoder(natives).decoderName(io.imgedge.transform.ImageFormat.WEBP))
        .isEqualTo(WebpDecoder.class.getName());
  }

  @Test
  void load_missingLibwebp_fallsBackToTwelveMonkeys() {
    NativeCodecs natives =
        NativeCodecs.load(TurboJpeg.DEFAULT_LIBRARY, "libwebp-does-not-exist.so.7", false);
    assertThat(natives.webp()).isFalse();
    assertThat(natives.describe()).containsEntry("webp", NativeCodecs.IMAGEIO);
    ImageDecoder decoder = new ImageDecoder(natives);
    assertThat(decoder.decoderName(io.imgedge.transform.ImageFormat.WEBP))
        .startsWith("com.twelvemonkeys.");
    byte[] webp = io.imgedge.transform.testing.TestImages.resource("webp-lossy-alpha.webp");
    var header =
        new io.imgedge.transform.probe.HeaderProbe(io.imgedge.transform.ImageLimits.FASTLY)
            .probe(webp, null);
    assertThat(decoder.decode(webp, header).image().getWidth()).isEqualTo(100);
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
    assertThat(NativeCodecs.none().describe())
        .containsEntry("avif", NativeCodecs.NOT_INSTALLED)
        .containsEntry("jxl", NativeCodecs.NOT_INSTALLED)
        .containsEntry("webp", NativeCodecs.IMAGEIO);
    assertThat(new ImageDecoder(NativeCodecs.none()).jpegCodec()).isEqualTo("ImageIO");
    assertThat(new Encoders(NativeCodecs.none()).jpegCodec()).isEqualTo("ImageIO");
  }
}
