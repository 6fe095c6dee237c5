package io.imgedge.transform.codec.avif;

import static io.imgedge.transform.codec.avif.AvifFixtures.MAX_PIXELS;
import static io.imgedge.transform.codec.avif.AvifFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncated and corrupted AVIFs end in an {@link AvifException}, or (a corrupted AV1 payload that
 * dav1d still decodes) in a sane picture: never another exception, never a crash of the JVM.
 */
class AvifRobustnessTest {
  private static final LibAvif AVIF = LibAvif.load(LibAvif.DEFAULT_LIBRARY);

  @ParameterizedTest
  @ValueSource(strings = {"palette-alpha.avif", "rgba-10bit.avif", "irot1-imir0.avif"})
  void everyPrefix_isRefused(String name) {
    byte[] data = bytes(name);
    for (int length = 0; length < data.length; length += length < 400 ? 1 : 7) {
      byte[] prefix = Arrays.copyOf(data, length);
      assertThat(catchThrowable(() -> AVIF.decode(prefix, MAX_PIXELS)))
          .as("the first %d of %d bytes", length, data.length)
          .isInstanceOf(AvifException.class);
      assertThat(catchThrowable(() -> AVIF.parse(prefix, MAX_PIXELS)))
          .as("parse the first %d bytes", length)
          .satisfiesAnyOf(
              t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(AvifException.class));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"palette-alpha.avif", "rgba-10bit.avif", "displayp3-icc.avif"})
  void randomByteFlips_failCleanlyOrDecodeSanely(String name) {
    byte[] data = bytes(name);
    SplittableRandom random = new SplittableRandom(20240601L + name.hashCode());
    int refused = 0;
    for (int round = 0; round < 400; round++) {
      byte[] corrupt = data.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
      }
      try {
        AvifPixels decoded = AVIF.decode(corrupt, MAX_PIXELS);
        assertThat(decoded.argb()).hasSize(decoded.info().width() * decoded.info().height());
      } catch (AvifException e) {
        refused++;
        assertThat(e.getMessage()).isNotBlank();
      }
    }
    assertThat(refused).as("corrupt files refused").isPositive();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 12, 64})
  void garbage_isRefused(int length) {
    byte[] garbage = new byte[length];
    new SplittableRandom(length).nextBytes(garbage);
    assertThat(catchThrowable(() -> AVIF.decode(garbage, MAX_PIXELS)))
        .isInstanceOf(AvifException.class);
    assertThat(catchThrowable(() -> AVIF.parse(garbage, MAX_PIXELS)))
        .isInstanceOf(AvifException.class);
  }
}
