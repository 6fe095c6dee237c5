package io.imgedge.loadtest;

import io.imgedge.loadtest.bench.FlameGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest flame}: a JFR recording's CPU samples as an SVG flame graph and folded
 * stacks ({@link FlameGraph}); {@code loadtest/bench/hit-profile.sh} uses it for the hit path's
 * graphs. Reads and writes files only.
 */
@Command(
    name = "flame",
    mixinStandardHelpOptions = true,
    description =
        "A JFR recording's jdk.ExecutionSample (and jdk.NativeMethodSample) stacks as a self-contained"
            + " SVG flame graph (NAME.svg) and folded stacks (NAME.folded.txt); prints the top frames.")
final class FlameCommand implements Callable<Integer> {
  @Option(names = "--jfr", required = true, description = "The JFR recording.")
  @Nullable Path jfr;

  @Option(names = "--out", required = true, description = "The folder to write into.")
  @Nullable Path out;

  @Option(
      names = "--threads",
      description = "Only threads whose name matches this regex as a whole (e.g. 'XNIO-.*I/O.*').")
  @Nullable String threads;

  @Option(
      names = "--title",
      description = "The SVG's heading (default: the recording's file name).")
  @Nullable String title;

  @Option(
      names = "--name",
      description = "The output files' base name (default: the recording's, without .jfr).")
  @Nullable String name;

  @Option(
      names = "--min-percent",
      defaultValue = "0.1",
      description = "Siblings under this percentage of all samples are merged (default 0.1).")
  double minPercent;

  @Option(
      names = "--keep-idle",
      description =
          "Keep native samples of threads waiting for work (EPoll.wait and the like); left out by default.")
  boolean keepIdle;

  @Option(
      names = "--top",
      defaultValue = "12",
      description = "How many frames with the most own samples to print (default 12).")
  int top;

  @Override
  public Integer call() throws Exception {
    Path recording = Objects.requireNonNull(jfr);
    Path folder = Objects.requireNonNull(out);
    if (!Files.isRegularFile(recording)) {
      System.err.println("flame: no recording at " + recording);
      return 2;
    }
    if (!(minPercent >= 0 && minPercent <= 100) || top < 0 || top > 1000) {
      System.err.println("flame: --min-percent 0..100, --top 0..1000");
      return 2;
    }
    Pattern pattern;
    try {
      pattern = threads == null ? null : Pattern.compile(threads);
    } catch (PatternSyntaxException e) {
      System.err.println("flame: --threads: " + e.getMessage());
      return 2;
    }
    String base = name;
    if (base == null) {
      String file = String.valueOf(recording.getFileName());
      base = file.endsWith(".jfr") ? file.substring(0, file.length() - 4) : file;
    }
    FlameGraph graph = FlameGraph.read(recording, pattern, keepIdle);
    FlameGraph.Written written = graph.write(folder, base, title, minPercent / 100);
    System.out.printf(
        Locale.ROOT,
        "%s: %,d samples (%,d execution, %,d native, %,d idle native left out); %s%n",
        written.svg(),
        graph.samples(),
        graph.executionSamples(),
        graph.nativeSamples(),
        graph.idleSamples(),
        written.folded().getFileName());
    long all = Math.max(graph.samples(), 1);
    for (Map.Entry<String, Long> e : graph.topSelf(top)) {
      System.out.printf(
          Locale.ROOT,
          "  %6.2f %%  %,7d  %s%n",
          100.0 * e.getValue() / all,
          e.getValue(),
          e.getKey());
    }
    return graph.samples() > 0 ? 0 : 1;
  }
}
