package io.imgedge.transform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;

/**
 * Fuzzes the native AVIF decoder behind the Java probe: whatever the probe accepts as AVIF goes to
 * libavif (dav1d) through FFM. Any input is an image of exactly the size the probe read or a {@link
 * TransformException} (4xx: nothing the client sent may cause a 5xx); a crash in the native code
 * would end the fuzzing JVM, which is what this target is there to find. Needs {@code libavif15}
 * and {@code libjxl0.7} (CI installs them). A target per format, so that each gets its own
 * ten-minute run.
 */
class AvifDecodeFuzzTest {
  private static final HeaderProbe PROBE = new HeaderProbe(ImageFrontFuzzTest.LIMITS);
  private static final ImageDecoder DECODER = new ImageDecoder(NativeCodecs.load());

  @FuzzTest(maxDuration = "10m")
  void decode_anyAvifBytes_isAnImageOfTheProbedSizeOrA4xx(byte[] data) {
    ImageHeader header;
    try {
      header = PROBE.probe(data, null);
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
      return;
    }
    if (header.format() != ImageFormat.AVIF) {
      return; // the other targets cover the other formats
    }
    try {
      DecodedImage image = DECODER.decode(data, header, 1);
      assertThat(image.image().getWidth()).isEqualTo(header.width());
      assertThat(image.image().getHeight()).isEqualTo(header.height());
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
    }
  }
}
