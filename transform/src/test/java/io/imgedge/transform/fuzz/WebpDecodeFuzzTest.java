package io.imgedge.transform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.codec.AnimationFrames;
import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import java.awt.image.BufferedImage;

/**
 * Fuzzes the native WebP decoder behind the Java probe: whatever the probe accepts as WebP goes to
 * libwebp through FFM, the first frame by {@code WebPDecode} (or {@code WebPAnimDecoder} for an
 * animation) and, for an animation, every frame by {@code WebPAnimDecoder}. Any input is images of
 * exactly the size the probe read or a {@link TransformException} (4xx: nothing the client sent may
 * cause a 5xx); a crash in the native code would end the fuzzing JVM, which is what this target is
 * there to find. Needs {@code libwebp7} and {@code libwebpdemux2} (CI installs them).
 */
class WebpDecodeFuzzTest {
  private static final HeaderProbe PROBE = new HeaderProbe(ImageFrontFuzzTest.LIMITS);
  private static final ImageDecoder DECODER = new ImageDecoder(NativeCodecs.load());

  @FuzzTest(maxDuration = "10m")
  void decode_anyWebpBytes_isAnImageOfTheProbedSizeOrA4xx(byte[] data) {
    ImageHeader header;
    try {
      header = PROBE.probe(data, null);
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
      return;
    }
    if (header.format() != ImageFormat.WEBP) {
      return; // the other targets cover the other formats
    }
    try {
      DecodedImage image = DECODER.decode(data, header, 1);
      assertThat(image.image().getWidth()).isEqualTo(header.width());
      assertThat(image.image().getHeight()).isEqualTo(header.height());
      if (header.frames() > 1) {
        try (AnimationFrames frames = DECODER.frames(data, header)) {
          while (frames.hasNext()) {
            BufferedImage frame = frames.next();
            assertThat(frame.getWidth()).isEqualTo(header.width());
            assertThat(frame.getHeight()).isEqualTo(header.height());
          }
        }
      }
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
    }
  }
}
