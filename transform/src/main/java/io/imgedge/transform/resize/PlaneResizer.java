package io.imgedge.transform.resize;

import io.imgedge.transform.RenderScope;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
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
    for (int i = 0; i < jobs.size(); i++) {
      Job job = jobs.get(i);
      boolean pair = i + 1 < jobs.size() && sameGeometry(job, jobs.get(i + 1));
      PlaneRows.Prepared prepared =
          PlaneRows.prepare(pair ? List.of(job, jobs.get(++i)) : List.of(job), kernel);
      work += prepared.work();
      int per = (job.height() + ConvolutionResizer.CHUNKS - 1) / ConvolutionResizer.CHUNKS;
      per += per % 2; // whole pairs of rows
      for (int y = 0; y < job.height(); y += per) {
        bands.add(new Band(prepared, y, Math.min(job.height(), y + per)));
      }
    }
    Executor with = helper;
    running.incrementAndGet();
    try {
      SharedParts shared = new SharedParts(bands.size(), () -> bandWorker(bands));
      if (with == null || work < ConvolutionResizer.SPLIT_WORK || running.get() > 1) {
        shared.runAlone();
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

  /**
   * Whether two jobs resample planes of one size alike (a JPEG's Cb and Cr): they share weights.
   */
  private static boolean sameGeometry(Job a, Job b) {
    return a.source().width() == b.source().width()
        && a.source().height() == b.source().height()
        && a.region().equals(b.region())
        && a.width() == b.width()
        && a.height() == b.height()
        && Double.compare(a.maxCentreX(), b.maxCentreX()) == 0
        && Double.compare(a.maxCentreY(), b.maxCentreY()) == 0;
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

  /** Output rows {@code [from, to)} of one or two prepared planes. */
  private record Band(PlaneRows.Prepared plane, int from, int to) {}

  /**
   * One thread's worker over the bands: a {@link PlaneRows} per prepared plane (or pair of planes),
   * made at the first band of that plane the thread takes.
   */
  private static SharedParts.Worker bandWorker(List<Band> bands) {
    java.util.Map<PlaneRows.Prepared, PlaneRows> mine = new java.util.IdentityHashMap<>();
    return i -> {
      Band band = bands.get(i);
      mine.computeIfAbsent(band.plane(), PlaneRows::new).run(band.from(), band.to());
    };
  }

  /**
   * One thread's resampling of one plane, or of two alike (Cb and Cr): the source columns the
   * output needs are read, a ring of source rows per plane widened to {@code int} once each, a
   * vertical pass over whole rows (which the JIT vectorizes) and a horizontal pass that filters two
   * rows at once, packed in a {@code long} as {@link RowResampler} packs two channels: the two
   * planes' rows, or two output rows of a single plane.
   */
  static final class PlaneRows {
    /** 8-bit values: vertical weights of 22 bits keep every sum within an {@code int}. */
    private static final int V_BITS = 22;

    private static final int SHIFT = RowResampler.INTERMEDIATE_SHIFT;
    private static final int FINAL_SHIFT = RowResampler.H_BITS + V_BITS - SHIFT;

    /** What every thread shares for one or two planes: the jobs and their weights. */
    record Prepared(
        List<Job> jobs, Coefficients vertical, Coefficients horizontal, int lo, int hi) {
      long work() {
        Job job = jobs.get(0);
        return jobs.size()
            * ((long) job.height() * ((hi - lo) * (long) vertical.stride)
                + (long) job.width() * job.height() * horizontal.stride);
      }
    }

    static Prepared prepare(List<Job> jobs, Kernel kernel) {
      Job job = jobs.get(0);
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
      return new Prepared(jobs, vertical, horizontal, lo, hi);
    }

    private final Prepared p;
    private final int[][][] ring;
    private final int[][] ringRow;
    private final int[] acc0;
    private final int[] acc1;
    private final long[] pair;

    PlaneRows(Prepared p) {
      this.p = p;
      int window = 1;
      for (int n : p.vertical().count) {
        window = Math.max(window, n);
      }
      int planes = p.jobs().size();
      int span = p.hi() - p.lo();
      this.ring = new int[planes][window + 2][span];
      this.ringRow = new int[planes][window + 2];
      for (int[] rows : ringRow) {
        java.util.Arrays.fill(rows, -1);
      }
      this.acc0 = new int[span];
      this.acc1 = new int[span];
      this.pair = new long[span];
    }

    void run(int from, int to) {
      List<Job> jobs = p.jobs();
      Job first = jobs.get(0);
      Plane t0 = first.target();
      if (jobs.size() == 2) {
        Plane t1 = jobs.get(1).target();
        for (int y = from; y < to; y++) {
          RenderScope.checkpoint();
          vertical(0, y, acc0);
          vertical(1, y, acc1);
          horizontalPair(t0.samples(), y * t0.stride(), t1.samples(), y * t1.stride());
        }
        return;
      }
      int y = from;
      for (; y + 1 < to; y += 2) {
        RenderScope.checkpoint();
        vertical(0, y, acc0);
        vertical(0, y + 1, acc1);
        horizontalPair(t0.samples(), y * t0.stride(), t0.samples(), (y + 1) * t0.stride());
      }
      if (y < to) {
        vertical(0, y, acc0);
        horizontal(t0.samples(), y * t0.stride());
      }
    }

    /** Source row {@code y} of plane {@code c}, widened. */
    private int[] row(int c, int y) {
      int[][] rows = ring[c];
      int slot = y % rows.length;
      int[] r = rows[slot];
      if (ringRow[c][slot] != y) {
        Plane s = p.jobs().get(c).source();
        byte[] b = s.samples();
        int offset = y * s.stride() + p.lo();
        for (int x = 0; x < r.length; x++) {
          r[x] = b[offset + x] & 0xFF;
        }
        ringRow[c][slot] = y;
      }
      return r;
    }

    private void vertical(int c, int y, int[] a) {
      Coefficients v = p.vertical();
      java.util.Arrays.fill(a, 1 << (SHIFT - 1));
      int offset = y * v.stride;
      for (int k = 0, n = v.count[y]; k < n; k++) {
        int w = v.weights[offset + k];
        int[] r = row(c, v.start[y] + k);
        for (int x = 0; x < a.length; x++) {
          a[x] += r[x] * w;
        }
      }
      for (int x = 0; x < a.length; x++) {
        a[x] >>= SHIFT;
      }
    }

    /** Filters {@code acc0} into {@code out0} and {@code acc1} into {@code out1}, together. */
    private void horizontalPair(byte[] out0, int offset0, byte[] out1, int offset1) {
      int[] a0 = acc0;
      int[] a1 = acc1;
      long[] rb = pair;
      for (int x = 0; x < rb.length; x++) {
        rb[x] = ((long) a1[x] << 32) + a0[x];
      }
      Coefficients h = p.horizontal();
      int[] start = h.start;
      int[] count = h.count;
      int[] weights = h.weights;
      int stride = h.stride;
      int lo = p.lo();
      int round = 1 << (FINAL_SHIFT - 1);
      for (int x = 0, n = p.jobs().get(0).width(); x < n; x++) {
        long sum = 0;
        int first = start[x] - lo;
        int w = x * stride;
        for (int k = 0, c = count[x]; k < c; k++) {
          sum += rb[first + k] * weights[w + k];
        }
        int low = (int) sum;
        int high = (int) ((sum - low) >> 32);
        out0[offset0 + x] = clamp((low + round) >> FINAL_SHIFT);
        out1[offset1 + x] = clamp((high + round) >> FINAL_SHIFT);
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
      int[] a = acc0;
      for (int x = 0, n = p.jobs().get(0).width(); x < n; x++) {
        int sum = round;
        int first = start[x] - lo;
        int w = x * stride;
        for (int k = 0, c = count[x]; k < c; k++) {
          sum += a[first + k] * weights[w + k];
        }
        out[offset + x] = clamp(sum >> FINAL_SHIFT);
      }
    }

    private static byte clamp(int v) {
      return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
  }
}
