package io.imgedge.transform.resize;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Resamples single 8-bit planes, such as the Y, Cb and Cr planes of a YCbCr JPEG, with the
 * separable fixed-point filter of {@link RowResampler} (same kernels, weights, rounding and
 * precision) on one channel at a time: a JPEG resized as its planes needs half the arithmetic of
 * the same resize in RGB (the chroma planes are a quarter of the luma plane at 4:2:0), and neither
 * colour conversion nor chroma resampling in the codec. Values are resampled as stored, which for
 * YCbCr (a linear map of gamma-encoded RGB) gives what resampling the RGB values as stored gives.
 *
 * <p>A call resamples every plane it is given, in bands of rows taken by the calling thread and,
 * while no other resize of the same resampler runs, by the helper (as {@link ConvolutionResizer}
 * shares its bands).
 */
public final class PlaneResizer {
  private final @Nullable Executor helper;
  private final AtomicInteger running;

  PlaneResizer(@Nullable Executor helper, AtomicInteger running) {
    this.helper = helper;
    this.running = running;
  }

  /**
   * One plane to resample: {@code region} of {@code source} (in its sample coordinates, fractional
   * edges allowed; filter windows are cut at the plane's edges and renormalised) to the first
   * {@code width} x {@code height} samples of {@code target}, with no output sample centred right
   * of {@code maxCentreX} or below {@code maxCentreY} (source coordinates); target samples right of
   * or below the output repeat its last column and row (the padding a codec reads).
   */
  public record Job(
      Plane source,
      Rectangle2D region,
      Plane target,
      int width,
      int height,
      double maxCentreX,
      double maxCentreY) {
    /** Checks that the output fits the target. */
    public Job {
      if (width < 1 || height < 1 || width > target.width() || height > target.height()) {
        throw new IllegalArgumentException(
            "output " + width + "x" + height + " does not fit the target plane");
      }
    }

    /** A job whose samples are spread evenly over the whole region. */
    public Job(Plane source, Rectangle2D region, Plane target, int width, int height) {
      this(
          source,
          region,
          target,
          width,
          height,
          Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY);
    }
  }

  /** Resamples every job's plane. */
  public void resize(List<Job> jobs, ResizeFilter filter) {
    if (filter == ResizeFilter.NEAREST) {
      throw new IllegalArgumentException("planes are resampled with a convolution filter");
    }
    Kernel kernel = Kernel.of(filter);
    List<Band> bands = new java.util.ArrayList<>();
    long work = 0;
    for (Job job : jobs) {
      PlaneRows.Prepared prepared = PlaneRows.prepare(job, kernel);
      work += prepared.work();
      int per =
          Math.max(1, (job.height() + ConvolutionResizer.CHUNKS - 1) / ConvolutionResizer.CHUNKS);
      for (int y = 0; y < job.height(); y += per) {
        bands.add(new Band(prepared, y, Math.min(job.height(), y + per)));
      }
    }
    Executor with = helper;
    running.incrementAndGet();
    try {
      SharedBands shared = new SharedBands(bands);
      if (with == null || work < ConvolutionResizer.SPLIT_WORK || running.get() > 1) {
        shared.run();
        shared.rethrow();
      } else {
        shared.runWith(with);
      }
    } finally {
      running.decrementAndGet();
    }
    for (Job job : jobs) {
      pad(job);
    }
  }

  /** Repeats the last column and row of the output into the target's padding. */
  private static void pad(Job job) {
    Plane t = job.target();
    byte[] s = t.samples();
    for (int y = 0; y < job.height(); y++) {
      int row = y * t.stride();
      java.util.Arrays.fill(s, row + job.width(), row + t.width(), s[row + job.width() - 1]);
    }
    int last = (job.height() - 1) * t.stride();
    for (int y = job.height(); y < t.height(); y++) {
      System.arraycopy(s, last, s, y * t.stride(), t.width());
    }
  }

  /** Output rows {@code [from, to)} of one prepared plane. */
  private record Band(PlaneRows.Prepared plane, int from, int to) {}

  /** Bands taken in turn by whoever is free (the caller, the helper). */
  private static final class SharedBands implements Runnable {
    private final List<Band> bands;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();

    SharedBands(List<Band> bands) {
      this.bands = bands;
      this.done = new CountDownLatch(bands.size());
    }

    void runWith(Executor helper) {
      try {
        helper.execute(this);
      } catch (RejectedExecutionException e) {
        // busy or shutting down: this thread takes every band
      }
      run();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while resizing", e);
      }
      rethrow();
    }

    void rethrow() {
      RuntimeException e = failure.get();
      if (e != null) {
        throw e;
      }
    }

    @Override
    public void run() {
      java.util.Map<PlaneRows.Prepared, PlaneRows> mine = new java.util.IdentityHashMap<>();
      for (int i = next.getAndIncrement(); i < bands.size(); i = next.getAndIncrement()) {
        Band band = bands.get(i);
        try {
          if (failure.get() == null) {
            mine.computeIfAbsent(band.plane(), PlaneRows::new).run(band.from(), band.to());
          }
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }
    }
  }

  /**
   * One thread's resampling of one plane: the source columns the output needs are read, a ring of
   * source rows widened to {@code int} once each, a vertical pass over whole rows (which the JIT
   * vectorizes) and a horizontal pass per output row.
   */
  static final class PlaneRows {
    /** 8-bit values: vertical weights of 22 bits keep every sum within an {@code int}. */
    private static final int V_BITS = 22;

    private static final int SHIFT = RowResampler.INTERMEDIATE_SHIFT;
    private static final int FINAL_SHIFT = RowResampler.H_BITS + V_BITS - SHIFT;

    /** What every thread shares for one plane: the job and its weights. */
    record Prepared(Job job, Coefficients vertical, Coefficients horizontal, int lo, int hi) {
      long work() {
        return (long) job.height() * ((hi - lo) * (long) vertical.stride)
            + (long) job.width() * job.height() * horizontal.stride;
      }
    }

    static Prepared prepare(Job job, Kernel kernel) {
      Rectangle2D r = job.region();
      Plane s = job.source();
      Coefficients vertical =
          Coefficients.compute(
              r.getY(), r.getHeight(), s.height(), job.height(), kernel, V_BITS, job.maxCentreY());
      Coefficients horizontal =
          Coefficients.compute(
              r.getX(),
              r.getWidth(),
              s.width(),
              job.width(),
              kernel,
              RowResampler.H_BITS,
              job.maxCentreX());
      int lo = Integer.MAX_VALUE;
      int hi = 0;
      for (int x = 0; x < job.width(); x++) {
        lo = Math.min(lo, horizontal.start[x]);
        hi = Math.max(hi, horizontal.start[x] + horizontal.count[x]);
      }
      return new Prepared(job, vertical, horizontal, lo, hi);
    }

    private final Prepared p;
    private final int[][] ring;
    private final int[] ringRow;
    private final int[] acc;

    PlaneRows(Prepared p) {
      this.p = p;
      int window = 1;
      for (int n : p.vertical().count) {
        window = Math.max(window, n);
      }
      this.ring = new int[window + 1][p.hi() - p.lo()];
      this.ringRow = new int[window + 1];
      java.util.Arrays.fill(ringRow, -1);
      this.acc = new int[p.hi() - p.lo()];
    }

    void run(int from, int to) {
      Job job = p.job();
      byte[] out = job.target().samples();
      int stride = job.target().stride();
      for (int y = from; y < to; y++) {
        RenderScope.checkpoint();
        vertical(y);
        horizontal(out, y * stride);
      }
    }

    private int[] row(int y) {
      int slot = y % ring.length;
      int[] r = ring[slot];
      if (ringRow[slot] != y) {
        Plane s = p.job().source();
        byte[] b = s.samples();
        int offset = y * s.stride() + p.lo();
        for (int x = 0; x < r.length; x++) {
          r[x] = b[offset + x] & 0xFF;
        }
        ringRow[slot] = y;
      }
      return r;
    }

    private void vertical(int y) {
      Coefficients v = p.vertical();
      int[] a = acc;
      java.util.Arrays.fill(a, 1 << (SHIFT - 1));
      int offset = y * v.stride;
      for (int k = 0, n = v.count[y]; k < n; k++) {
        int w = v.weights[offset + k];
        int[] r = row(v.start[y] + k);
        for (int x = 0; x < a.length; x++) {
          a[x] += r[x] * w;
        }
      }
      for (int x = 0; x < a.length; x++) {
        a[x] >>= SHIFT;
      }
    }

    private void horizontal(byte[] out, int offset) {
      Coefficients h = p.horizontal();
      int[] start = h.start;
      int[] count = h.count;
      int[] weights = h.weights;
      int stride = h.stride;
      int lo = p.lo();
      int round = 1 << (FINAL_SHIFT - 1);
      int[] a = acc;
      for (int x = 0, n = p.job().width(); x < n; x++) {
        int sum = round;
        int first = start[x] - lo;
        int w = x * stride;
        for (int k = 0, c = count[x]; k < c; k++) {
          sum += a[first + k] * weights[w + k];
        }
        int v = sum >> FINAL_SHIFT;
        out[offset + x] = (byte) (v < 0 ? 0 : Math.min(v, 255));
      }
    }
  }
}
