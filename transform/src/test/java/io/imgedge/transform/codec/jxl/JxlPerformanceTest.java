package io.imgedge.transform.codec.jxl;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.codec.turbo.TurboJpeg;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.RequiresCorpus;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: prints what JPEG XL costs and gives at the qualities and efforts an owner might
 * choose, on the benchmark photo resized to 720x588 (the render sharp's benchmark makes), one
 * thread, median and fastest of 7 encodes after 3 warm-ups (the machine may be shared: the fastest
 * is the least disturbed); with libjpeg-turbo's JPEG for comparison. SSIM is luma SSIM against the
 * 720x588 input (the definition of {@code loadtest}'s {@code Ssim}). Run with {@code
 * -Dimgedge.tests.slow=true -Dtest=JxlPerformanceTest}.
 */
@Tag("slow")
@RequiresCorpus
class JxlPerformanceTest {
  private static final int[] QUALITIES = {75, 80, 85, 90};
  private static final int[] EFFORTS = {3, 5, 7};

  @Test
  void printEncodeTimeAndSize() throws Exception {
    LibJxl jxl = LibJxl.load(LibJxl.DEFAULT_LIBRARY);
    BufferedImage input =
        TestTransformer.withFastlyDefaults()
            .renderImage(Corpus.bytes("perf-2725x2225.jpg"), "width=720&height=588&format=png");
    int w = input.getWidth();
    int h = input.getHeight();
    int[] pixels = input.getRGB(0, 0, w, h, null, 0, w);
    timesMs(
        () ->
            jxl.encode(
                pixels, w, h, false, JxlSettings.forQuality(80, 7))); // warms the JVM and libjxl
    System.out.printf(
        "%s, %dx%d, %d available processors%n",
        jxl.version(), w, h, Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| quality | distance | effort | bytes | SSIM | encode ms median / fastest | decode ms median |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (int quality : QUALITIES) {
      for (int effort : EFFORTS) {
        JxlSettings settings = JxlSettings.forQuality(quality, effort);
        byte[][] out = new byte[1][];
        double[] encodeMs = timesMs(() -> out[0] = jxl.encode(pixels, w, h, false, settings));
        JxlPixels[] decoded = new JxlPixels[1];
        double[] decodeMs = timesMs(() -> decoded[0] = jxl.decode(out[0], (long) w * h));
        double ssim = Ssim.mean(input, TestImages.of(w, h, false, decoded[0].argb()));
        System.out.printf(
            "| %d | %.2f | %d | %,d | %.4f | %.0f / %.0f | %.0f |%n",
            quality,
            settings.distance(),
            effort,
            out[0].length,
            ssim,
            median(encodeMs),
            encodeMs[0],
            median(decodeMs));
        assertThat(out[0]).isNotEmpty();
      }
    }
    printJpegBaseline(input, pixels);
  }

  private static void printJpegBaseline(BufferedImage input, int[] pixels) throws Exception {
    TurboJpeg turbo;
    try {
      turbo = TurboJpeg.load(TurboJpeg.DEFAULT_LIBRARY);
    } catch (IllegalArgumentException e) {
      return;
    }
    int w = input.getWidth();
    int h = input.getHeight();
    for (int quality : new int[] {80, 85}) {
      byte[][] out = new byte[1][];
      double[] ms = timesMs(() -> out[0] = turbo.encode(pixels, w, h, quality, false));
      double ssim = Ssim.mean(input, TestImages.decode(out[0]));
      System.out.printf(
          "| JPEG %d (libjpeg-turbo, 4:2:0) | | | %,d | %.4f | %.1f / %.1f | |%n",
          quality, out[0].length, ssim, median(ms), ms[0]);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  /** The times of 7 runs after 3 warm-ups, sorted. */
  private static double[] timesMs(Work work) throws Exception {
    for (int i = 0; i < 3; i++) {
      work.run();
    }
    double[] ms = new double[7];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  /**
   * Mean luma SSIM (Wang et al. 2004): 11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03, BT.601
   * luma of the sRGB values, over the pixels whose window fits; as {@code loadtest}'s {@code Ssim}.
   */
  static final class Ssim {
    private static final int R = 5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    static double mean(BufferedImage a, BufferedImage b) {
      int w = a.getWidth();
      int h = a.getHeight();
      double[] x = luma(a);
      double[] y = luma(b);
      double[] g = window();
      double total = 0;
      long count = 0;
      for (int cy = R; cy < h - R; cy++) {
        for (int cx = R; cx < w - R; cx++) {
          double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
          for (int dy = -R; dy <= R; dy++) {
            for (int dx = -R; dx <= R; dx++) {
              double k = g[(dy + R) * (2 * R + 1) + dx + R];
              int i = (cy + dy) * w + cx + dx;
              mx += k * x[i];
              my += k * y[i];
              xx += k * x[i] * x[i];
              yy += k * y[i] * y[i];
              xy += k * x[i] * y[i];
            }
          }
          double cov = xy - mx * my;
          total +=
              (2 * mx * my + C1)
                  * (2 * cov + C2)
                  / ((mx * mx + my * my + C1) * (xx - mx * mx + yy - my * my + C2));
          count++;
        }
      }
      return total / count;
    }

    private static double[] luma(BufferedImage image) {
      int[] rgb =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      double[] y = new double[rgb.length];
      for (int i = 0; i < rgb.length; i++) {
        y[i] =
            0.299 * (rgb[i] >> 16 & 0xFF) + 0.587 * (rgb[i] >> 8 & 0xFF) + 0.114 * (rgb[i] & 0xFF);
      }
      return y;
    }

    private static double[] window() {
      int size = 2 * R + 1;
      double[] g = new double[size * size];
      double sum = 0;
      for (int i = 0; i < g.length; i++) {
        double d2 = Math.pow(i % size - R, 2) + Math.pow(i / size - R, 2);
        g[i] = Math.exp(-d2 / (2 * 1.5 * 1.5));
        sum += g[i];
      }
      for (int i = 0; i < g.length; i++) {
        g[i] /= sum;
      }
      return g;
    }
  }
}
