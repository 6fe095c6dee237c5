package io.imgedge.transform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;

/**
 * Fuzzes the image front: the header probe and the decoders, under limits. Any input is either
 * refused with a {@link TransformException} (a 4xx, or a 503 timeout) or decoded to an image of the
 * size the header promised; no other exception, hang or out-of-memory may escape. Seeds and
 * findings live in {@code ImageFrontFuzzTestInputs/} and run in every test run.
 */
class ImageFrontFuzzTest {
  /** Small limits: the fuzzer explores structure, not memory. */
  static final ImageLimits LIMITS = new ImageLimits(4_000_000L, 2048, 2048, 2048, 2048, 100);

  private static final HeaderProbe PROBE = new HeaderProbe(LIMITS);
  private static final ImageDecoder DECODER = new ImageDecoder();

  @FuzzTest(maxDuration = "10m")
  void decode_anyBytes_isAnImageOrAClean4xx(byte[] data) {
    ImageHeader header;
    try {
      header = PROBE.probe(data, null);
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
      return;
    }
    try {
      DecodedImage image = DECODER.decode(data, header);
      assertThat(image.image().getWidth()).isEqualTo(header.width());
      assertThat(image.image().getHeight()).isEqualTo(header.height());
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 599);
    }
  }
}
