package io.imgedge.transform.codec.jxl;

import static io.imgedge.transform.codec.jxl.JxlFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.codec.jxl.JxlException.Kind;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged and hostile input: every failure is a {@link JxlException} (no other exception, no JVM
 * crash), truncation is told apart, and the pixel limit is applied from the header. Needs
 * libjxl0.7.
 */
class JxlRobustnessTest {
  private static final LibJxl JXL = LibJxl.load(LibJxl.DEFAULT_LIBRARY);
  private static final long LIMIT = 1_000_000;

  /**
   * Every prefix (each of the first 64 bytes, then about 150 more) fails as truncated; only an
   * animation's prefix that holds the whole first frame may decode, to the same pixels.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "hopper-lossy.jxl",
        "p3-jpeg-recompressed.jxl",
        "palette-alpha-lossy.jxl",
        "animated-lossless.jxl",
        "gray-alpha-lossless.jxl"
      })
  void everyPrefix_isTruncated(String fixture) throws JxlException {
    byte[] full = bytes(fixture);
    JxlPixels complete = JXL.decode(full, LIMIT);
    int step = Math.max(1, full.length / 150);
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    int firstFrameOnly = 0;
    for (int n = 1; n < full.length; n += n < 64 ? 1 : step) {
      byte[] prefix = Arrays.copyOf(full, n);
      try {
        JxlPixels pixels = JXL.decode(prefix, LIMIT);
        assertThat(complete.info().animated())
            .as("a %d-byte prefix of %d decodes", n, full.length)
            .isTrue();
        assertThat(pixels.argb()).isEqualTo(complete.argb());
        firstFrameOnly++;
      } catch (JxlException e) {
        kinds.merge(e.kind(), 1, Integer::sum);
      }
    }
    System.out.printf(
        "%s prefixes: %s, %d with the whole first frame%n", fixture, kinds, firstFrameOnly);
    assertThat(kinds.keySet())
        .as("prefixes of a valid file are reported as truncated")
        .containsOnly(Kind.TRUNCATED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hopper-lossy.jxl",
        "p3-jpeg-recompressed.jxl",
        "palette-alpha-lossy.jxl",
        "animated-lossless.jxl",
        "gray-gamma22-jpeg-recompressed.jxl",
        "orientation-6-jpeg-recompressed.jxl"
      })
  void randomByteFlips_failCleanlyOrDecode(String fixture) {
    byte[] full = bytes(fixture);
    Random random = new Random(fixture.hashCode());
    int decoded = 0;
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    for (int i = 0; i < 300; i++) {
      byte[] damaged = full.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        JxlPixels pixels = JXL.decode(damaged, LIMIT);
        assertThat(pixels.argb()).hasSize(pixels.width() * pixels.height());
        decoded++;
      } catch (JxlException e) {
        kinds.merge(e.kind(), 1, Integer::sum);
      }
    }
    System.out.printf("%s with flipped bits: %d decoded, failures %s%n", fixture, decoded, kinds);
  }

  @Test
  void garbage_andEmpty_areInvalidOrTruncated() {
    assertThat(
            catchThrowableOfType(JxlException.class, () -> JXL.decode(new byte[0], LIMIT)).kind())
        .isEqualTo(Kind.TRUNCATED);
    assertThat(
            catchThrowableOfType(JxlException.class, () -> JXL.info("GIF89a....".getBytes(), LIMIT))
                .kind())
        .isEqualTo(Kind.INVALID);
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    noise[0] = (byte) 0xFF;
    noise[1] = 0x0A; // a codestream signature, then noise
    JxlException e = catchThrowableOfType(JxlException.class, () -> JXL.decode(noise, LIMIT));
    assertThat(e).isNotNull();
  }

  @Test
  void headerClaimingMorePixelsThanAllowed_isRefusedBeforeAnyPixelIsDecoded() {
    byte[] header = codestreamHeader(16_000, 16_000); // 256 MP in 11 bytes, no frame at all
    JxlException info =
        catchThrowableOfType(JxlException.class, () -> JXL.info(header, 100_000_000));
    assertThat(info.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(info.getMessage()).contains("16000x16000", "256000000");
    JxlException decode =
        catchThrowableOfType(JxlException.class, () -> JXL.decode(header, 100_000_000));
    assertThat(decode.kind()).isEqualTo(Kind.TOO_LARGE);
    // Allowed, the same bytes get as far as the missing frame: the refusal came from the header.
    JxlException allowed =
        catchThrowableOfType(JxlException.class, () -> JXL.decode(header, 300_000_000));
    assertThat(allowed.kind()).isEqualTo(Kind.TRUNCATED);
  }

  @Test
  void info_ofTheCraftedHeader_withinTheLimit() throws JxlException {
    JxlInfo info = JXL.info(codestreamHeader(3000, 2000), 6_000_000);
    assertThat(info.width()).isEqualTo(3000);
    assertThat(info.height()).isEqualTo(2000);
    assertThat(info.orientation()).isEqualTo(1);
  }

  @Test
  void realImage_overTheLimit_isRefused() throws JxlException {
    byte[] jxl = bytes("hopper-lossy.jxl");
    assertThat(JXL.info(jxl, 128 * 128).pixels()).isEqualTo(128 * 128);
    assertThat(
            catchThrowableOfType(JxlException.class, () -> JXL.decode(jxl, 128 * 128 - 1)).kind())
        .isEqualTo(Kind.TOO_LARGE);
  }

  /**
   * A bare codestream's signature, SizeHeader and an all-default ImageMetadata (ISO/IEC 18181-1
   * A.2, A.6), for sizes of 257 to 262144 pixels per side, and nothing else.
   */
  static byte[] codestreamHeader(int width, int height) {
    Bits bits = new Bits();
    bits.write(0, 1); // small: no
    bits.write(2, 2); // height - 1 as U32 selector 2: 18 bits
    bits.write(height - 1, 18);
    bits.write(0, 3); // ratio: none, the width follows
    bits.write(2, 2);
    bits.write(width - 1, 18);
    bits.write(1, 1); // ImageMetadata all_default
    byte[] body = bits.toByteArray();
    byte[] out = new byte[2 + body.length];
    out[0] = (byte) 0xFF;
    out[1] = 0x0A;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  /** Bits, least significant first, as JPEG XL packs them. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void write(int value, int count) {
      for (int i = 0; i < count; i++) {
        current |= (value >>> i & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    byte[] toByteArray() {
      if (used > 0) {
        out.write(current);
      }
      return out.toByteArray();
    }
  }
}
