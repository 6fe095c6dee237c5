package io.imgedge.transform.resize;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.image.BufferedImage;

/**
 * A separable resampler with fixed-point weights (the approach of Pillow and libvips' reduce),
 * built for speed on the JVM: source rows are unpacked once into per-channel {@code int} planes,
 * the vertical pass runs over whole rows (loops the JIT vectorizes), the horizontal pass filters
 * one row at a time, and nothing image-sized is allocated besides the output. Alpha is
 * premultiplied during resampling so that transparent pixels do not bleed their colour. Values are
 * resampled as stored (sRGB-encoded), like sharp and libvips, unless linear light is chosen.
 */
public final class ConvolutionResizer implements Resizer {
  private final Light light;

  /** The default resampler: sRGB-encoded values, as sharp and libvips resample. */
  public ConvolutionResizer() {
    this(false);
  }

  /**
   * @param linearLight resample in linear light (12-bit), which keeps the brightness of fine,
   *     high-contrast detail; slower
   */
  public ConvolutionResizer(boolean linearLight) {
    this.light = linearLight ? Light.LINEAR : Light.SRGB;
  }

  @Override
  public BufferedImage resize(BufferedImage source, int width, int height, ResizeFilter filter) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    boolean alpha = source.getColorModel().hasAlpha();
    int sw = source.getWidth();
    int sh = source.getHeight();
    int[] pixels = SrgbImages.pixels(source);
    BufferedImage out = SrgbImages.blank(width, height, alpha);
    if (filter == ResizeFilter.NEAREST) {
      int[] sampled = Nearest.sample(pixels, sw, sh, width, height);
      System.arraycopy(sampled, 0, SrgbImages.pixels(out), 0, sampled.length);
      return out;
    }
    resample(pixels, sw, sh, alpha ? 4 : 3, Kernel.of(filter), SrgbImages.pixels(out), width, height);
    return out;
  }

  private void resample(
      int[] src, int sw, int sh, int channels, Kernel kernel, int[] dst, int width, int height) {
    Coefficients vertical = Coefficients.compute(sh, height, kernel, 30 - light.bits);
    Coefficients horizontal = Coefficients.compute(sw, width, kernel, RowResampler.H_BITS);
    int window = 1;
    for (int n : vertical.count) {
      window = Math.max(window, n);
    }
    SourceRows rows = new SourceRows(src, sw, channels, light, window + 1);
    new RowResampler(rows, sw, vertical, horizontal, channels, light).run(0, height, dst);
  }
}
