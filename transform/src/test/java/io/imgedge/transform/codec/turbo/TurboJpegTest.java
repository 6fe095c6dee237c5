package io.imgedge.transform.codec.turbo;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The binding itself; needs libturbojpeg0 (CI installs it), and fails without it. */
class TurboJpegTest {
  private static final TurboJpeg TURBO = TurboJpeg.load(TurboJpeg.DEFAULT_LIBRARY);
  private static final byte[] JPEG =
      TestImages.encode(TestImages.horizontalGradient(99, 41), "jpg");

  @Test
  void version_isReadFromTheLoadedLibrary() {
    assertThat(TURBO.version()).matches("libjpeg-turbo [0-9]+\\.[0-9x]+.*");
  }

  @Test
  void load_absentLibrary_isRefused() {
    assertThatThrownBy(() -> TurboJpeg.load("libturbojpeg-absent.so.0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void info_readsSizeAndColourspace() throws TurboJpegException {
    JpegInfo info = TURBO.info(JPEG);
    assertThat(info.width()).isEqualTo(99);
    assertThat(info.height()).isEqualTo(41);
    assertThat(info.gray()).isFalse();
    assertThat(info.scaledWidth(4)).isEqualTo(50);
    assertThat(info.scaledHeight(1)).isEqualTo(6);
  }

  @Test
  void decode_fullSize_matchesImageIo() throws TurboJpegException {
    int[] pixels = TURBO.decode(JPEG, TURBO.info(JPEG), 8);
    BufferedImage image = wrap(pixels, 99, 41);
    assertThatImage(image).isCloseTo(TestImages.decode(JPEG), 0.5);
    assertThat(pixels[0] >>> 24).as("opaque").isEqualTo(0xFF);
  }

  @Test
  void decode_eachPowerOfTwoScale_hasLibjpegsRoundedUpSize() throws TurboJpegException {
    JpegInfo info = TURBO.info(JPEG);
    for (int eighths : new int[] {1, 2, 4}) {
      assertThat(TURBO.decode(JPEG, info, eighths))
          .hasSize(info.scaledWidth(eighths) * info.scaledHeight(eighths));
    }
    assertThatThrownBy(() -> TURBO.decode(JPEG, info, 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_truncated_warnsInsteadOfReturningGray() throws TurboJpegException {
    byte[] cut = Arrays.copyOf(JPEG, JPEG.length / 2);
    var e =
        catchThrowableOfType(
            TurboJpegException.class, () -> TURBO.decode(cut, TURBO.info(JPEG), 8));
    assertThat(e.getMessage()).containsIgnoringCase("premature end");
    assertThat(e.warning()).isTrue();
  }

  @Test
  void info_garbage_isAnError() {
    var e =
        catchThrowableOfType(
            TurboJpegException.class, () -> TURBO.info(new byte[] {1, 2, 3, 4, 5}));
    assertThat(e.warning()).isFalse();
  }

  @Test
  void encode_roundTrips_andHonoursQuality() throws TurboJpegException {
    BufferedImage image = TestImages.horizontalGradient(64, 48);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    byte[] q95 = TURBO.encode(pixels, 64, 48, 95, false);
    byte[] q30 = TURBO.encode(pixels, 64, 48, 30, false);
    assertThatImage(TestImages.decode(q95)).hasSize(64, 48).isCloseTo(image, 1.0);
    assertThat(q30.length).isLessThan(q95.length);
  }

  private static BufferedImage wrap(int[] pixels, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    System.arraycopy(
        pixels, 0, ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
    return image;
  }
}
