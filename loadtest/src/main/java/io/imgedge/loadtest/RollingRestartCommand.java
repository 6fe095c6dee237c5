package io.imgedge.loadtest;

import io.imgedge.loadtest.rolling.RollingRestart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest rolling-restart}: issue 18's rolling restart of every node of a local
 * cluster under steady load (see {@link RollingRestart}).
 */
@Command(
    name = "rolling-restart",
    mixinStandardHelpOptions = true,
    description =
        "Every node of a local cluster (3 edges, 2 shields) stopped with SIGTERM and started again in turn under"
            + " steady load, behind a balancer that follows readiness; failed requests (the bar is 0), extra origin"
            + " fetches and transforms, p99 during the roll. Exits 1 if any request failed.")
final class RollingRestartCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--edges", defaultValue = "3", description = "Edge nodes (default 3).")
  int edges;

  @Option(names = "--shields", defaultValue = "2", description = "Shield nodes (default 2).")
  int shields;

  @Option(names = "--rate", defaultValue = "100", description = "Requests a second (default 100).")
  int rate;

  @Option(names = "--sources", defaultValue = "40", description = "Source images (default 40).")
  int sources;

  @Option(
      names = "--widths",
      defaultValue = "160,320",
      split = ",",
      description = "Output widths asked of every source (default 160,320).")
  List<Integer> widths = new ArrayList<>();

  @Option(
      names = "--warm-up",
      defaultValue = "10",
      description = "Seconds before the roll (default 10).")
  int warmUp;

  @Option(
      names = "--settle",
      defaultValue = "3",
      description = "Seconds after a node is back before the next stops (default 3).")
  int settle;

  @Option(
      names = "--tail",
      defaultValue = "5",
      description = "Seconds of load after the roll (default 5).")
  int tail;

  @Option(
      names = "--drain-delay",
      defaultValue = "1500",
      description = "The edges' node.drain-delay in ms (default 1500).")
  int drainDelay;

  @Option(
      names = "--probe",
      defaultValue = "250",
      description = "How often the balancer probes readiness, ms (default 250).")
  int probe;

  @Option(
      names = "--node-jvm",
      defaultValue = "-Xmx384m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC",
      description =
          "JVM options of every node (default: -Xmx384m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC).")
  String nodeJvm;

  @Option(
      names = "--nodes",
      split = ",",
      description =
          "The nodes to restart, in order (default all: shield-0.., then edge-0..), e.g. edge-0,edge-1,edge-2.")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = "--out",
      description = "Where report.md goes (default loadtest/results/rolling-restart).")
  Path out;

  @Option(
      names = "--work",
      description = "Where node configs and logs go (default loadtest/reports/rolling-<time>).")
  Path work;

  @Override
  public Integer call() throws Exception {
    if (edges < 1
        || edges > 8
        || shields < 1
        || shields > 8
        || rate < 1
        || rate > 2000
        || sources < 1
        || sources > 10_000
        || widths.isEmpty()
        || warmUp < 0
        || settle < 0
        || tail < 0
        || drainDelay < 0
        || probe < 10) {
      System.err.println(
          "rolling-restart: --edges and --shields 1..8, --rate 1..2000, --sources 1..10000, non-negative times,"
              + " --probe at least 10 ms");
      return 2;
    }
    String command =
        "./imgedge loadtest rolling-restart"
            + spec.commandLine().getParseResult().originalArgs().stream()
                .skip(1)
                .map(a -> " " + a)
                .reduce("", String::concat);
    RollingRestart.Settings settings =
        new RollingRestart.Settings(
            edges,
            shields,
            rate,
            sources,
            widths,
            Duration.ofSeconds(warmUp),
            Duration.ofSeconds(settle),
            Duration.ofSeconds(tail),
            Duration.ofMillis(drainDelay),
            Duration.ofMillis(probe),
            Arrays.stream(nodeJvm.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList(),
            nodes,
            out != null ? out : Reports.root().resolve("loadtest/results/rolling-restart"),
            work != null ? work : Reports.folder(null, "rolling"),
            command);
    return new RollingRestart(settings, Reports.jar()).run();
  }
}
