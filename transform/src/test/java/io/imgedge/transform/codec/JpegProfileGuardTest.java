package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A broken embedded profile never reaches the ImageIO readers (a fuzzing finding). */
class JpegProfileGuardTest {
  /**
   * 1.4 KB each: JPEGs whose ICC_PROFILE segment declares a 1.1 GB and a 0.8 GB profile, the second
   * numbered 6 of 1 (TurboJpegFuzzTest's findings).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "crash-0626ac386f3990a5adc7f45e8fdf825adab667d5",
        "crash-d0114a6c482bbb2eee27036e0fdaf10b67107419"
      })
  void decode_profileDeclaringAGigabyte_allocatesLittle_onBothPaths(String finding)
      throws IOException {
    byte[] jpeg;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/io/imgedge/transform/fuzz/TurboJpegFuzzTestInputs/"
                    + "decode_anyJpegBytes_isAnImageOrAClean4xx/"
                    + finding)) {
      jpeg = in.readAllBytes();
    }
    ImageHeader header = new HeaderProbe(ImageLimits.FASTLY).probe(jpeg, null);
    assertThat(header.unsafeProfileSegments()).isTrue();
    assertThat(header.iccProfile()).isNull();
    assertThat(JpegProfileGuard.safe(jpeg, header)).as("stripped").hasSizeLessThan(jpeg.length);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (NativeCodecs natives : new NativeCodecs[] {NativeCodecs.none(), NativeCodecs.load()}) {
      long before = threads.getCurrentThreadAllocatedBytes();
      try {
        new ImageDecoder(natives).decode(jpeg, header, 1);
      } catch (TransformException e) {
        assertThat(e.status()).isBetween(400, 499);
      }
      assertThat(threads.getCurrentThreadAllocatedBytes() - before)
          .as(natives.jpegCodec())
          .isLessThan(64L << 20);
    }
  }

  @Test
  void withoutProfile_dropsOnlyTheIccSegments() {
    byte[] jpeg = TestImages.resource("icc-adobergb-small.jpg");
    byte[] stripped = JpegProfileGuard.withoutProfile(jpeg);
    ImageHeader before = new HeaderProbe(ImageLimits.FASTLY).probe(jpeg, null);
    ImageHeader after = new HeaderProbe(ImageLimits.FASTLY).probe(stripped, null);
    assertThat(before.iccProfile()).isNotNull();
    assertThat(before.unsafeProfileSegments()).isFalse();
    assertThat(after.iccProfile()).isNull();
    assertThat(stripped.length).isEqualTo(jpeg.length - before.iccProfile().length - 18);
    assertThat(after.width()).isEqualTo(before.width());
  }
}
