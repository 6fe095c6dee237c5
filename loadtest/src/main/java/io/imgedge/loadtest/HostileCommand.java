package io.imgedge.loadtest;

import io.imgedge.loadtest.hostile.HostileScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest hostile}: issue 13's acceptance measured as a hostile client would,
 * against a default node in its own process (see {@link HostileScenario}).
 */
@Command(
    name = "hostile",
    mixinStandardHelpOptions = true,
    description =
        "Issue 13 as a hostile client: bursts of abandoned expensive requests, the hostile images, sharp's task"
            + " two at a time, against a default node and one with --memory 1GiB; CPU and RSS from /proc; PASS/FAIL per"
            + " criterion. Exits 1 unless all pass.")
final class HostileCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--burst",
      defaultValue = "30",
      description = "Abandoned requests per burst (default 30, at most 48).")
  int burst;

  @Option(
      names = "--leave",
      defaultValue = "4",
      description = "Seconds after the burst when its clients leave (default 4).")
  double leave;

  @Option(
      names = "--miss-after",
      defaultValue = "6",
      description = "Seconds after the clients leave when the ordinary miss is asked (default 6).")
  double missAfter;

  @Option(
      names = "--cpu-window",
      defaultValue = "5",
      description =
          "Seconds of the node's CPU time measured after the ordinary miss's answer (default 5).")
  double cpuWindow;

  @Option(
      names = "--expensive-size",
      defaultValue = "8192",
      description = "Output side of the issue's request (default 8192).")
  int expensiveSize;

  @Option(
      names = "--admitted-size",
      defaultValue = "2400",
      description =
          "Output side of the variant a default node admits (default 2400: about 200 MiB estimated).")
  int admittedSize;

  @Option(
      names = "--sharp-seconds",
      defaultValue = "15",
      description = "Seconds of sharp's task (default 15).")
  double sharpSeconds;

  @Option(
      names = "--sharp-in-flight",
      defaultValue = "2",
      description = "Requests of sharp's task in flight (default 2).")
  int sharpInFlight;

  @Option(
      names = "--memory",
      description = "The first node's --memory (default: none given, the node's default).")
  String memory;

  @Option(
      names = "--second-memory",
      defaultValue = "1GiB",
      description =
          "The second node's --memory, which runs the attacks again (default 1GiB; 'none' to skip it).")
  String secondMemory;

  @Option(
      names = "--input",
      description = "The photo (default ../shared/corpus/perf-2725x2225.jpg beside the checkout).")
  Path input;

  @Option(
      names = "--images",
      description = "The hostile images' folder (default " + HostileScenario.IMAGES + ").")
  Path images;

  @Option(
      names = "--out",
      description = "Where report.md and raw.txt go (default loadtest/results/hostile).")
  Path out;

  @Option(
      names = "--work",
      description =
          "Where the origin folders and the nodes' logs go (default loadtest/reports/hostile-<time>).")
  Path work;

  @Override
  public Integer call() throws Exception {
    if (burst < 1
        || burst > 48
        || !(leave > 0 && leave <= 60)
        || !(missAfter >= 0 && missAfter <= 60)
        || !(cpuWindow > 0 && cpuWindow <= 60)
        || expensiveSize < 1
        || expensiveSize > 8192
        || admittedSize < 1
        || admittedSize > 8192
        || !(sharpSeconds > 0 && sharpSeconds <= 300)
        || sharpInFlight < 1
        || sharpInFlight > 16) {
      System.err.println(
          "hostile: --burst 1..48 (the node allows 100 derivatives of one source a minute), --leave (0, 60],"
              + " --miss-after [0, 60], --cpu-window (0, 60], sizes 1..8192, --sharp-seconds (0, 300], --sharp-in-flight 1..16");
      return 2;
    }
    Path photo =
        input != null
            ? input
            : Reports.root().resolve("../shared/corpus/perf-2725x2225.jpg").normalize();
    if (!Files.isRegularFile(photo)) {
      System.err.println(
          "hostile: no photo at " + photo + " (the shared corpus beside the checkout, or --input)");
      return 2;
    }
    Path hostile = images != null ? images : Reports.root().resolve(HostileScenario.IMAGES);
    if (!Files.isDirectory(hostile)) {
      System.err.println("hostile: no hostile images at " + hostile + " (--images)");
      return 2;
    }
    String second = secondMemory.toLowerCase(Locale.ROOT).equals("none") ? null : secondMemory;
    Path report = out != null ? out : Reports.root().resolve("loadtest/results/hostile");
    Path files = work != null ? work : Reports.folder(null, "hostile");
    String command =
        "./imgedge loadtest hostile"
            + spec.commandLine().getParseResult().originalArgs().stream()
                .skip(1)
                .map(a -> " " + a)
                .reduce("", String::concat);
    HostileScenario.Settings settings =
        new HostileScenario.Settings(
            photo,
            hostile,
            burst,
            duration(leave),
            duration(missAfter),
            duration(cpuWindow),
            expensiveSize,
            admittedSize,
            duration(sharpSeconds),
            sharpInFlight,
            memory,
            second,
            report,
            files,
            command);
    return new HostileScenario(settings, Reports.jar()).run();
  }

  private static Duration duration(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
