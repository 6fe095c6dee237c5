package io.imgedge.transform.resize;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import org.imgscalr.Scalr;
import org.junit.jupiter.api.Test;

/**
 * imgscalr (the first suggestion for resizing) is the baseline the resampler is measured
 * against. This shows why it is not the default: a fine pattern shrunk by a non-integer factor
 * aliases with imgscalr's fast path, while the convolution resizer filters it to even gray.
 */
class ImgscalrBaselineTest {
  private static final BufferedImage BOARD =
      TestImages.checkerboard(400, 400, 0xFF000000, 0xFFFFFFFF);

  @Test
  void nonIntegerShrinkOfAFinePattern_convolutionIsEven_imgscalrSpeedAliases() {
    BufferedImage ours = new ConvolutionResizer().resize(BOARD, 130, 130, ResizeFilter.LANCZOS3);
    BufferedImage baseline =
        Scalr.resize(BOARD, Scalr.Method.SPEED, Scalr.Mode.FIT_EXACT, 130, 130);
    assertThat(spread(ours)).as("convolution: max - min gray").isLessThan(12);
    assertThat(spread(baseline)).as("imgscalr SPEED: max - min gray").isGreaterThan(100);
    assertThat(baseline.getWidth()).isEqualTo(ours.getWidth());
  }

  private static int spread(BufferedImage image) {
    int min = 255;
    int max = 0;
    for (int y = 2; y < image.getHeight() - 2; y++) {
      for (int x = 2; x < image.getWidth() - 2; x++) {
        int g = Pixels.rgbAt(image, x, y).green();
        min = Math.min(min, g);
        max = Math.max(max, g);
      }
    }
    return max - min;
  }
}
