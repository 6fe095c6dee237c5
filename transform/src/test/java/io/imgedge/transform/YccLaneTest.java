package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.resize.PlaneResizer;
import io.imgedge.transform.resize.Resizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.RequiresCorpus;
import io.imgedge.transform.testing.TestImages;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The YCbCr lane ({@link io.imgedge.transform.pipeline.YccLane}) renders a JPEG that is only
 * resized to JPEG as the RGB pipeline renders it (same size, warnings, encoding; pixels that differ
 * by the chroma being resampled once instead of upsampled, resampled and subsampled), and every
 * other request goes through the pipeline. Which path rendered is seen from the resizer: the
 * pipeline resizes an RGB image, the lane none (it takes the resizer's planes).
 */
@RequiresCorpus
class YccLaneTest {
  private static final NativeCodecs NATIVES = NativeCodecs.load();
  private static final ImageDecoder DECODER = new ImageDecoder(NATIVES);
  private static final Encoders ENCODERS = new Encoders(NATIVES);
  private static final TransformSpecParser PARSER =
      new TransformSpecParser(TransformDefaults.FASTLY);

  private final CountingResizer withPlanes = new CountingResizer(true);
  private final CountingResizer rgbOnly = new CountingResizer(false);
  private final Transformer lane = transformer(withPlanes);
  private final Transformer pipeline = transformer(rgbOnly);

  /**
   * Mean absolute difference per RGB sample, out of 255, and the worst 8x8 block's, against the
   * pipeline: a chroma plane misplaced by half a sample, swapped or scaled wrongly shows in both.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "perf-2725x2225.jpg, width=720&height=588&quality=80&resize-filter=lanczos3, 1.5",
    "perf-2725x2225.jpg, width=721&height=587, 1.5",
    "perf-2725x2225.jpg, width=300&height=300&fit=crop, 1.5",
    "perf-2725x2225.jpg, width=333&height=200&fit=cover, 1.5",
    "perf-2725x2225.jpg, width=1700, 1.5",
    "perf-2725x2225.jpg, width=90&resize-filter=bicubic, 1.5",
    // 2x1 chroma samples, each filtered across half the image rather than a pixel pair: 1.9
    "perf-2725x2225.jpg, width=3&height=2, 2.5",
    "perf-2725x2225.jpg, width=1&height=1, 1.5",
    "perf-2725x2225.jpg, format=pjpg&width=500, 1.5",
    "jpeg-422-small.jpg, width=0.3, 1.5",
    "jpeg-422-small.jpg, width=0.77&resize-filter=bilinear, 1.5",
    "jpeg-422-small.jpg, width=2&height=3, 1.5",
    "jpeg-422-small.jpg, width=1089&enable=upscale, 1.5",
    "jpeg-444-srgb-icc.jpg, width=333&height=171&enable=upscale, 1.5",
    "jpeg-444-srgb-icc.jpg, width=0.45, 1.5",
    "jpeg-444-srgb-icc.jpg, width=0.33&height=0.4&fit=crop, 1.5",
    "jpeg-progressive.jpg, width=0.3, 1.5",
    "orient-landscape-1.jpg, width=0.49, 1.5",
  })
  void lane_rendersAsThePipeline(String file, String query, double maxMean) {
    byte[] source = Corpus.bytes(file);
    RenderResult byLane = render(lane, source, query);
    RenderResult byPipeline = render(pipeline, source, query);
    assertThat(withPlanes.rgbResizes.get()).as("RGB resizes with the lane").isZero();
    assertThat(rgbOnly.rgbResizes.get()).as("RGB resizes without it").isOne();
    assertThat(byLane.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(byLane.width()).isEqualTo(byPipeline.width());
    assertThat(byLane.height()).isEqualTo(byPipeline.height());
    assertThat(byLane.warnings()).isEqualTo(byPipeline.warnings());
    assertThat(sof(byLane.bytes())).isEqualTo(sof(byPipeline.bytes()));
    assertThat(subsampling(byLane.bytes())).isEqualTo(subsampling(byPipeline.bytes()));
    BufferedImage a = TestImages.decode(byLane.bytes());
    BufferedImage b = TestImages.decode(byPipeline.bytes());
    assertThat(a.getWidth()).isEqualTo(byLane.width());
    assertThat(a.getHeight()).isEqualTo(byLane.height());
    double[] diff = difference(a, b);
    assertThat(diff[0]).as("mean difference of %s %s", file, query).isLessThan(maxMean);
    assertThat(diff[1]).as("worst 8x8 block of %s %s", file, query).isLessThan(12);
    double size = (double) byLane.bytes().length / byPipeline.bytes().length;
    assertThat(size).as("size against the pipeline's").isBetween(0.85, 1.15);
  }

  /** The pipeline renders everything the lane does not do exactly, and gets the same answer. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "icc-adobergb-small.jpg, width=0.45",
    "icc-displayp3-small.jpg, width=0.45",
    "icc-srgb-v4-small-reference.jpg, width=0.45",
    "orient-landscape-6.jpg, width=0.45",
    "orient-landscape-2.jpg, width=0.45",
    "jpeg-gray-no-icc.jpg, width=0.45",
    "cmyk-ycck-no-icc.jpg, width=0.45",
    "perf-2725x2225.jpg, 'width=300&crop=0.5,0.5'",
    "perf-2725x2225.jpg, 'width=300&precrop=1000,800'",
    "perf-2725x2225.jpg, width=300&trim=10",
    "perf-2725x2225.jpg, width=300&pad=10",
    "perf-2725x2225.jpg, 'width=300&canvas=400,400'",
    "perf-2725x2225.jpg, width=300&blur=2",
    "perf-2725x2225.jpg, 'width=300&sharpen=a5,r2,t0'",
    "perf-2725x2225.jpg, width=300&brightness=10",
    "perf-2725x2225.jpg, width=300&orient=r",
    "perf-2725x2225.jpg, width=300&resize-filter=nearest",
    "perf-2725x2225.jpg, width=300&format=png",
    "perf-2725x2225.jpg, width=300&format=webp",
  })
  void lane_declines_andThePipelineRenders(String file, String query) {
    byte[] source = Corpus.bytes(file);
    RenderResult byLane = render(lane, source, query);
    RenderResult byPipeline = render(pipeline, source, query);
    assertThat(withPlanes.rgbResizes.get()).as("RGB resizes with the lane offered").isOne();
    assertThat(byLane.bytes()).isEqualTo(byPipeline.bytes());
    assertThat(byLane.warnings()).isEqualTo(byPipeline.warnings());
  }

  /** An overlay is composited by the pipeline: the lane leaves the render to it. */
  @Test
  void lane_declinesAnOverlay() {
    byte[] source = Corpus.bytes("perf-2725x2225.jpg");
    byte[] logo = Corpus.bytes("jpeg-422-small.jpg");
    TransformSpec spec =
        PARSER
            .parse("width=300")
            .withOverlay(PARSER.parseOverlay("overlay=/logo.jpg&overlay-width=0.5"));
    RenderResult byLane = renderWithOverlay(lane, source, spec, logo);
    RenderResult byPipeline = renderWithOverlay(pipeline, source, spec, logo);
    assertThat(byLane.bytes()).isEqualTo(byPipeline.bytes());
    assertThat(byLane.bytes())
        .as("the overlay is there")
        .isNotEqualTo(render(pipeline, source, "width=300").bytes());
  }

  private static RenderResult renderWithOverlay(
      Transformer t, byte[] source, TransformSpec spec, byte[] overlay) {
    return t.render(
        source,
        null,
        spec,
        FormatNegotiation.negotiate(spec, null),
        Deadline.after(Duration.ofMinutes(1), System::nanoTime),
        new OverlaySource(overlay, ImageFormat.JPEG));
  }

  /**
   * Chroma placed as the pipeline places it: blocks of saturated colours (a 4:2:0 JPEG at quality
   * 100) resized by odd factors and to odd sizes, compared by Cb and Cr. A chroma plane off by half
   * a sample doubles the difference on the blocks' edges (the limits are about 1.25 times what the
   * lane gives: the two filter chroma with kernels of different widths, which shows on hard edges).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "width=0.3, 8.0",
    "width=0.5, 5.5",
    "width=0.77, 6.5",
    "width=0.125, 7.0",
    "width=97&height=61, 9.5",
    "width=100&height=100&fit=crop, 9.0",
    "width=0.4&resize-filter=bilinear, 5.0",
  })
  void lane_placesChromaAsThePipeline(String query, double maxDifference) {
    byte[] source = colourBlocks();
    RenderResult byLane = render(lane, source, query);
    RenderResult byPipeline = render(pipeline, source, query);
    assertThat(withPlanes.rgbResizes.get()).as("RGB resizes with the lane").isZero();
    BufferedImage a = TestImages.decode(byLane.bytes());
    BufferedImage b = TestImages.decode(byPipeline.bytes());
    assertThat(chromaDifference(a, b)).as("against the pipeline").isLessThan(maxDifference);
    BufferedImage full = io.imgedge.transform.color.SrgbImages.normalize(TestImages.decode(source));
    BufferedImage reference =
        new ConvolutionResizer()
            .resize(
                full,
                new Rectangle2D.Double(0, 0, full.getWidth(), full.getHeight()),
                a.getWidth(),
                a.getHeight(),
                ResizeFilter.LANCZOS3);
    assertThat(chromaDifference(a, reference))
        .as("against an RGB resize from full size, not 4:2:0")
        .isLessThan(chromaDifference(b, reference) * 1.05 + 0.5);
  }

  /** The benchmark photo at sharp's task: the lane does not lose against the pipeline. */
  @Test
  void lane_keepsCloseToAFullSizeReferenceResize() {
    byte[] source = Corpus.bytes("perf-2725x2225.jpg");
    String query = "width=720&height=588&quality=80&resize-filter=lanczos3";
    BufferedImage reference =
        new ConvolutionResizer()
            .resize(
                io.imgedge.transform.color.SrgbImages.normalize(TestImages.decode(source)),
                new Rectangle2D.Double(0, 0, 2725, 2225),
                720,
                588,
                ResizeFilter.LANCZOS3);
    double byLane =
        difference(TestImages.decode(render(lane, source, query).bytes()), reference)[0];
    double byPipeline =
        difference(TestImages.decode(render(pipeline, source, query).bytes()), reference)[0];
    assertThat(byLane).isLessThan(byPipeline * 1.05);
  }

  private static RenderResult render(Transformer t, byte[] source, String query) {
    TransformSpec spec = PARSER.parse(query);
    return t.render(
        source, null, spec, FormatNegotiation.negotiate(spec, null), Duration.ofMinutes(1));
  }

  private static Transformer transformer(Resizer resizer) {
    return new Transformer(
        ImageLimits.FASTLY, TransformDefaults.FASTLY, DECODER, ENCODERS, resizer, System::nanoTime);
  }

  /** Saturated 12x12 blocks of colours from a fixed sequence, 601x403, as a 4:2:0 JPEG. */
  private static byte[] colourBlocks() {
    int w = 601;
    int h = 403;
    BufferedImage image = io.imgedge.transform.color.SrgbImages.blank(w, h, false);
    int[] p = io.imgedge.transform.color.SrgbImages.pixels(image);
    int[] colours = {0xFF2020, 0x20FF20, 0x2020FF, 0xFFFF20, 0x20FFFF, 0xFF20FF, 0x808080};
    java.util.Random random = new java.util.Random(7);
    int[][] blocks = new int[(h + 11) / 12][(w + 11) / 12];
    for (int[] row : blocks) {
      for (int i = 0; i < row.length; i++) {
        row[i] = colours[random.nextInt(colours.length)];
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        p[y * w + x] = 0xFF000000 | blocks[y / 12][x / 12];
      }
    }
    return ENCODERS.encode(
        image, ImageFormat.JPEG, new io.imgedge.transform.codec.EncodeOptions(100, false));
  }

  /** Mean absolute difference of Cb and Cr (BT.601, full range), out of 255. */
  private static double chromaDifference(BufferedImage a, BufferedImage b) {
    assertThat(a.getWidth()).isEqualTo(b.getWidth());
    assertThat(a.getHeight()).isEqualTo(b.getHeight());
    double total = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        double[] p = cbCr(a.getRGB(x, y));
        double[] q = cbCr(b.getRGB(x, y));
        total += Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]);
      }
    }
    return total / (2.0 * a.getWidth() * a.getHeight());
  }

  private static double[] cbCr(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int g = rgb >> 8 & 0xFF;
    int b = rgb & 0xFF;
    return new double[] {
      -0.168736 * r - 0.331264 * g + 0.5 * b, 0.5 * r - 0.418688 * g - 0.081312 * b
    };
  }

  /** {mean absolute difference per sample, the largest mean of an 8x8 block}, out of 255. */
  private static double[] difference(BufferedImage a, BufferedImage b) {
    assertThat(a.getWidth()).isEqualTo(b.getWidth());
    assertThat(a.getHeight()).isEqualTo(b.getHeight());
    int w = a.getWidth();
    int h = a.getHeight();
    long total = 0;
    double worst = 0;
    for (int by = 0; by < h; by += 8) {
      for (int bx = 0; bx < w; bx += 8) {
        long block = 0;
        int n = 0;
        for (int y = by; y < Math.min(h, by + 8); y++) {
          for (int x = bx; x < Math.min(w, bx + 8); x++) {
            int p = a.getRGB(x, y);
            int q = b.getRGB(x, y);
            for (int s = 0; s < 24; s += 8) {
              block += Math.abs((p >> s & 0xFF) - (q >> s & 0xFF));
              n++;
            }
          }
        }
        total += block;
        worst = Math.max(worst, (double) block / n);
      }
    }
    return new double[] {(double) total / (3.0 * w * h), worst};
  }

  /** The JPEG's start-of-frame marker (baseline C0, progressive C2). */
  private static int sof(byte[] jpeg) {
    return marker(jpeg)[0];
  }

  /** The luma component's sampling factors, as {@code 0xHV}. */
  private static int subsampling(byte[] jpeg) {
    return marker(jpeg)[1];
  }

  private static int[] marker(byte[] d) {
    int at = 2;
    while (at + 4 < d.length) {
      int m = d[at + 1] & 0xFF;
      if (m >= 0xC0 && m <= 0xC2) {
        return new int[] {m, d[at + 11] & 0xFF};
      }
      at += 2 + ((d[at + 2] & 0xFF) << 8 | d[at + 3] & 0xFF);
    }
    throw new AssertionError("no SOF marker");
  }

  /** The convolution resampler, counting its RGB and plane resizes; planes offered or not. */
  private static final class CountingResizer implements Resizer {
    final AtomicInteger rgbResizes = new AtomicInteger();
    private final ConvolutionResizer delegate = new ConvolutionResizer();
    private final boolean offerPlanes;

    CountingResizer(boolean offerPlanes) {
      this.offerPlanes = offerPlanes;
    }

    @Override
    public BufferedImage resize(BufferedImage source, int width, int height, ResizeFilter filter) {
      rgbResizes.incrementAndGet();
      return delegate.resize(source, width, height, filter);
    }

    @Override
    public BufferedImage resize(
        BufferedImage source, Rectangle2D region, int width, int height, ResizeFilter filter) {
      rgbResizes.incrementAndGet();
      return delegate.resize(source, region, width, height, filter);
    }

    @Override
    public boolean resamplesStoredValues() {
      return delegate.resamplesStoredValues();
    }

    @Override
    public @Nullable PlaneResizer planes() {
      return offerPlanes ? delegate.planes() : null;
    }
  }
}
