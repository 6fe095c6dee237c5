package io.imgedge.loadtest;

import io.imgedge.loadtest.bench.AvifSideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest avif-side-by-side}: sharp's task as AVIF, JPEG and JPEG XL from one
 * imgedge node and as AVIF from ipx, every request a miss, one request at a time, in interleaved
 * rounds; bytes, the Content-Type received, SSIM, and the acceptance criteria of the issue "Modern
 * formats: AVIF and JPEG XL" (see {@link AvifSideBySide}).
 */
@Command(
    name = "avif-side-by-side",
    mixinStandardHelpOptions = true,
    description =
        "AVIF / JPEG / JPEG XL from imgedge against ipx's AVIF on sharp's task: serial req/s (every request a miss),"
            + " bytes, Content-Type received, SSIM; PASS/FAIL per acceptance criterion. Exits 1 unless all pass.")
final class AvifSideBySideCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Measured rounds per contender (default 3, at most 20).")
  int rounds;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "Seconds per contender and round (default 10, at most 300).")
  double seconds;

  @Option(
      names = "--warm-up",
      defaultValue = "3",
      description = "Warm-up seconds per contender, not counted (default 3, at most 60).")
  double warmUp;

  @Option(
      names = "--input",
      description = "The photo (default ../shared/corpus/perf-2725x2225.jpg beside the checkout).")
  @Nullable Path input;

  @Option(
      names = "--in-flight",
      defaultValue = "1",
      description =
          "Requests in flight at a time per contender (default 1: one at a time, as the"
              + " AVIF throughput criterion asks; at most 8).")
  int inFlight;

  @Option(names = "--width", defaultValue = "720", description = "Output width (default 720).")
  int width;

  @Option(names = "--height", defaultValue = "588", description = "Output height (default 588).")
  int height;

  @Option(
      names = "--contenders",
      split = ",",
      description =
          "Contenders, in order (default imgedge-avif,imgedge-jpeg,"
              + "imgedge-jxl,ipx-avif-q60,ipx-avif; also imgedge-webp, ipx-jpeg).")
  @Nullable List<String> contenders;

  @Option(
      names = "--out",
      description = "Where report.md and raw.txt go (default loadtest/results/avif).")
  @Nullable Path out;

  @Option(
      names = "--work",
      description =
          "Where outputs, decodes and server logs go (default loadtest/reports/avif-side-by-side-<time>).")
  @Nullable Path work;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1
        || rounds > 20
        || !(seconds > 0 && seconds <= 300)
        || !(warmUp >= 0 && warmUp <= 60)
        || width < 1
        || width > 8192
        || height < 1
        || height > 8192
        || inFlight < 1
        || inFlight > 8) {
      System.err.println(
          "avif-side-by-side: --rounds 1..20, --seconds (0, 300], --warm-up [0, 60], --width/--height 1..8192,"
              + " --in-flight 1..8");
      return 2;
    }
    Path photo =
        input != null
            ? input
            : Reports.root().resolve("../shared/corpus/perf-2725x2225.jpg").normalize();
    if (!Files.isRegularFile(photo)) {
      System.err.println(
          "avif-side-by-side: no photo at "
              + photo
              + " (the shared corpus beside the checkout, or --input)");
      return 2;
    }
    List<String> names = contenders != null ? contenders : AvifSideBySide.defaultContenders();
    for (String name : names) {
      if (!AvifSideBySide.contenders().contains(name)) {
        System.err.println(
            "avif-side-by-side: unknown contender "
                + name
                + " ("
                + String.join(", ", AvifSideBySide.contenders())
                + ")");
        return 2;
      }
    }
    Path report = out != null ? out : Reports.root().resolve("loadtest/results/avif");
    Path files = work != null ? work : Reports.folder(null, "avif-side-by-side");
    String command =
        "./imgedge loadtest avif-side-by-side"
            + spec.commandLine().getParseResult().originalArgs().stream()
                .skip(1)
                .map(a -> " " + a)
                .reduce("", String::concat);
    AvifSideBySide.Settings settings =
        new AvifSideBySide.Settings(
            photo, width, height, rounds, seconds, warmUp, names, report, files, command, inFlight);
    return new AvifSideBySide(settings, Reports.jar(), Reports.root().resolve("loadtest/peers/ipx"))
        .run();
  }
}
