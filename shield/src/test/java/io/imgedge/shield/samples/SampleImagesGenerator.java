package io.imgedge.shield.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates the sample images bundled with imgedge in {@code shield/src/main/resources/samples},
 * which {@code ./imgedge run} serves with no configuration.
 *
 * <p>Every bundled sample was made by this program, so the images belong to the project and are
 * released under its licence (Apache-2.0). It uses only the JDK ({@code java.awt} and {@code
 * javax.imageio}) and fixed random seeds, so rerunning it on the same JDK and fonts gives the same
 * images. Text rendering depends on the fonts installed, which is fine because the output is
 * committed. To regenerate the samples, run from the repository root with JDK 25:
 *
 * <pre>{@code
 * java shield/src/test/java/io/imgedge/shield/samples/SampleImagesGenerator.java \
 *     shield/src/main/resources/samples
 * }</pre>
 *
 * <p>The files produced:
 *
 * <ul>
 *   <li>{@code photo.jpg}: a stylised landscape with fine detail, to judge resampling quality;
 *   <li>{@code portrait.jpg}: an upright scene stored rotated, with EXIF Orientation 6;
 *   <li>{@code logo.png}: RGBA with a transparent background and a soft, translucent shadow;
 *   <li>{@code animated.gif}: a looping 12-frame bouncing ball, 80 ms per frame;
 *   <li>{@code README.md}: what each file is for, and its licence.
 * </ul>
 */
public final class SampleImagesGenerator {

  private static final float JPEG_QUALITY = 0.90f;
  private static final int EXIF_ORIENTATION_TAG = 0x0112;
  private static final int ROTATE_90_CW_TO_DISPLAY = 6;
  private static final int GIF_FRAMES = 12;
  private static final int GIF_DELAY_CENTISECONDS = 8;

  private SampleImagesGenerator() {}

  /**
   * Writes the samples into a directory.
   *
   * @param args a single argument: the output directory, created if missing
   * @throws IOException if a file cannot be written or fails its read-back check
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java SampleImagesGenerator.java <output-directory>");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);

    write(dir.resolve("photo.jpg"), Jpeg.encode(new Landscape().render()));
    byte[] portrait = Jpeg.encode(rotateCounterClockwise(new Lighthouse().render()));
    write(dir.resolve("portrait.jpg"), Jpeg.withOrientation(portrait, ROTATE_90_CW_TO_DISPLAY));
    write(dir.resolve("logo.png"), png(new Logo().render()));
    write(dir.resolve("animated.gif"), AnimatedGif.encode(new BouncingBall().frames()));
    write(dir.resolve("README.md"), Readme.TEXT.getBytes(StandardCharsets.UTF_8));

    verify(dir);
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    System.out.printf("%-14s %,9d bytes%n", file.getFileName(), bytes.length);
  }

  /** Reads the files back and fails loudly if one is not what the README promises. */
  private static void verify(Path dir) throws IOException {
    check(
        Jpeg.orientation(Files.readAllBytes(dir.resolve("portrait.jpg")))
            == ROTATE_90_CW_TO_DISPLAY,
        "portrait.jpg: EXIF Orientation is not 6");
    checkSize(dir.resolve("photo.jpg"), 1600, 1067);
    checkSize(dir.resolve("portrait.jpg"), 1600, 1067);
    checkSize(dir.resolve("logo.png"), 800, 400);
    AnimatedGif.verify(dir.resolve("animated.gif"), GIF_FRAMES, GIF_DELAY_CENTISECONDS);
    System.out.println("verified: portrait orientation 6, GIF frames, delays and looping");
  }

  private static void checkSize(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    check(
        image.getWidth() == width && image.getHeight() == height,
        file.getFileName() + ": unexpected stored size");
  }

  private static void check(boolean condition, String message) throws IOException {
    if (!condition) {
      throw new IOException(message);
    }
  }

  /** Rotates 90 degrees counter-clockwise: upright (x, y) lands at (y, width - 1 - x). */
  static BufferedImage rotateCounterClockwise(BufferedImage upright) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    BufferedImage rotated = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        rotated.setRGB(y, w - 1 - x, upright.getRGB(x, y));
      }
    }
    return rotated;
  }

  // ---------------------------------------------------------------------------------------------
  // Shared helpers: colours, noise, fractal ridges and a pixel canvas.
  // ---------------------------------------------------------------------------------------------

  /** Packed 0xRRGGBB colour arithmetic. */
  static final class Rgb {

    private Rgb() {}

    static int of(double r, double g, double b) {
      return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    static int r(int c) {
      return c >> 16 & 0xff;
    }

    static int g(int c) {
      return c >> 8 & 0xff;
    }

    static int b(int c) {
      return c & 0xff;
    }

    /** Blends from {@code a} (t = 0) to {@code b} (t = 1). */
    static int mix(int a, int b, double t) {
      return of(r(a) + (r(b) - r(a)) * t, g(a) + (g(b) - g(a)) * t, b(a) + (b(b) - b(a)) * t);
    }

    static int scale(int c, double factor) {
      return of(r(c) * factor, g(c) * factor, b(c) * factor);
    }

    private static int clamp(double v) {
      return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
  }

  static double smoothstep(double edge0, double edge1, double x) {
    double t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
    return t * t * (3 - 2 * t);
  }

  /** Seeded 2D value noise with fractal (fBm) sums; values lie in [0, 1]. */
  static final class Noise {

    private final long seed;

    Noise(long seed) {
      this.seed = seed;
    }

    double fbm(double x, double y, int octaves) {
      double sum = 0;
      double norm = 0;
      double amplitude = 1;
      for (int i = 0; i < octaves; i++) {
        sum += amplitude * value(x, y);
        norm += amplitude;
        amplitude *= 0.5;
        x = x * 2 + 17.3;
        y = y * 2 + 5.1;
      }
      return sum / norm;
    }

    double value(double x, double y) {
      int ix = (int) Math.floor(x);
      int iy = (int) Math.floor(y);
      double fx = ease(x - ix);
      double fy = ease(y - iy);
      double top = lerp(lattice(ix, iy), lattice(ix + 1, iy), fx);
      double bottom = lerp(lattice(ix, iy + 1), lattice(ix + 1, iy + 1), fx);
      return lerp(top, bottom, fy);
    }

    private double lattice(int x, int y) {
      long h = seed ^ x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL;
      h = (h ^ h >>> 30) * 0xBF58476D1CE4E5B9L;
      h = (h ^ h >>> 27) * 0x94D049BB133111EBL;
      return ((h ^ h >>> 31) >>> 11) * 0x1.0p-53;
    }

    private static double ease(double t) {
      return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
      return a + (b - a) * t;
    }
  }

  /**
   * A fractal skyline made by midpoint displacement: returns one height offset per column, centred
   * on zero, scaling the random displacement by {@code roughness} at every level.
   */
  static double[] ridge(long seed, int width, double amplitude, double roughness) {
    Random random = new Random(seed);
    int n = Integer.highestOneBit(width - 1) << 1;
    double[] h = new double[n + 1];
    h[0] = (random.nextDouble() - 0.5) * amplitude;
    h[n] = (random.nextDouble() - 0.5) * amplitude;
    double displacement = amplitude;
    for (int step = n; step > 1; step /= 2) {
      for (int i = step / 2; i < n; i += step) {
        double jitter = (random.nextDouble() - 0.5) * displacement;
        h[i] = (h[i - step / 2] + h[i + step / 2]) / 2 + jitter;
      }
      displacement *= roughness;
    }
    return Arrays.copyOf(h, width);
  }

  /** An RGB image whose pixels can be read and written directly as packed ints. */
  static final class Canvas {

    final int width;
    final int height;
    final BufferedImage image;
    final int[] pixels;

    Canvas(int width, int height) {
      this.width = width;
      this.height = height;
      this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    int get(int x, int y) {
      int cx = Math.max(0, Math.min(width - 1, x));
      int cy = Math.max(0, Math.min(height - 1, y));
      return pixels[cy * width + cx];
    }

    void set(int x, int y, int rgb) {
      if (x >= 0 && x < width && y >= 0 && y < height) {
        pixels[y * width + x] = rgb;
      }
    }

    Graphics2D graphics() {
      return smooth(image.createGraphics());
    }
  }

  static Graphics2D smooth(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    return g;
  }

  /** Adds faint monochrome grain, as a camera sensor would. */
  static void grain(Canvas canvas, long seed, double strength) {
    Random random = new Random(seed);
    for (int i = 0; i < canvas.pixels.length; i++) {
      double n = random.nextGaussian() * strength;
      int c = canvas.pixels[i];
      canvas.pixels[i] = Rgb.of(Rgb.r(c) + n, Rgb.g(c) + n, Rgb.b(c) + n);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // photo.jpg: sunset over mountains and a lake, with a grassy shore and a wire fence.
  // ---------------------------------------------------------------------------------------------

  /** Renders the 1600x1067 landscape. */
  static final class Landscape {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1067;
    private static final int WATERLINE = 700;
    private static final double SUN_X = 1130;
    private static final double SUN_Y = 330;
    private static final double SUN_RADIUS = 38;

    /**
     * Far to near: foot line, fractal amplitude and roughness, number and height of summits,
     * colour, haze at the foot, and random seed.
     */
    private static final Layer[] LAYERS = {
      new Layer(500, 170, 0.60, 3, 200, 0x7c8ab0, 0.65, 11),
      new Layer(585, 120, 0.60, 4, 110, 0x6b7b9f, 0.60, 12),
      new Layer(640, 70, 0.62, 3, 60, 0x46596c, 0.50, 13),
      new Layer(688, 36, 0.78, 2, 26, 0x2c3f2e, 0.35, 14),
    };

    private record Layer(
        int foot,
        double amplitude,
        double roughness,
        int peaks,
        double peakHeight,
        int color,
        double haze,
        long seed) {}

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final Noise noise = new Noise(42);

    BufferedImage render() {
      paintSky();
      for (int i = 0; i < LAYERS.length; i++) {
        paintMountains(LAYERS[i], i == 0);
      }
      paintLake();
      paintBirds();
      Graphics2D g = canvas.graphics();
      paintShore(g);
      paintGrass(g);
      paintFence(g);
      g.dispose();
      grain(canvas, 7, 1.5);
      return canvas.image;
    }

    // Sky -----------------------------------------------------------------------------------

    private void paintSky() {
      for (int y = 0; y < WATERLINE; y++) {
        for (int x = 0; x < WIDTH; x++) {
          canvas.set(x, y, skyAt(x, y));
        }
      }
    }

    private int skyAt(int x, int y) {
      double t = (double) y / WATERLINE;
      int color =
          t < 0.55
              ? Rgb.mix(0x2a5a9c, 0x7aa6d6, t / 0.55)
              : Rgb.mix(0x7aa6d6, 0xf6c89a, (t - 0.55) / 0.45);
      double d = Math.hypot(x - SUN_X, y - SUN_Y);
      double glow = 0.55 * Math.exp(-d / 260) + 0.45 * Math.exp(-d / 70);
      color = Rgb.mix(color, 0xfff1cc, Math.min(1, glow));
      color = withClouds(color, x, y, d);
      double disc = 1 - smoothstep(SUN_RADIUS - 2, SUN_RADIUS + 2, d);
      return Rgb.mix(color, 0xfffbea, disc);
    }

    private int withClouds(int color, int x, int y, double sunDistance) {
      double density = noise.fbm(x / 340.0, y / 70.0, 6);
      double band = smoothstep(40, 160, y) * (1 - smoothstep(300, 420, y));
      double cover = smoothstep(0.52, 0.72, density) * band;
      double lit = Math.exp(-sunDistance / 300);
      int cloud = Rgb.mix(0xd9dbe6, 0xffe4c0, lit);
      cloud = Rgb.scale(cloud, 0.9 + 0.2 * noise.fbm(x / 40.0, y / 20.0, 3));
      return Rgb.mix(color, cloud, 0.85 * cover);
    }

    // Mountains -------------------------------------------------------------------------------

    /** The skyline: y of the top of the layer in every column. */
    private double[] skyline(Layer layer) {
      double[] top = ridge(layer.seed(), WIDTH, layer.amplitude(), layer.roughness());
      double[] lift = peaks(layer, new Random(layer.seed() * 31));
      double base = layer.foot() - layer.amplitude() / 2;
      for (int x = 0; x < WIDTH; x++) {
        top[x] += base - layer.peakHeight() * lift[x];
      }
      return top;
    }

    /** A few broad summits of random position, width and height, each in [0, 1]. */
    private static double[] peaks(Layer layer, Random random) {
      double[] lift = new double[WIDTH];
      for (int i = 0; i < layer.peaks(); i++) {
        double centre = (i + 0.2 + 0.6 * random.nextDouble()) * WIDTH / layer.peaks();
        double halfWidth = WIDTH * (0.18 + 0.2 * random.nextDouble());
        double height = 0.6 + 0.4 * random.nextDouble();
        for (int x = 0; x < WIDTH; x++) {
          double t = Math.max(0, 1 - Math.abs(x - centre) / halfWidth);
          lift[x] = Math.max(lift[x], height * Math.pow(t, 1.3));
        }
      }
      return lift;
    }

    private void paintMountains(Layer layer, boolean snowy) {
      double[] top = skyline(layer);
      for (int x = 0; x < WIDTH; x++) {
        for (int y = Math.max(0, (int) Math.round(top[x])); y < WATERLINE; y++) {
          canvas.set(x, y, rockAt(layer, top, x, y, snowy));
        }
      }
    }

    /**
     * Faces take their light from the skyline's slope above them, averaged more widely the lower
     * they are, so peaks get sunlit right flanks and shaded left ones.
     */
    private double lightAt(double[] top, int x, int y) {
      double depth = Math.max(0, y - top[x]);
      int wobble = (int) Math.round(40 * (noise.fbm(x / 70.0, y / 50.0, 3) - 0.5));
      int reach = 3 + (int) (depth * 0.6);
      int left = Math.max(0, Math.min(WIDTH - 1, x + wobble - reach));
      int right = Math.max(0, Math.min(WIDTH - 1, x + wobble + reach));
      double slope = (top[right] - top[left]) / Math.max(1, right - left);
      return Math.max(-1, Math.min(1, slope * 1.6));
    }

    private int rockAt(Layer layer, double[] top, int x, int y, boolean snowy) {
      double light = lightAt(top, x, y);
      double gully = noise.fbm(x / 12.0, y / 32.0, 3) - 0.5;
      double mottle = noise.fbm(x / 90.0, y / 60.0, 3) - 0.5;
      double grit = noise.fbm(x / 5.0, y / 4.0, 2) - 0.5;
      double shade = 0.92 + 0.32 * light + 0.2 * gully + 0.3 * mottle + 0.1 * grit;
      int color = Rgb.scale(layer.color(), shade);
      if (snowy) {
        color = withSnow(color, x, y, light, gully);
      }
      double depth = y - top[x];
      if (depth < 1.5) {
        color = Rgb.mix(color, 0xffe2b8, 0.15);
      }
      double foot = depth / Math.max(1, WATERLINE - top[x]);
      return Rgb.mix(color, skyAt(x, WATERLINE - 1), layer.haze() * foot * foot);
    }

    private int withSnow(int color, int x, int y, double light, double gully) {
      double line = 320 + 60 * noise.fbm(x / 45.0, y / 60.0, 4) + 70 * gully;
      double above = smoothstep(line + 6, line - 6, y);
      double cover = above * (1 - 0.5 * smoothstep(0.16, 0.26, gully));
      int rock = Rgb.scale(color, 1 - 0.35 * above);
      int snow = Rgb.mix(0x8290b8, 0xfff6ea, 0.55 + 0.45 * light);
      snow = Rgb.scale(snow, 1 + 0.3 * gully);
      return Rgb.mix(rock, snow, 0.92 * cover);
    }

    // Lake ------------------------------------------------------------------------------------

    private void paintLake() {
      for (int y = WATERLINE; y < HEIGHT; y++) {
        double depth = (double) (y - WATERLINE) / (HEIGHT - WATERLINE);
        for (int x = 0; x < WIDTH; x++) {
          canvas.set(x, y, waterAt(x, y, depth));
        }
      }
    }

    private int waterAt(int x, int y, double depth) {
      double wave = noise.fbm(x / 120.0, y / (2.0 + 10 * depth), 3) - 0.5;
      int sourceX = (int) Math.round(x + wave * 30 * depth);
      int sourceY = 2 * WATERLINE - y - 1 + (int) Math.round(wave * 8 * depth);
      int reflected =
          Rgb.mix(reflectionAt(sourceX, sourceY - 2), reflectionAt(sourceX, sourceY + 2), 0.5);
      int color = Rgb.mix(Rgb.scale(reflected, 0.8), 0x24465e, 0.3 + 0.35 * depth);
      double glitter = Math.exp(-Math.abs(x - SUN_X) / 60) * Math.max(0, wave * 6 - 0.6);
      return Rgb.mix(color, 0xfff0c8, Math.min(0.9, glitter));
    }

    private int reflectionAt(int x, int y) {
      return canvas.get(x, Math.min(y, WATERLINE - 1));
    }

    // Sky details -----------------------------------------------------------------------------

    private void paintBirds() {
      Graphics2D g = canvas.graphics();
      g.setColor(new Color(0x2a2a34));
      g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      Random random = new Random(5);
      for (int i = 0; i < 7; i++) {
        double x = 380 + random.nextDouble() * 300;
        double y = 60 + random.nextDouble() * 90;
        double span = 7 + random.nextDouble() * 6;
        Path2D bird = new Path2D.Double();
        bird.moveTo(x - span, y - span * 0.3);
        bird.quadTo(x - span * 0.4, y - span * 0.6, x, y);
        bird.quadTo(x + span * 0.4, y - span * 0.6, x + span, y - span * 0.3);
        g.draw(bird);
      }
      g.dispose();
    }

    // Foreground ------------------------------------------------------------------------------

    private double shoreTop(double x) {
      return 905 + 45 * Math.sin(x / 260.0 + 0.7) + 30 * (noise.fbm(x / 90.0, 9.5, 4) - 0.5);
    }

    private void paintShore(Graphics2D g) {
      Path2D shore = new Path2D.Double();
      shore.moveTo(0, HEIGHT);
      for (int x = 0; x <= WIDTH; x += 4) {
        shore.lineTo(x, shoreTop(x));
      }
      shore.lineTo(WIDTH, HEIGHT);
      shore.closePath();
      g.setPaint(new GradientPaint(0, 860, new Color(0x4d5a2a), 0, HEIGHT, new Color(0x1f2a12)));
      g.fill(shore);
    }

    /** A grass blade rooted at (x, base); size and tint are random numbers in [0, 1). */
    private record Blade(double x, double base, double size, double tint) {}

    private void paintGrass(Graphics2D g) {
      Random random = new Random(99);
      List<Blade> blades = new ArrayList<>();
      for (int i = 0; i < 9000; i++) {
        double x = random.nextDouble() * WIDTH;
        double base = shoreTop(x) + 6 + Math.pow(random.nextDouble(), 0.8) * 190;
        blades.add(new Blade(x, base, random.nextDouble(), random.nextDouble()));
      }
      blades.sort((a, b) -> Double.compare(a.base(), b.base())); // far blades first
      for (Blade blade : blades) {
        paintBlade(g, blade);
      }
    }

    private void paintBlade(Graphics2D g, Blade blade) {
      double x = blade.x();
      double base = blade.base();
      double nearness = (base - 860) / (HEIGHT - 860);
      double height = (14 + 40 * blade.size()) * (0.5 + nearness);
      double lean = (blade.tint() - 0.5) * height * 0.8;
      int color = Rgb.mix(0x33491c, 0xa89a58, blade.tint() * 0.6 * (1 - 0.5 * nearness));
      g.setColor(new Color(Rgb.scale(color, 0.7 + 0.4 * blade.size())));
      g.setStroke(
          new BasicStroke(
              (float) (0.8 + 1.2 * nearness), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(
          new QuadCurve2D.Double(
              x, base, x + lean * 0.2, base - height * 0.6, x + lean, base - height));
    }

    /** Weathered posts with three thin wires: sharp, regular detail that shows aliasing. */
    private void paintFence(Graphics2D g) {
      int posts = 12;
      double[] xs = new double[posts];
      double[] tops = new double[posts];
      for (int i = 0; i < posts; i++) {
        xs[i] = 70 + i * 138;
        tops[i] = 910 - 8 * Math.sin(i * 1.3);
      }
      paintWires(g, xs, tops);
      for (int i = 0; i < posts; i++) {
        paintPost(g, xs[i], tops[i]);
      }
    }

    /** Three 1.1 px wires sagging slightly between posts. */
    private void paintWires(Graphics2D g, double[] xs, double[] tops) {
      g.setStroke(new BasicStroke(1.1f));
      g.setColor(new Color(0x2b2620));
      for (int wire = 0; wire < 3; wire++) {
        Path2D path = new Path2D.Double();
        path.moveTo(xs[0], tops[0] + 12 + wire * 26);
        for (int i = 1; i < xs.length; i++) {
          double y = tops[i] + 12 + wire * 26;
          path.quadTo((xs[i - 1] + xs[i]) / 2, y + 5, xs[i], y);
        }
        g.draw(path);
      }
    }

    private void paintPost(Graphics2D g, double x, double top) {
      double bottom = top + 95;
      g.setPaint(
          new GradientPaint(
              (float) x - 5, 0, new Color(0x6b5a44), (float) x + 5, 0, new Color(0x2e261c)));
      Path2D post = new Path2D.Double();
      post.moveTo(x - 5, top + 2);
      post.lineTo(x + 5, top);
      post.lineTo(x + 6, bottom);
      post.lineTo(x - 6, bottom);
      post.closePath();
      g.fill(post);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // portrait.jpg: a tall lighthouse on a headland, with "UP" and an arrow near the top.
  // ---------------------------------------------------------------------------------------------

  /** Renders the 1067x1600 upright scene; the caller rotates it for storage. */
  static final class Lighthouse {

    private static final int WIDTH = 1067;
    private static final int HEIGHT = 1600;
    private static final int HORIZON = 1080;
    private static final double TOWER_X = 640;
    private static final int TOWER_TOP = 470;
    private static final int TOWER_BASE = 1230;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final Noise noise = new Noise(1867);

    BufferedImage render() {
      paintSkyAndSea();
      paintHeadland();
      paintTower();
      Graphics2D g = canvas.graphics();
      paintGlow(g);
      paintLantern(g);
      paintUpSign(g);
      g.dispose();
      grain(canvas, 8, 1.8);
      return canvas.image;
    }

    private void paintSkyAndSea() {
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          canvas.set(x, y, y < HORIZON ? skyAt(x, y) : seaAt(x, y));
        }
      }
    }

    private int skyAt(int x, int y) {
      double t = (double) y / HORIZON;
      int color = Rgb.mix(0x1f4f8f, 0xcfe3f0, Math.pow(t, 1.4));
      double density = noise.fbm(x / 280.0, y / 80.0, 6);
      double cover = smoothstep(0.5, 0.75, density) * smoothstep(HORIZON, 500, y);
      int cloud = Rgb.scale(0xf7f8fb, 0.88 + 0.18 * noise.fbm(x / 30.0, y / 18.0, 3));
      return Rgb.mix(color, cloud, 0.9 * cover);
    }

    private int seaAt(int x, int y) {
      double depth = (double) (y - HORIZON) / (HEIGHT - HORIZON);
      int color = Rgb.mix(0x3d6f96, 0x123a55, Math.sqrt(depth));
      double swell = noise.fbm(x / (60.0 + 200 * depth), y / (3.0 + 20 * depth), 4);
      double crest = smoothstep(0.62, 0.78, swell);
      color = Rgb.scale(color, 0.85 + 0.3 * swell);
      return Rgb.mix(color, 0xe8f2f6, 0.7 * crest);
    }

    private double headlandTop(int x, double[] ridge) {
      double slope = smoothstep(60, 420, x);
      return 1330 - 150 * slope + ridge[x];
    }

    private void paintHeadland() {
      double[] ridge = ridge(77, WIDTH, 70, 0.55);
      for (int x = 0; x < WIDTH; x++) {
        int top = (int) Math.round(headlandTop(x, ridge));
        for (int y = Math.max(0, top); y < HEIGHT; y++) {
          canvas.set(x, y, groundAt(x, y, top));
        }
      }
    }

    /** Grass on top, then layered grey rock darkening towards the water. */
    private int groundAt(int x, int y, int top) {
      double relief =
          noise.fbm((x + 2) / 40.0, y / 30.0, 5) - noise.fbm((x - 2) / 40.0, y / 30.0, 5);
      double strata = noise.fbm(x / 160.0, y / 9.0, 4) - 0.5;
      double grit = noise.fbm(x / 6.0, y / 5.0, 2) - 0.5;
      double shade = 1 + 4 * relief + 0.35 * strata + 0.15 * grit;
      double turf = 1 - smoothstep(50, 80 + 40 * noise.value(x / 25.0, 1.5), y - top);
      int rock = Rgb.scale(0x8a8478, 1 - 0.4 * smoothstep(top, HEIGHT, y));
      int grass = Rgb.mix(0x7a9a3a, 0x4d6e26, smoothstep(0, 60, y - top));
      return Rgb.scale(Rgb.mix(rock, grass, turf), shade);
    }

    private double halfWidthAt(int y) {
      double t = (double) (y - TOWER_TOP) / (TOWER_BASE - TOWER_TOP);
      return 48 + 40 * t;
    }

    /** A tapered cylinder with red and white bands, lit from the left. */
    private void paintTower() {
      for (int y = TOWER_TOP; y < TOWER_BASE; y++) {
        double half = halfWidthAt(y);
        boolean red = (y - TOWER_TOP) / 125 % 2 == 0;
        int band = red ? 0xc8322c : 0xf2efe8;
        for (int x = (int) (TOWER_X - half); x <= TOWER_X + half; x++) {
          double u = (x - TOWER_X) / half;
          double light = 0.45 + 0.6 * Math.sqrt(Math.max(0, 1 - u * u)) - 0.2 * u;
          canvas.set(x, y, Rgb.scale(band, Math.min(1.1, light)));
        }
      }
    }

    private void paintGlow(Graphics2D g) {
      g.setPaint(
          new RadialGradientPaint(
              (float) TOWER_X,
              TOWER_TOP - 60,
              260,
              new float[] {0f, 0.25f, 1f},
              new Color[] {
                new Color(255, 244, 190, 200),
                new Color(255, 236, 170, 70),
                new Color(255, 236, 170, 0)
              }));
      g.fill(new Ellipse2D.Double(TOWER_X - 260, TOWER_TOP - 320, 520, 520));
    }

    /** Gallery, glazed lantern room with mullions, and a red dome. */
    private void paintLantern(Graphics2D g) {
      double x = TOWER_X;
      g.setColor(new Color(0x2c2c30));
      g.fill(new RoundRectangle2D.Double(x - 70, TOWER_TOP - 14, 140, 20, 6, 6));
      g.setColor(new Color(0xffe9a6));
      g.fill(new RoundRectangle2D.Double(x - 38, TOWER_TOP - 94, 76, 82, 4, 4));
      g.setColor(new Color(0x2c2c30));
      g.setStroke(new BasicStroke(4f));
      for (int i = -1; i <= 1; i++) {
        g.draw(new Line2D.Double(x + i * 24, TOWER_TOP - 94, x + i * 24, TOWER_TOP - 14));
      }
      g.setColor(new Color(0xa52620));
      g.fill(new Arc2D.Double(x - 46, TOWER_TOP - 140, 92, 96, 0, 180, Arc2D.CHORD));
      g.fill(new Ellipse2D.Double(x - 7, TOWER_TOP - 156, 14, 14));
    }

    /** The orientation cue: a bold arrow pointing up and the word "UP" below it. */
    private void paintUpSign(Graphics2D g) {
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, 170);
      Shape word = font.createGlyphVector(g.getFontRenderContext(), "UP").getOutline(130, 620);
      for (Shape shape : new Shape[] {upArrow(), word}) {
        g.setColor(new Color(0, 0, 0, 90));
        g.fill(AffineTransform.getTranslateInstance(6, 8).createTransformedShape(shape));
        g.setColor(new Color(0xffd23f));
        g.fill(shape);
        g.setColor(new Color(0x3a2a00));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
      }
    }

    private static Shape upArrow() {
      Path2D arrow = new Path2D.Double();
      arrow.moveTo(230, 70);
      arrow.lineTo(345, 215);
      arrow.lineTo(268, 215);
      arrow.lineTo(268, 420);
      arrow.lineTo(192, 420);
      arrow.lineTo(192, 215);
      arrow.lineTo(115, 215);
      arrow.closePath();
      return arrow;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // logo.png: a rounded badge with a soft translucent shadow on a transparent background.
  // ---------------------------------------------------------------------------------------------

  /** Renders the 800x400 RGBA logo. */
  static final class Logo {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;
    private static final RoundRectangle2D BADGE =
        new RoundRectangle2D.Double(90, 70, 620, 230, 110, 110);
    private static final int SHADOW_BLUR = 11;
    private static final int SHADOW_OFFSET = 16;
    private static final double SHADOW_OPACITY = 0.5;

    BufferedImage render() {
      BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
      paintShadow(image);
      Graphics2D g = smooth(image.createGraphics());
      paintBadge(g);
      paintWordmark(g);
      g.dispose();
      return image;
    }

    private void paintShadow(BufferedImage image) {
      BufferedImage mask = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = smooth(mask.createGraphics());
      g.setColor(Color.BLACK);
      g.translate(0, SHADOW_OFFSET);
      g.fill(BADGE);
      g.dispose();
      int[] alpha = new int[WIDTH * HEIGHT];
      for (int i = 0; i < alpha.length; i++) {
        alpha[i] = mask.getRGB(i % WIDTH, i / WIDTH) >>> 24;
      }
      for (int pass = 0; pass < 3; pass++) {
        boxBlur(alpha, WIDTH, HEIGHT, 1, WIDTH, SHADOW_BLUR);
        boxBlur(alpha, HEIGHT, WIDTH, WIDTH, 1, SHADOW_BLUR);
      }
      for (int i = 0; i < alpha.length; i++) {
        int a = (int) Math.round(alpha[i] * SHADOW_OPACITY);
        image.setRGB(i % WIDTH, i / WIDTH, a << 24 | 0x101828);
      }
    }

    /**
     * One box-blur pass along lines of {@code length} samples, {@code step} apart, starting {@code
     * stride} apart; three passes approximate a Gaussian.
     */
    private static void boxBlur(
        int[] data, int length, int lines, int step, int stride, int radius) {
      int[] line = new int[length];
      for (int l = 0; l < lines; l++) {
        int start = l * stride;
        for (int i = 0; i < length; i++) {
          line[i] = data[start + i * step];
        }
        int sum = 0;
        for (int i = -radius; i <= radius; i++) {
          sum += line[Math.max(0, Math.min(length - 1, i))];
        }
        for (int i = 0; i < length; i++) {
          data[start + i * step] = sum / (2 * radius + 1);
          sum += line[Math.min(length - 1, i + radius + 1)];
          sum -= line[Math.max(0, i - radius)];
        }
      }
    }

    private void paintBadge(Graphics2D g) {
      g.setPaint(new GradientPaint(90, 70, new Color(0x1e88e5), 710, 300, new Color(0x7c3aed)));
      g.fill(BADGE);
      g.setClip(BADGE);
      g.setPaint(
          new GradientPaint(
              0, 70, new Color(255, 255, 255, 70), 0, 185, new Color(255, 255, 255, 0)));
      g.fill(BADGE);
      g.setClip(null);
      g.setColor(new Color(255, 255, 255, 110));
      g.setStroke(new BasicStroke(3f));
      g.draw(new RoundRectangle2D.Double(98, 78, 604, 214, 96, 96));
    }

    private void paintWordmark(Graphics2D g) {
      String text = "imgedge";
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, 150);
      FontMetrics metrics = g.getFontMetrics(font);
      while (metrics.stringWidth(text) > BADGE.getWidth() - 110) {
        font = font.deriveFont(font.getSize2D() - 2);
        metrics = g.getFontMetrics(font);
      }
      float x = (float) (BADGE.getCenterX() - metrics.stringWidth(text) / 2.0);
      float y = (float) (BADGE.getCenterY() + (metrics.getAscent() - metrics.getDescent()) / 2.0);
      g.setFont(font);
      g.setColor(new Color(10, 20, 60, 90));
      g.drawString(text, x + 3, y + 5);
      g.setColor(Color.WHITE);
      g.drawString(text, x, y);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // animated.gif: a ball bouncing across a small scene, looping forever.
  // ---------------------------------------------------------------------------------------------

  /** Renders the 240x160 frames; the ball wraps from the right edge back to the left. */
  static final class BouncingBall {

    private static final int WIDTH = 240;
    private static final int HEIGHT = 160;
    private static final int GROUND = 128;
    private static final double RADIUS = 14;
    private static final double BOUNCE_HEIGHT = 78;

    List<BufferedImage> frames() {
      List<BufferedImage> frames = new ArrayList<>();
      for (int i = 0; i < GIF_FRAMES; i++) {
        frames.add(frame((double) i / GIF_FRAMES));
      }
      return frames;
    }

    private BufferedImage frame(double phase) {
      BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = smooth(image.createGraphics());
      paintBackground(g);
      double x = -RADIUS - 6 + (WIDTH + 2 * RADIUS + 12) * phase;
      double lift = Math.abs(Math.sin(2 * Math.PI * phase));
      paintBall(g, x, lift);
      g.dispose();
      return image;
    }

    private void paintBackground(Graphics2D g) {
      g.setPaint(new GradientPaint(0, 0, new Color(0x8ec5f0), 0, GROUND, new Color(0xe4f2fb)));
      g.fillRect(0, 0, WIDTH, GROUND);
      g.setColor(new Color(0xfff3b0));
      g.fill(new Ellipse2D.Double(188, 16, 30, 30));
      g.setColor(Color.WHITE);
      g.fill(new RoundRectangle2D.Double(30, 26, 56, 16, 16, 16));
      g.fill(new RoundRectangle2D.Double(44, 18, 28, 16, 16, 16));
      g.setColor(new Color(0x5aa02c));
      g.fillRect(0, GROUND, WIDTH, HEIGHT - GROUND);
      g.setColor(new Color(0x4a8a22));
      for (int x = 0; x < WIDTH; x += 16) {
        g.fillRect(x, GROUND + 12, 8, 3);
      }
    }

    private void paintBall(Graphics2D g, double x, double lift) {
      double shadowWidth = RADIUS * 2 * (1 - 0.5 * lift);
      g.setColor(new Color(0, 0, 0, (int) (90 * (1 - 0.6 * lift))));
      g.fill(new Ellipse2D.Double(x - shadowWidth / 2, GROUND - 3, shadowWidth, 7));
      double squash = lift < 0.05 ? 0.8 : 1;
      double w = RADIUS * 2 / squash;
      double h = RADIUS * 2 * squash;
      double top = GROUND - h - BOUNCE_HEIGHT * lift;
      g.setPaint(
          new RadialGradientPaint(
              (float) (x - RADIUS / 3),
              (float) (top + h / 3),
              (float) RADIUS * 1.4f,
              new float[] {0f, 1f},
              new Color[] {new Color(0xff8a80), new Color(0xb71c1c)}));
      g.fill(new Ellipse2D.Double(x - w / 2, top, w, h));
    }
  }

  /** Writes and checks animated GIFs with the JDK's GIF plugin. */
  static final class AnimatedGif {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {}

    static byte[] encode(List<BufferedImage> frames) throws IOException {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        for (int i = 0; i < frames.size(); i++) {
          BufferedImage frame = frames.get(i);
          IIOMetadata metadata = frameMetadata(writer, frame, i == 0);
          writer.writeToSequence(new IIOImage(frame, null, metadata), null);
        }
        writer.endWriteSequence();
      } finally {
        writer.dispose();
      }
      return bytes.toByteArray();
    }

    /** Delay and disposal for every frame; the first also carries NETSCAPE2.0 looping. */
    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage frame, boolean first)
        throws IOException {
      ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
      IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
      IIOMetadataNode control = child(root, "GraphicControlExtension");
      control.setAttribute("disposalMethod", "doNotDispose");
      control.setAttribute("userInputFlag", "FALSE");
      control.setAttribute("transparentColorFlag", "FALSE");
      control.setAttribute("transparentColorIndex", "0");
      control.setAttribute("delayTime", Integer.toString(GIF_DELAY_CENTISECONDS));
      if (first) {
        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
        loop.setAttribute("applicationID", "NETSCAPE");
        loop.setAttribute("authenticationCode", "2.0");
        loop.setUserObject(new byte[] {1, 0, 0});
        child(root, "ApplicationExtensions").appendChild(loop);
      }
      metadata.setFromTree(FORMAT, root);
      return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
      for (int i = 0; i < parent.getLength(); i++) {
        if (parent.item(i).getNodeName().equals(name)) {
          return (IIOMetadataNode) parent.item(i);
        }
      }
      IIOMetadataNode node = new IIOMetadataNode(name);
      parent.appendChild(node);
      return node;
    }

    /** Re-reads the file: frame count, every delay, and a loop count of 0 (forever). */
    static void verify(Path file, int frames, int delay) throws IOException {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
        reader.setInput(in);
        check(reader.getNumImages(true) == frames, file + ": wrong frame count");
        for (int i = 0; i < frames; i++) {
          IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
          String actual = child(root, "GraphicControlExtension").getAttribute("delayTime");
          check(actual.equals(Integer.toString(delay)), file + ": frame " + i + " delay " + actual);
        }
        IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
        check(
            loopsForever(child(first, "ApplicationExtensions")),
            file + ": no NETSCAPE2.0 loop-forever extension");
      } finally {
        reader.dispose();
      }
    }

    private static boolean loopsForever(IIOMetadataNode extensions) {
      for (int i = 0; i < extensions.getLength(); i++) {
        IIOMetadataNode node = (IIOMetadataNode) extensions.item(i);
        byte[] data = (byte[]) node.getUserObject();
        if ("NETSCAPE".equals(node.getAttribute("applicationID"))
            && data != null
            && data.length == 3
            && data[0] == 1
            && data[1] == 0
            && data[2] == 0) {
          return true;
        }
      }
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JPEG encoding and a hand-written EXIF APP1 segment.
  // ---------------------------------------------------------------------------------------------

  /** Baseline JPEG encoding and the EXIF Orientation tag. */
  static final class Jpeg {

    private static final int SOI = 0xFFD8;
    private static final int APP0 = 0xFFE0;
    private static final int APP1 = 0xFFE1;
    private static final int SOS = 0xFFDA;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private Jpeg() {}

    /** Baseline (sequential) JPEG at quality 0.9 with optimised Huffman tables, no ICC. */
    static byte[] encode(BufferedImage image) {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
      param.setOptimizeHuffmanTables(true);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, null), param);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        writer.dispose();
      }
      return bytes.toByteArray();
    }

    /** Inserts an EXIF APP1 segment after SOI, or after the JFIF APP0 if there is one. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
      if (u16(jpeg, 0) != SOI) {
        throw new IllegalArgumentException("not a JPEG");
      }
      int at = 2;
      if (u16(jpeg, at) == APP0) {
        at += 2 + u16(jpeg, at + 2);
      }
      byte[] app1 = exifSegment(orientation);
      byte[] result = new byte[jpeg.length + app1.length];
      System.arraycopy(jpeg, 0, result, 0, at);
      System.arraycopy(app1, 0, result, at, app1.length);
      System.arraycopy(jpeg, at, result, at + app1.length, jpeg.length - at);
      return result;
    }

    /**
     * A minimal APP1: "Exif\0\0", then a big-endian TIFF header whose IFD0 holds one entry,
     * Orientation (0x0112), type SHORT, count 1, and no next IFD.
     */
    private static byte[] exifSegment(int orientation) {
      ByteArrayOutputStream tiff = new ByteArrayOutputStream();
      writeBytes(tiff, 'M', 'M', 0x00, 0x2A, 0, 0, 0, 8); // "MM", 42, IFD0 at offset 8
      writeBytes(tiff, 0x00, 0x01); // one directory entry
      writeBytes(tiff, EXIF_ORIENTATION_TAG >> 8, EXIF_ORIENTATION_TAG & 0xff);
      writeBytes(tiff, 0x00, 0x03, 0, 0, 0, 1); // type SHORT, count 1
      writeBytes(tiff, 0x00, orientation, 0x00, 0x00); // value, left-justified
      writeBytes(tiff, 0, 0, 0, 0); // no next IFD

      ByteArrayOutputStream segment = new ByteArrayOutputStream();
      int length = 2 + EXIF_HEADER.length + tiff.size();
      writeBytes(segment, APP1 >> 8, APP1 & 0xff, length >> 8, length & 0xff);
      segment.writeBytes(EXIF_HEADER);
      segment.writeBytes(tiff.toByteArray());
      return segment.toByteArray();
    }

    /** Reads the EXIF Orientation of a JPEG written by {@link #withOrientation}, or -1. */
    static int orientation(byte[] jpeg) {
      int at = 2;
      while (at + 4 <= jpeg.length && u16(jpeg, at) != SOS) {
        int length = u16(jpeg, at + 2);
        if (u16(jpeg, at) == APP1 && startsWith(jpeg, at + 4, EXIF_HEADER)) {
          return orientationInTiff(jpeg, at + 4 + EXIF_HEADER.length);
        }
        at += 2 + length;
      }
      return -1;
    }

    private static int orientationInTiff(byte[] jpeg, int tiff) {
      if (jpeg[tiff] != 'M' || jpeg[tiff + 1] != 'M' || u16(jpeg, tiff + 2) != 42) {
        return -1;
      }
      int ifd = tiff + (u16(jpeg, tiff + 4) << 16 | u16(jpeg, tiff + 6));
      for (int i = 0; i < u16(jpeg, ifd); i++) {
        int entry = ifd + 2 + 12 * i;
        if (u16(jpeg, entry) == EXIF_ORIENTATION_TAG && u16(jpeg, entry + 2) == 3) {
          return u16(jpeg, entry + 8);
        }
      }
      return -1;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
      for (int i = 0; i < prefix.length; i++) {
        if (at + i >= data.length || data[at + i] != prefix[i]) {
          return false;
        }
      }
      return true;
    }

    private static int u16(byte[] data, int at) {
      return (data[at] & 0xff) << 8 | data[at + 1] & 0xff;
    }

    private static void writeBytes(ByteArrayOutputStream out, int... values) {
      for (int value : values) {
        out.write(value);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // README.md
  // ---------------------------------------------------------------------------------------------

  /** The README written next to the images. */
  static final class Readme {

    static final String TEXT =
        """
                # Sample images

                These images were generated by the imgedge project with `SampleImagesGenerator`
                (`shield/src/test/java/io/imgedge/shield/samples/SampleImagesGenerator.java`). They
                are released under the project's licence (Apache-2.0) and are free to use. All are
                sRGB with no embedded ICC profile.

                - `photo.jpg`: 1600x1067 baseline JPEG (quality 90), a stylised sunset landscape \
                with fine grass and fence-wire detail, for judging resize and resampling quality.
                - `portrait.jpg`: stored 1600x1067 with EXIF Orientation 6, displays as a \
                1067x1600 upright lighthouse with "UP" and an arrow, for testing EXIF \
                auto-rotation.
                - `logo.png`: 800x400 RGBA, a rounded badge with a soft translucent drop shadow \
                on a fully transparent background, for testing alpha, flattening to JPEG with a \
                background colour and WebP with alpha.
                - `animated.gif`: 240x160, 12 frames of a bouncing ball, 80 ms per frame, looping \
                forever, for testing animated input.

                To regenerate them, run from the repository root with JDK 25:

                ```
                java shield/src/test/java/io/imgedge/shield/samples/SampleImagesGenerator.java \\
                    shield/src/main/resources/samples
                ```
                """;

    private Readme() {}
  }
}
