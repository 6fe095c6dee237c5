package io.imgedge.loadtest;

import io.imgedge.loadtest.cluster.ClusterNode;
import io.imgedge.loadtest.cluster.LocalCluster;
import io.imgedge.loadtest.gatling.GatlingRunner;
import io.imgedge.loadtest.gatling.RequestLog;
import io.imgedge.loadtest.gatling.UrlStyle;
import io.imgedge.loadtest.gatling.Workload;
import io.imgedge.loadtest.metrics.ClusterMetrics;
import io.imgedge.loadtest.origin.OriginKnobs;
import io.imgedge.loadtest.origin.OriginSimulator;
import io.imgedge.loadtest.origin.OriginStats;
import io.imgedge.loadtest.report.GatlingStats;
import io.imgedge.loadtest.report.ScenarioReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest zipf|stampede|purge-storm|fault}: starts the origin simulator and a
 * local cluster (N edges, M shields, one process each, on loopback), runs the scenario on Gatling,
 * scrapes every node's metrics and writes a report (Markdown, plus Gatling's HTML report).
 */
@Command(mixinStandardHelpOptions = true)
final class ScenarioCommand implements Callable<Integer> {
  private final Scenario scenario;

  @Option(names = "--edges", defaultValue = "3", description = "Edge nodes (default 3).")
  int edges;

  @Option(names = "--shields", defaultValue = "2", description = "Shield nodes (default 2).")
  int shields;

  @Option(
      names = "--burst",
      defaultValue = "300",
      description = "stampede: users arriving at once (default 300).")
  int burst;

  @Option(
      names = "--hot",
      defaultValue = "10",
      description = "stampede: derivatives the burst asks for (default 10).")
  int hot;

  @Option(
      names = "--purge-rate",
      defaultValue = "2",
      description = "purge-storm: purges per second (default 2).")
  double purgeRate;

  @Mixin ScenarioOptions options;

  ScenarioCommand(Scenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Reports.folder(options.out, scenario.command());
    OriginKnobs knobs =
        new OriginKnobs(
            options.sources,
            options.sourceWidth,
            Duration.ofMillis(options.originLatencyMs),
            Duration.ofMillis(options.originLatencyMs / 2),
            options.originErrors,
            true,
            3600,
            options.seed);
    System.out.println(
        "imgedge loadtest "
            + scenario.command()
            + ": generating "
            + options.sources
            + " images ...");
    try (OriginSimulator origin = OriginSimulator.start(knobs, 0);
        LocalCluster cluster =
            LocalCluster.start(
                Reports.jar(),
                edges,
                shields,
                origin.url().toString(),
                dir.resolve("cluster.log"))) {
      cluster
          .nodes()
          .forEach(
              n -> System.out.println("  " + n.name() + " " + n.url() + " admin " + n.admin()));
      Thread stop = new Thread(cluster::close, "imgedge-cluster-stop");
      Runtime.getRuntime().addShutdownHook(stop); // Ctrl-C stops the cluster too
      try {
        return run(origin, cluster, dir);
      } finally {
        Runtime.getRuntime().removeShutdownHook(stop);
      }
    }
  }

  private int run(OriginSimulator origin, LocalCluster cluster, Path dir) throws Exception {
    List<ClusterNode> targets =
        scenario == Scenario.FAULT && cluster.edges().size() > 1
            ? cluster.edges().subList(0, cluster.edges().size() - 1)
            : cluster.edges();
    Workload workload = workload(origin, cluster, targets, dir);
    System.out.println(
        "  running " + scenario.command() + " on Gatling for " + options.duration + " s ...");
    ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    List<String> faultLog = new java.util.concurrent.CopyOnWriteArrayList<>();
    if (scenario == Scenario.FAULT) {
      faults.schedule(() -> killSome(cluster, faultLog), options.duration / 2, TimeUnit.SECONDS);
    }
    Path gatling;
    try {
      gatling =
          GatlingRunner.current()
              .run(
                  workload, dir.resolve("gatling"), scenario.command(), dir.resolve("gatling.log"));
    } finally {
      faults.shutdownNow();
    }
    ClusterMetrics metrics = ClusterMetrics.scrape(cluster.nodes());
    OriginStats originStats = origin.stats();
    RequestLog.Summary asked = RequestLog.read(workload.requestLog());
    ScenarioReport report =
        new ScenarioReport(
            scenario.command(),
            edges,
            shields,
            workload,
            GatlingStats.read(gatling),
            metrics,
            originStats,
            asked,
            gatling,
            faultLog);
    Files.writeString(dir.resolve("report.md"), report.markdown());
    System.out.print(report.markdown());
    System.out.println(
        "report: " + dir.resolve("report.md") + "\nGatling: " + gatling.resolve("index.html"));
    return report.passed() ? 0 : 1;
  }

  private Workload workload(
      OriginSimulator origin, LocalCluster cluster, List<ClusterNode> targets, Path dir) {
    double rate = scenario == Scenario.STAMPEDE ? 0 : options.rate;
    int burstUsers = scenario == Scenario.STAMPEDE ? burst : 0;
    int duration = scenario == Scenario.STAMPEDE ? 1 : options.duration;
    List<String> admins =
        scenario == Scenario.PURGE_STORM
            ? cluster.edges().stream().map(n -> n.admin().toString()).toList()
            : List.of();
    return new Workload(
        targets.stream().map(n -> n.url().toString()).toList(),
        UrlStyle.IMGEDGE,
        origin.url().toString(),
        options.sources,
        options.widths,
        options.formats,
        options.zipfS,
        options.seed,
        rate,
        duration,
        burstUsers,
        hot,
        dir.resolve("requests.tsv"),
        admins,
        cluster.token(),
        scenario == Scenario.PURGE_STORM ? purgeRate : 0);
  }

  /**
   * The fault: the last edge (which owns a share of the keys but takes no traffic) and the first
   * shield die.
   */
  private static void killSome(LocalCluster cluster, List<String> log) {
    ClusterNode edge = cluster.edges().getLast();
    ClusterNode shield = cluster.shields().getFirst();
    if (cluster.edges().size() > 1) {
      cluster.kill(edge);
      log.add("killed " + edge.name() + " (SIGKILL) at mid-run");
    }
    if (cluster.shields().size() > 1) {
      cluster.kill(shield);
      log.add("killed " + shield.name() + " (SIGKILL) at mid-run");
    }
    log.forEach(l -> System.out.println("  " + l));
  }
}
