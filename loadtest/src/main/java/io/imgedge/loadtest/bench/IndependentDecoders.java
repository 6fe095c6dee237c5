package io.imgedge.loadtest.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the benchmark's outputs to pixels with decoders that are not imgedge's: AVIF with
 * libavif's {@code avifdec} (dav1d when it has it) and JPEG XL with libjxl's {@code djxl}, both to
 * 8-bit PNG, read back with ImageIO; JPEG with the JDK's ImageIO reader and WebP (imgedge's
 * stand-in for a missing encoder) with webp-imageio's (libwebp), in this JVM. Which decoder read
 * each output is part of the result.
 */
final class IndependentDecoders {
  private static final Pattern AVIF_VERSION = Pattern.compile("Version:\\s*(\\S+)");
  private static final Pattern DAV1D = Pattern.compile("dav1d \\[dec\\]:([^,)\\s]+)");
  private static final Pattern AVIF_DETAIL =
      Pattern.compile("\\* (Bit Depth|Format|Range)\\s*: (\\S+)");

  private final Path work;
  private final @Nullable Path avifdec;
  private final @Nullable Path djxl;
  private final String avifdecVersion;
  private final String djxlVersion;

  IndependentDecoders(Path work) {
    this.work = work;
    this.avifdec = which("avifdec");
    this.djxl = which("djxl");
    this.avifdecVersion =
        avifdec == null
            ? ""
            : firstLine(output(List.of(avifdec.toString(), "--version")), "Version");
    this.djxlVersion =
        djxl == null ? "" : firstLine(output(List.of(djxl.toString(), "--version")), "");
  }

  /**
   * Pixels and the decoder that produced them.
   *
   * @param image the decoded image
   * @param decoder e.g. {@code avifdec 0.11.1 (dav1d 1.0.0)}
   */
  record Decoded(BufferedImage image, String decoder) {}

  /**
   * Decodes {@code bytes}, which are {@code signature} (sniffed); {@code name} names the files kept
   * in the work folder.
   */
  Decoded decode(byte[] bytes, Signature signature, String name)
      throws IOException, InterruptedException {
    Path encoded = work.resolve(name + "." + signature.extension());
    Files.write(encoded, bytes);
    Path png = work.resolve(name + ".decoded.png");
    return switch (signature) {
      case AVIF -> {
        if (avifdec == null) {
          throw new IOException("avifdec is not installed (Debian: apt-get install libavif-bin)");
        }
        List<String> command = new ArrayList<>(List.of(avifdec.toString()));
        String dav1d = dav1d();
        if (dav1d != null) {
          command.addAll(List.of("--codec", "dav1d"));
        }
        command.addAll(List.of("--depth", "8", encoded.toString(), png.toString()));
        String details = avifDetails(run(command));
        yield new Decoded(
            read(png),
            "avifdec "
                + version(AVIF_VERSION, avifdecVersion)
                + (dav1d != null ? " (dav1d " + dav1d + ")" : " (its default AV1 decoder)")
                + (details.isEmpty() ? "" : "; the file: " + details));
      }
      case JXL -> {
        if (djxl == null) {
          throw new IOException("djxl is not installed (Debian: apt-get install libjxl-tools)");
        }
        run(List.of(djxl.toString(), encoded.toString(), png.toString(), "--bits_per_sample=8"));
        yield new Decoded(
            read(png), djxlVersion.isEmpty() ? "djxl" : djxlVersion.replaceAll("\\s*\\[.*$", ""));
      }
      case JPEG, WEBP, PNG -> {
        try (ImageInputStream in =
            ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
          ImageReader reader = reader(in, signature);
          try {
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            yield new Decoded(image, "ImageIO " + reader.getClass().getName());
          } finally {
            reader.dispose();
          }
        }
      }
      case OTHER -> throw new IOException("not an image format this benchmark knows");
    };
  }

  /**
   * The ImageIO reader for the format, chosen by name rather than by ImageIO's registration order
   * (which differs between JVMs, and two WebP readers disagree by 0.004 SSIM on the same file): for
   * WebP webp-imageio's, which is libwebp's own decoder (as browsers decode); for JPEG and PNG the
   * JDK's.
   */
  private static ImageReader reader(ImageInputStream in, Signature signature) throws IOException {
    String preferred =
        switch (signature) {
          case WEBP -> "com.luciad.imageio.webp.";
          case JPEG -> "com.sun.imageio.plugins.jpeg.";
          default -> "com.sun.imageio.plugins.png.";
        };
    ImageReader first = null;
    for (var it = ImageIO.getImageReaders(in); it.hasNext(); ) {
      ImageReader r = it.next();
      if (r.getClass().getName().startsWith(preferred)) {
        if (first != null) {
          first.dispose();
        }
        return r;
      }
      if (first == null) {
        first = r;
      } else {
        r.dispose();
      }
    }
    if (first == null) {
      throw new IOException("no ImageIO reader for " + signature);
    }
    return first;
  }

  /** The versions of the external decoders, for the report. */
  String describe() {
    return (avifdec == null ? "avifdec: not installed" : "avifdec: " + avifdecVersion)
        + "; "
        + (djxl == null ? "djxl: not installed" : "djxl: " + djxlVersion);
  }

  private @Nullable String dav1d() {
    Matcher m = DAV1D.matcher(avifdecVersion);
    return m.find() ? m.group(1) : null;
  }

  private static String version(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : "?";
  }

  private static BufferedImage read(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    if (image == null) {
      throw new IOException("cannot read " + png);
    }
    return image;
  }

  /** Runs a decoder; returns what it printed (also appended to decoder.log in the work folder). */
  private String run(List<String> command) throws IOException, InterruptedException {
    Path log = work.resolve("decoder.log");
    Path out = Files.createTempFile(work, "decoder", ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within 60 s");
      }
      String text = Files.readString(out);
      Files.writeString(
          log,
          "$ " + String.join(" ", command) + "\n" + text,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      if (p.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command) + " exited with " + p.exitValue() + "; see " + log);
      }
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** What avifdec says about the file: e.g. {@code YUV444, 8-bit, full range}. */
  static String avifDetails(String output) {
    Matcher m = AVIF_DETAIL.matcher(output);
    String format = "";
    String depth = "";
    String range = "";
    while (m.find()) {
      switch (m.group(1)) {
        case "Format" -> format = m.group(2);
        case "Bit Depth" -> depth = m.group(2) + "-bit";
        default -> range = m.group(2).toLowerCase(java.util.Locale.ROOT) + " range";
      }
    }
    return String.join(
        ", ", java.util.stream.Stream.of(format, depth, range).filter(x -> !x.isEmpty()).toList());
  }

  private static String output(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor(10, TimeUnit.SECONDS);
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String firstLine(String text, String startingWith) {
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && l.startsWith(startingWith))
        .findFirst()
        .orElse("?");
  }

  /** The executable on {@code PATH}, or null. */
  static @Nullable Path which(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
