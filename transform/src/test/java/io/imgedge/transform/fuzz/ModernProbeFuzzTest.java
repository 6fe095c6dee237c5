package io.imgedge.transform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;

/**
 * Fuzzes the AVIF and JPEG XL header scanners, the gate in front of libavif and libjxl: the
 * decoders trust the header for the limits. Any input that sniffs as AVIF or JPEG XL is either
 * refused with a {@link TransformException} (a 4xx) or described by a header within the limits; no
 * other exception, hang or out-of-memory may escape. Other formats are left to {@link
 * ImageFrontFuzzTest}. Seeds (small files made with avifenc and cjxl, see {@code probe/NOTICE.md})
 * and findings live in {@code ModernProbeFuzzTestInputs/} and run in every test run.
 */
class ModernProbeFuzzTest {
  private static final ImageLimits LIMITS = ImageFrontFuzzTest.LIMITS;
  private static final HeaderProbe PROBE = new HeaderProbe(LIMITS);

  @FuzzTest(maxDuration = "10m")
  void probe_anyAvifOrJxlBytes_isAHeaderWithinLimitsOrA4xx(byte[] data) {
    ImageFormat format = ImageFormat.sniff(data);
    if (format != ImageFormat.AVIF && format != ImageFormat.JXL) {
      return;
    }
    ImageHeader header;
    try {
      header = PROBE.probe(data, null);
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
      return;
    }
    assertThat(header.format()).isEqualTo(format);
    assertThat(header.width()).isBetween(1, LIMITS.maxInputWidth());
    assertThat(header.height()).isBetween(1, LIMITS.maxInputHeight());
    assertThat(header.frames()).isBetween(1, LIMITS.maxFrames());
    assertThat(header.bitDepth()).isBetween(1, 32);
  }
}
