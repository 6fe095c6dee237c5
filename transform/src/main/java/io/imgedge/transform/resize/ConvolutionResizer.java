package io.imgedge.transform.resize;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A separable resampler with fixed-point weights (the approach of Pillow and libvips' reduce),
 * built for speed on the JVM: source rows are unpacked once into per-channel {@code int} planes,
 * the vertical pass runs over whole rows (loops the JIT vectorizes), the horizontal pass filters
 * one row at a time, and nothing image-sized is allocated besides the output. Alpha is
 * premultiplied during resampling so that transparent pixels do not bleed their colour. Values are
 * resampled as stored (sRGB-encoded), like sharp and libvips, unless linear light is chosen.
 */
public final class ConvolutionResizer implements Resizer {
  /** Below this much work (output pixels times taps) a resize is not shared with the helper. */
  static final long SPLIT_WORK = 2_000_000;

  /** A shared resize is cut into this many bands of rows, taken by whoever is free. */
  static final int CHUNKS = 8;

  private final Light light;
  private final @Nullable Executor helper;
  private final AtomicInteger running = new AtomicInteger();
  private final PlaneResizer planes;

  /** The default resampler, on the calling thread only: sRGB-encoded values, as sharp resamples. */
  public ConvolutionResizer() {
    this(false, null);
  }

  /**
   * @param linearLight resample in linear light (12-bit), which keeps the brightness of fine,
   *     high-contrast detail; slower
   * @param helper a thread that may take bands of rows of a large resize while the calling thread
   *     takes the others (the caller takes them all if the helper does not start; it never waits
   *     for more than the band the helper is on), or null for the calling thread only. A resize is
   *     shared only while no other resize of this resampler runs, so it shortens one render when a
   *     core is idle and stays out of the way under load.
   */
  public ConvolutionResizer(boolean linearLight, @Nullable Executor helper) {
    this.light = linearLight ? Light.LINEAR : Light.SRGB;
    this.helper = helper;
    this.planes = new PlaneResizer(helper, running);
  }

  /** The same filters on single planes, sharing the helper; none in linear light. */
  @Override
  public @Nullable PlaneResizer planes() {
    return light.linear() ? null : planes;
  }

  @Override
  public boolean resamplesStoredValues() {
    return !light.linear();
  }

  @Override
  public BufferedImage resize(BufferedImage source, int width, int height, ResizeFilter filter) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    int sw = source.getWidth();
    int sh = source.getHeight();
    if (filter != ResizeFilter.NEAREST) {
      return resize(source, new Rectangle2D.Double(0, 0, sw, sh), width, height, filter);
    }
    BufferedImage out = SrgbImages.blank(width, height, source.getColorModel().hasAlpha());
    int[] sampled = Nearest.sample(SrgbImages.pixels(source), sw, sh, width, height);
    System.arraycopy(sampled, 0, SrgbImages.pixels(out), 0, sampled.length);
    return out;
  }

  /** Resamples the region exactly, fractional edges included, without cropping first. */
  @Override
  public BufferedImage resize(
      BufferedImage source, Rectangle2D region, int width, int height, ResizeFilter filter) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    if (filter == ResizeFilter.NEAREST) {
      return Resizer.super.resize(source, region, width, height, filter);
    }
    boolean alpha = source.getColorModel().hasAlpha();
    Kernel kernel = Kernel.of(filter);
    Coefficients vertical =
        Coefficients.compute(
            region.getY(), region.getHeight(), source.getHeight(), height, kernel, 30 - light.bits);
    Coefficients horizontal =
        Coefficients.compute(
            region.getX(),
            region.getWidth(),
            source.getWidth(),
            width,
            kernel,
            RowResampler.H_BITS);
    BufferedImage out = SrgbImages.blank(width, height, alpha);
    resample(
        SrgbImages.pixels(source),
        source.getWidth(),
        alpha ? 4 : 3,
        vertical,
        horizontal,
        SrgbImages.pixels(out));
    return out;
  }

  private void resample(
      int[] src, int sw, int channels, Coefficients vertical, Coefficients horizontal, int[] dst) {
    int width = horizontal.start.length;
    int height = vertical.start.length;
    int window = 1;
    for (int n : vertical.count) {
      window = Math.max(window, n);
    }
    int ring = window + 1;
    Supplier<RowResampler> worker =
        () ->
            new RowResampler(
                new SourceRows(src, sw, channels, light, ring),
                sw,
                vertical,
                horizontal,
                channels,
                light);
    long work = (long) width * height * (window + horizontal.stride);
    Executor with = helper;
    running.incrementAndGet();
    try {
      if (with == null || work < SPLIT_WORK || height < CHUNKS || running.get() > 1) {
        worker.get().run(0, height, dst); // small, or another resize runs: the cores are busy
      } else {
        int rowsPerChunk = (height + CHUNKS - 1) / CHUNKS;
        new SharedParts(
                CHUNKS,
                () -> {
                  RowResampler rows = worker.get();
                  return c ->
                      rows.run(
                          Math.min(height, c * rowsPerChunk),
                          Math.min(height, (c + 1) * rowsPerChunk),
                          dst);
                })
            .runWith(with);
      }
    } finally {
      running.decrementAndGet();
    }
  }
}
