package io.imgedge.loadtest;

import io.imgedge.loadtest.restart.RestartSettings;
import io.imgedge.loadtest.restart.ShieldRestartScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest shield-restart}: issue 17's acceptance measured from outside: a shield
 * killed and restarted under load, with its disk tier and with memory only (see {@link
 * ShieldRestartScenario}).
 */
@Command(
    name = "shield-restart",
    mixinStandardHelpOptions = true,
    description =
        "Issue 17: a shield process killed (SIGKILL) and started again under an open-model load,"
            + " first with its disk tier, then with memory only; counts the origin requests the"
            + " restart costs. Exits 1 unless, with the disk tier, they stay <= 1 % of the requests.")
final class ShieldRestartCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--sources",
      defaultValue = "30",
      description = "Originals in the working set (default 30).")
  int sources;

  @Option(
      names = "--image-width",
      defaultValue = "1600",
      description = "The originals' width in pixels (default 1600).")
  int imageWidth;

  @Option(
      names = "--widths",
      defaultValue = "200,400,600,800",
      split = ",",
      description = "Widths asked for (default 200,400,600,800).")
  List<Integer> widths;

  @Option(
      names = "--formats",
      defaultValue = "jpg,webp",
      split = ",",
      description = "Formats asked for (default jpg,webp).")
  List<String> formats;

  @Option(names = "--rate", defaultValue = "40", description = "Requests a second (default 40).")
  double rate;

  @Option(
      names = "--before",
      defaultValue = "10",
      description = "Seconds of load before the kill (default 10).")
  int before;

  @Option(
      names = "--after",
      defaultValue = "30",
      description = "Seconds of load after the new shield is ready (default 30).")
  int after;

  @Option(
      names = "--graceful",
      description = "Stop the shield with SIGTERM (it drains) instead of SIGKILL.")
  boolean graceful;

  @Option(
      names = "--skip-memory-pass",
      description = "Run with the disk tier only (by default it runs again with memory only).")
  boolean skipMemoryPass;

  @Option(
      names = "--node-memory",
      defaultValue = "768",
      description = "The nodes' node.memory in MiB (default 768).")
  int nodeMemory;

  @Option(
      names = "--disk-max-bytes",
      defaultValue = "1GiB",
      description = "The shield's cache.disk.max-bytes (default 1GiB).")
  String diskMaxBytes;

  @Option(
      names = "--out",
      description = "Where report.md and raw.txt go (default loadtest/results/shield-restart).")
  Path out;

  @Option(
      names = "--work",
      description =
          "Where the nodes' configurations, logs and disk go (default loadtest/reports/shield-restart-<time>).")
  Path work;

  @Override
  public Integer call() throws Exception {
    if (sources < 1
        || sources > 10_000
        || imageWidth < 16
        || imageWidth > 8000
        || widths.isEmpty()
        || formats.isEmpty()
        || !(rate > 0 && rate <= 2000)
        || before < 1
        || after < 1
        || before + after > 3600
        || nodeMemory < 256) {
      System.err.println(
          "shield-restart: --sources 1..10000, --image-width 16..8000, --rate (0, 2000],"
              + " --before and --after >= 1 s (together at most an hour), --node-memory >= 256");
      return 2;
    }
    String command =
        "./imgedge loadtest shield-restart"
            + spec.commandLine().getParseResult().originalArgs().stream()
                .skip(1)
                .map(a -> " " + a)
                .reduce("", String::concat);
    RestartSettings settings =
        new RestartSettings(
            sources,
            imageWidth,
            widths,
            formats,
            rate,
            Duration.ofSeconds(before),
            Duration.ofSeconds(after),
            graceful,
            !skipMemoryPass,
            nodeMemory,
            diskMaxBytes,
            out != null ? out : Reports.root().resolve("loadtest/results/shield-restart"),
            work != null ? work : Reports.folder(null, "shield-restart"),
            command);
    return new ShieldRestartScenario(settings, Reports.jar()).run();
  }
}
