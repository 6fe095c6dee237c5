package io.imgedge.transform.resize;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** Below this much work (output pixels times taps) a resize is not split between threads. */
  static final long SPLIT_WORK = 2_000_000;

  private final Light light;
  private final @Nullable Executor helper;
  private final AtomicInteger running = new AtomicInteger();

  /** The default resampler, on the calling thread only: sRGB-encoded values, as sharp resamples. */
  public ConvolutionResizer() {
    this(false, null);
  }

  /**
   * @param linearLight resample in linear light (12-bit), which keeps the brightness of fine,
   *     high-contrast detail; slower
   * @param helper where the lower half of a large resize may run while the calling thread does the
   *     upper half (the caller does both if the helper has not started by then), or null for the
   *     calling thread only. A resize is split only while no other resize of this resampler runs,
   *     so it shortens one render when a core is idle and stays out of the way under load.
   */
  public ConvolutionResizer(boolean linearLight, @Nullable Executor helper) {
    this.light = linearLight ? Light.LINEAR : Light.SRGB;
    this.helper = helper;
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
    Coefficients vertical = Coefficients.compute(region.getY(), region.getHeight(),
        source.getHeight(), height, kernel, 30 - light.bits);
    Coefficients horizontal = Coefficients.compute(region.getX(), region.getWidth(),
        source.getWidth(), width, kernel, RowResampler.H_BITS);
    BufferedImage out = SrgbImages.blank(width, height, alpha);
    resample(SrgbImages.pixels(source), source.getWidth(), alpha ? 4 : 3, vertical, horizontal,
        SrgbImages.pixels(out));
    return out;
  }

  private void resample(int[] src, int sw, int channels, Coefficients vertical,
      Coefficients horizontal, int[] dst) {
    int width = horizontal.start.length;
    int height = vertical.start.length;
    int window = 1;
    for (int n : vertical.count) {
      window = Math.max(window, n);
    }
    int ring = window + 1;
    Band band = (from, to) -> new RowResampler(new SourceRows(src, sw, channels, light, ring), sw,
        vertical, horizontal, channels, light).run(from, to, dst);
    long work = (long) width * height * (window + horizontal.stride);
    Executor with = helper;
    running.incrementAndGet();
    try {
      if (with == null || work < SPLIT_WORK || height < 2 || running.get() > 1) {
        band.run(0, height); // small, or another resize is running: the cores are busy anyway
      } else {
        split(with, band, height);
      }
    } finally {
      running.decrementAndGet();
    }
  }

  private static void split(Executor helper, Band band, int height) {
    int middle = height / 2;
    FutureTask<Void> lower = new FutureTask<>(() -> band.run(middle, height), null);
    try {
      helper.execute(lower);
    } catch (RejectedExecutionException e) {
      // the helper is shutting down: the caller does both halves
    }
    band.run(0, middle);
    lower.run(); // does the lower half here unless the helper has started it
    join(lower);
  }

  private interface Band {
    void run(int from, int to);
  }

  private static void join(FutureTask<Void> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resizing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
