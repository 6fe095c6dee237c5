package io.imgedge.transform.codec.avif;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.RequiresCorpus;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints encode sizes, times and quality for choosing the AVIF settings; asserts nothing about
 * time. The corpus' sharp benchmark photo is resized to 720x588 (lanczos3), encoded, decoded again
 * and compared with the resized picture (PSNR and a plain 8x8-window SSIM on luma: comparable
 * between rows, not with other tools' SSIM). Run it alone:
 *
 * <pre>
 * ./mvnw -B -o -q -pl transform -am test -Dtest=AvifMeasurements -DexcludedTestGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("slow")
@RequiresCorpus
class AvifMeasurements {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 588;
  private static final int WARM_UPS = 2;
  private static final int RUNS = 7;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final String HEADER =
      "| speed | subsampling | quantizer | bytes | encode ms (wall) "
          + "| encode ms (CPU, calling thread) | PSNR-Y | SSIM-Y |\n|---:|---|---:|---:|---:|---:|---:|---:|";

  private final LibAvif avif = LibAvif.load(LibAvif.DEFAULT_LIBRARY);

  @Test
  void speedsAndSubsampling() throws AvifException {
    int[] photo = SrgbImages.pixels(photo());
    System.out.println(
        "# "
            + avif.version()
            + ", "
            + WIDTH
            + "x"
            + HEIGHT
            + ", 1 thread, median of "
            + RUNS
            + " (wall time is noisy on a shared machine: CPU time is the steadier figure)");
    System.out.println(HEADER);
    for (int speed : new int[] {6, 7, 8, 9}) {
      for (int subsampling : new int[] {420, 444}) {
        print(photo, new AvifSettings(speed, subsampling, 1, 24, 24, 0, 0));
      }
    }
    System.out.println("\n# quality -> quantizer (round((100 - q) * 63 / 100)), 4:2:0");
    System.out.println(HEADER);
    for (int speed : new int[] {8, 9}) {
      for (int quality : new int[] {40, 50, 60, 70, 80, 90}) {
        print(photo, AvifSettings.forQuality(quality, speed, 420, 1));
      }
    }
    System.out.println("\n# two threads (the machine's 2 cores; others may be building)");
    print(photo, new AvifSettings(6, 420, 2, 24, 24, 0, 0));
    print(photo, new AvifSettings(9, 420, 2, 24, 24, 0, 0));
  }

  @Test
  void alphaQuantizer() throws AvifException {
    int[] pixels = SrgbImages.pixels(photo());
    System.out.println(
        "# alpha plane: speed 8, 4:2:0, colour quantizer 25 (q60); masks: an ellipse");
    System.out.println("# fading out over 40 px (soft), the same ellipse cut hard (hard)");
    System.out.println(
        "| mask | alpha quantizer | bytes | of which alpha (vs opaque) | alpha mean error | alpha max error |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    int[] opaque = pixels.clone();
    Arrays.setAll(opaque, i -> opaque[i] | 0xFF000000);
    int colourOnly =
        avif.encode(opaque, WIDTH, HEIGHT, false, new AvifSettings(8, 420, 1, 25, 25, 0, 0)).length;
    for (int fade : new int[] {40, 0}) {
      int[] photo = withMask(pixels, fade);
      for (int q : new int[] {0, 2, 5, 10, 20}) {
        byte[] out =
            avif.encode(photo, WIDTH, HEIGHT, true, new AvifSettings(8, 420, 1, 25, 25, q, q));
        int[] back = avif.decode(out, Long.MAX_VALUE).argb();
        System.out.printf(
            "| %s | %d | %,d | %,d | %.3f | %d |%n",
            fade > 0 ? "soft" : "hard",
            q,
            out.length,
            out.length - colourOnly,
            AvifFixtures.meanAlphaDiff(back, photo),
            AvifFixtures.maxAlphaDiff(back, photo));
      }
    }
  }

  private void print(int[] photo, AvifSettings s) throws AvifException {
    byte[] out = null;
    for (int i = 0; i < WARM_UPS; i++) {
      out = avif.encode(photo, WIDTH, HEIGHT, false, s);
    }
    long[] nanos = new long[RUNS];
    long[] cpu = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      out = avif.encode(photo, WIDTH, HEIGHT, false, s);
      nanos[i] = System.nanoTime() - t;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    int[] back = avif.decode(out, Long.MAX_VALUE).argb();
    System.out.printf(
        "| %d | %d | %d | %,d | %.0f | %.0f | %.2f | %.4f |%n",
        s.speed(),
        s.subsampling(),
        s.minQuantizer(),
        out.length,
        nanos[RUNS / 2] / 1e6,
        cpu[RUNS / 2] / 1e6,
        psnrY(photo, back),
        ssimY(photo, back));
  }

  private static BufferedImage photo() {
    BufferedImage source =
        SrgbImages.normalize(TestImages.decode(Corpus.bytes("perf-2725x2225.jpg")));
    return new ConvolutionResizer().resize(source, WIDTH, HEIGHT, ResizeFilter.LANCZOS3);
  }

  /** An ellipse, opaque inside, fading to transparent over {@code fade} pixels (0: a hard edge). */
  private static int[] withMask(int[] pixels, int fade) {
    int[] out = new int[pixels.length];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        double dx = (x - WIDTH / 2.0) / (WIDTH * 0.4);
        double dy = (y - HEIGHT / 2.0) / (HEIGHT * 0.4);
        double outside = (Math.sqrt(dx * dx + dy * dy) - 1) * WIDTH * 0.4;
        double opacity = fade > 0 ? 1 - outside / fade : outside <= 0 ? 1 : 0;
        int a = (int) Math.round(255 * Math.min(1, Math.max(0, opacity)));
        out[y * WIDTH + x] = a << 24 | pixels[y * WIDTH + x] & 0xFFFFFF;
      }
    }
    return out;
  }

  private static double[] luma(int[] argb) {
    double[] y = new double[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      y[i] = 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
    }
    return y;
  }

  private static double psnrY(int[] a, int[] b) {
    double[] x = luma(a);
    double[] y = luma(b);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (x[i] - y[i]) * (x[i] - y[i]);
    }
    return 10 * Math.log10(255 * 255 / (sum / x.length));
  }

  /** Mean SSIM over 8x8 windows at a step of 4, on luma. */
  private static double ssimY(int[] a, int[] b) {
    double[] x = luma(a);
    double[] y = luma(b);
    double c1 = Math.pow(0.01 * 255, 2);
    double c2 = Math.pow(0.03 * 255, 2);
    double total = 0;
    int windows = 0;
    for (int wy = 0; wy + 8 <= HEIGHT; wy += 4) {
      for (int wx = 0; wx + 8 <= WIDTH; wx += 4) {
        double mx = 0, my = 0, vx = 0, vy = 0, cov = 0;
        for (int j = 0; j < 8; j++) {
          for (int i = 0; i < 8; i++) {
            mx += x[(wy + j) * WIDTH + wx + i];
            my += y[(wy + j) * WIDTH + wx + i];
          }
        }
        mx /= 64;
        my /= 64;
        for (int j = 0; j < 8; j++) {
          for (int i = 0; i < 8; i++) {
            double dx = x[(wy + j) * WIDTH + wx + i] - mx;
            double dy = y[(wy + j) * WIDTH + wx + i] - my;
            vx += dx * dx;
            vy += dy * dy;
            cov += dx * dy;
          }
        }
        vx /= 63;
        vy /= 63;
        cov /= 63;
        total += (2 * mx * my + c1) * (2 * cov + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
        windows++;
      }
    }
    return total / windows;
  }
}
