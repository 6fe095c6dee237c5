package io.imgedge.loadtest.bench;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.NativeCodecs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * The Java side of {@code loadtest/bench/side-by-side.sh}. Commands:
 *
 * <ul>
 *   <li>{@code run --contender
 *       imgedge|imgedge-no-helper|imgedge-no-lane|imgedge-java|imgedge-java-no-helper|imageio-imgscalr
 *       --input F --width W --height H --quality Q --warm-up S --seconds S --out F}: ops/s one at a
 *       time and two in flight, output bytes, peak RSS; one line;
 *   <li>{@code ssim --input F --width W --height H OUT...}: SSIM of each output against the
 *       reference ({@link ReferenceResize}, {@link Ssim});
 *   <li>{@code webp --input F --width W --height H --quality Q --png F}: imgedge's WebP encode time
 *       and size for the resized image, which it also writes as PNG for {@code cwebp}.
 * </ul>
 */
public final class SideBySideMain {
  private SideBySideMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "run" -> run(o);
      case "ssim" -> ssim(o, positional(args));
      case "webp" -> webp(o);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void run(Map<String, String> o) throws Exception {
    byte[] source = Files.readAllBytes(Path.of(o.get("input")));
    int w = Integer.parseInt(o.get("width"));
    int h = Integer.parseInt(o.get("height"));
    int q = Integer.parseInt(o.get("quality"));
    String name = Objects.requireNonNull(o.get("contender"), "contender");
    Contender c =
        switch (name) {
          case "imgedge" -> Contender.imgedge(NativeCodecs.load(), helper(), w, h, q);
          case "imgedge-no-helper" -> Contender.imgedge(NativeCodecs.load(), null, w, h, q);
          case "imgedge-no-lane" ->
              Contender.imgedge(NativeCodecs.load(), helper(), false, w, h, q);
          case "imgedge-java" -> Contender.imgedge(NativeCodecs.none(), helper(), w, h, q);
          case "imgedge-java-no-helper" -> Contender.imgedge(NativeCodecs.none(), null, w, h, q);
          case "imageio-imgscalr" -> Contender.imageIoImgscalr(w, h, q);
          default -> throw new IllegalArgumentException("unknown contender " + name);
        };
    byte[] out = c.run(source);
    Files.write(Path.of(o.get("out")), out);
    double seconds = Double.parseDouble(o.get("seconds"));
    Throughput.measure(() -> c.run(source), 2, Double.parseDouble(o.get("warm-up")));
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    double serial = Throughput.measure(() -> c.run(source), 1, seconds);
    double cpuMs =
        (os.getProcessCpuTime() - cpu) / 1e6 / (serial * (System.nanoTime() - start) / 1e9);
    double pair = Throughput.measure(() -> c.run(source), 2, seconds);
    System.out.printf(
        "RESULT %s serial=%.1f pair=%.1f bytes=%d rssMiB=%d cpuMs=%.1f%n",
        name, serial, pair, out.length, PeakRss.mebibytes(), cpuMs);
  }

  /** The resize helper as the node wires it: one thread fewer than there are cores. */
  private static java.util.concurrent.@org.jspecify.annotations.Nullable Executor helper() {
    int cores = Runtime.getRuntime().availableProcessors();
    return cores < 2
        ? null
        : java.util.concurrent.Executors.newFixedThreadPool(
            cores - 1,
            r -> {
              Thread t = new Thread(r, "resize-helper");
              t.setDaemon(true);
              return t;
            });
  }

  private static void ssim(Map<String, String> o, List<String> outputs) throws IOException {
    BufferedImage full = ImageIO.read(Path.of(o.get("input")).toFile());
    int w = Integer.parseInt(o.get("width"));
    int h = Integer.parseInt(o.get("height"));
    BufferedImage reference = ReferenceResize.lanczos3(full, w, h);
    ImageIO.write(
        reference, "png", Path.of(o.getOrDefault("reference-png", "reference.png")).toFile());
    for (String file : outputs) {
      BufferedImage image = ImageIO.read(Path.of(file).toFile());
      System.out.printf("SSIM %s %.5f%n", file, Ssim.mean(reference, image));
    }
  }

  private static void webp(Map<String, String> o) throws Exception {
    byte[] source = Files.readAllBytes(Path.of(o.get("input")));
    int w = Integer.parseInt(o.get("width"));
    int h = Integer.parseInt(o.get("height"));
    int q = Integer.parseInt(o.get("quality"));
    byte[] jpeg = Contender.imgedge(NativeCodecs.load(), null, w, h, 100).run(source);
    BufferedImage resized = ImageIO.read(new ByteArrayInputStream(jpeg));
    ImageIO.write(resized, "png", Path.of(o.get("png")).toFile());
    Encoders encoders = new Encoders(NativeCodecs.none());
    EncodeOptions options = new EncodeOptions(q, false);
    byte[] webp = encoders.encode(resized, ImageFormat.WEBP, options);
    double ops =
        Throughput.measure(
            () -> encoders.encode(resized, ImageFormat.WEBP, options),
            1,
            Double.parseDouble(o.getOrDefault("seconds", "3")));
    System.out.printf("WEBP imgedge encode=%.1fms bytes=%d%n", 1000 / ops, webp.length);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].startsWith("--")) {
        o.put(args[i].substring(2), args[++i]);
      }
    }
    return o;
  }

  private static List<String> positional(String[] args) {
    List<String> files = new java.util.ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        i++;
      } else {
        files.add(args[i]);
      }
    }
    return files;
  }
}
