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
 * Fuzzes the native JPEG front: what the header probe accepts as JPEG goes to libjpeg-turbo (FFM),
 * at full size and shrunk on load (1/2 and 1/8), and to the fallbacks it hands refusals to. Any
 * input is an image of the promised size (divided by the decode scale, rounded up) or a {@link
 * TransformException}; a crash in the native code would end the fuzzing JVM, which is what this
 * target is there to find. Needs {@code libturbojpeg0} (the tests of both JPEG paths do).
 */
class TurboJpegFuzzTest {
  private static final HeaderProbe PROBE = new HeaderProbe(ImageFrontFuzzTest.LIMITS);
  private static final ImageDecoder DECODER = new ImageDecoder(NativeCodecs.load());

  @FuzzTest(maxDuration = "10m")
  void decode_anyJpegBytes_isAnImageOrAClean4xx(byte[] data) {
    ImageHeader header;
    try {
      header = PROBE.probe(data, null);
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
      return;
    }
    if (header.format() != ImageFormat.JPEG) {
      return; // the image front target covers the other formats
    }
    for (double shrink : new double[] {1, 2, 8}) {
      try {
        DecodedImage image = DECODER.decode(data, header, shrink);
        assertThat(image.image().getWidth())
            .isEqualTo((int) Math.ceil(header.width() * image.scale()));
        assertThat(image.image().getHeight())
            .isEqualTo((int) Math.ceil(header.height() * image.scale()));
      } catch (TransformException e) {
        assertThat(e.status()).isBetween(400, 599);
      }
    }
  }
}
