package io.imgedge.loadtest.rolling;

import io.imgedge.loadtest.cluster.ClusterNode;
import io.imgedge.loadtest.metrics.ClusterMetrics;
import io.imgedge.loadtest.origin.OriginKnobs;
import io.imgedge.loadtest.origin.OriginSimulator;
import io.imgedge.loadtest.origin.OriginStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Issue 18's rolling restart: edges and shields on loopback (one process each) behind a balancer
 * that follows readiness, an origin simulator, a steady open-model load; after a warm-up every node
 * is stopped with SIGTERM, waited for, started again and waited for until ready, one after the
 * other (shields, then edges). Reports failed requests (the bar is 0), origin fetches and
 * transforms beyond one per source and per derivative, and latency before and during the roll.
 */
public final class RollingRestart {

  /**
   * What to run.
   *
   * @param edges edge nodes
   * @param shields shield nodes
   * @param rate requests a second
   * @param sources distinct source images
   * @param widths output widths asked of each source (derivatives = sources x widths)
   * @param warmUp load before the roll
   * @param settle pause after a node is back before the next one stops
   * @param tail load after the roll
   * @param drainDelay the edges' node.drain-delay
   * @param probe how often the balancer probes readiness
   * @param nodeJvm JVM options of every node
   * @param restart the nodes to restart, in order ({@code edge-0}, {@code shield-1}, ...); empty
   *     for every node, shields first
   * @param out where report.md and raw.txt go
   * @param work where the nodes' configurations and logs go
   * @param command the command line, for the report
   */
  public record Settings(
      int edges,
      int shields,
      int rate,
      int sources,
      List<Integer> widths,
      Duration warmUp,
      Duration settle,
      Duration tail,
      Duration drainDelay,
      Duration probe,
      List<String> nodeJvm,
      List<String> restart,
      Path out,
      Path work,
      String command) {

    /** Copies the lists. */
    public Settings {
      widths = List.copyOf(widths);
      nodeJvm = List.copyOf(nodeJvm);
      restart = List.copyOf(restart);
    }
  }

  /** One node's restart and what happened meanwhile. */
  record Step(
      String node,
      long fromNanos,
      long toNanos,
      double stopMillis,
      boolean stoppedInTime,
      double readyMillis,
      long originFetches,
      long transforms) {}

  private final Settings settings;
  private final Path jar;

  /**
   * @param settings what to run
   * @param jar the imgedge fat jar
   */
  public RollingRestart(Settings settings, Path jar) {
    this.settings = settings;
    this.jar = jar;
  }

  /** Runs the scenario, writes the report; 0 when no request failed, 1 otherwise. */
  public int run() throws IOException, InterruptedException {
    Files.createDirectories(settings.out());
    Files.createDirectories(settings.work());
    OriginKnobs knobs =
        new OriginKnobs(
            settings.sources(), 1200, Duration.ofMillis(5), Duration.ZERO, 0, true, 3600, 42);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < settings.sources(); i++) {
      for (int w : settings.widths()) {
        paths.add(OriginSimulator.path(i) + "?width=" + w);
      }
    }
    Instant began = Instant.now();
    long t0 = System.nanoTime();
    try (OriginSimulator origin = OriginSimulator.start(knobs, 0);
        RollingCluster cluster =
            RollingCluster.start(
                jar,
                settings.work(),
                settings.edges(),
                settings.shields(),
                origin.url().toString(),
                settings.drainDelay(),
                settings.nodeJvm(),
                Duration.ofSeconds(120))) {
      double clusterStart = (System.nanoTime() - t0) / 1e9;
      Counters counters = new Counters(cluster, origin);
      List<Step> steps = new ArrayList<>();
      List<SteadyLoad.Result> results;
      long rollFrom;
      long rollTo;
      try (Balancer balancer = new Balancer(cluster.edges(), settings.probe());
          SteadyLoad load = new SteadyLoad(balancer, paths, settings.rate(), 7)) {
        Thread.sleep(settings.warmUp());
        rollFrom = System.nanoTime();
        for (ClusterNode node : order(cluster)) {
          steps.add(restart(cluster, balancer, counters, node));
        }
        rollTo = System.nanoTime();
        Thread.sleep(settings.tail());
        load.close();
        results = load.results();
      }
      Counters.Totals totals = counters.now();
      String report =
          report(began, clusterStart, results, steps, rollFrom, rollTo, totals, origin.stats());
      Files.writeString(settings.out().resolve("report.md"), report);
      Files.writeString(settings.out().resolve("raw.txt"), raw(results, steps));
      System.out.println(report);
      return results.stream().allMatch(SteadyLoad.Result::ok) ? 0 : 1;
    }
  }

  private List<ClusterNode> order(RollingCluster cluster) {
    if (settings.restart().isEmpty()) {
      return cluster.nodes();
    }
    List<ClusterNode> order = new ArrayList<>();
    for (String name : settings.restart()) {
      order.add(
          cluster.nodes().stream()
              .filter(n -> n.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no node "
                              + name
                              + "; the nodes are "
                              + cluster.nodes().stream().map(ClusterNode::name).toList())));
    }
    return order;
  }

  private Step restart(
      RollingCluster cluster, Balancer balancer, Counters counters, ClusterNode node)
      throws IOException, InterruptedException {
    RollingCluster.Member m = cluster.member(node);
    Counters.Totals before = counters.now();
    long from = System.nanoTime();
    counters.retire(node);
    boolean inTime = cluster.terminate(m, Duration.ofSeconds(60));
    double stopMillis = (System.nanoTime() - from) / 1e6;
    long started = System.nanoTime();
    cluster.launch(m);
    cluster.awaitReady(m, Duration.ofSeconds(120));
    double readyMillis = (System.nanoTime() - started) / 1e6;
    if (node.isEdge()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!balancer.inRotation().contains(node) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    Thread.sleep(settings.settle());
    Counters.Totals after = counters.now();
    return new Step(
        node.name(),
        from,
        System.nanoTime(),
        stopMillis,
        inTime,
        readyMillis,
        after.originFetches() - before.originFetches(),
        after.transforms() - before.transforms());
  }

  /**
   * Origin fetches (the simulator's count) and transforms (every node's counter, kept across
   * restarts: a node's count is added to the retired total just before it stops).
   */
  private static final class Counters {
    record Totals(long originFetches, long transforms) {}

    private final RollingCluster cluster;
    private final OriginSimulator origin;
    private long retired;

    Counters(RollingCluster cluster, OriginSimulator origin) {
      this.cluster = cluster;
      this.origin = origin;
    }

    void retire(ClusterNode node) throws IOException, InterruptedException {
      // Transforms still running on the node finish during its drain and are not counted: their
      // number is at most the node's transform slots, and none of them can be a request's only one.
      retired += ClusterMetrics.scrape(List.of(node)).transforms();
    }

    Totals now() throws IOException, InterruptedException {
      return new Totals(
          origin.stats().gets(), retired + ClusterMetrics.scrape(cluster.nodes()).transforms());
    }
  }

  private String report(
      Instant began,
      double clusterStart,
      List<SteadyLoad.Result> results,
      List<Step> steps,
      long rollFrom,
      long rollTo,
      Counters.Totals totals,
      OriginStats originStats) {
    List<SteadyLoad.Result> before = between(results, 0, rollFrom);
    List<SteadyLoad.Result> roll = between(results, rollFrom, rollTo);
    long failed = results.stream().filter(r -> !r.ok()).count();
    long derivatives =
        results.stream()
            .filter(SteadyLoad.Result::ok)
            .map(SteadyLoad.Result::path)
            .distinct()
            .count();
    int sourcesFetched = originStats.distinctPaths();
    StringBuilder s = new StringBuilder();
    s.append("# Rolling restart\n\n");
    s.append("`").append(settings.command()).append("`, ").append(began).append(", ");
    s.append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
    s.append(
        ("%d edges and %d shields on loopback (one process each, started in %.1f s), an origin simulator with %d sources"
                + " (1200x800 JPEG), %d req/s open-model load over %d derivatives (widths %s) through a balancer that"
                + " probes `/health/ready` every %d ms, as a Kubernetes Service follows readiness, and never retries."
                + " After %d s of warm-up, one node at a time: SIGTERM, wait for the process to end, start it again,"
                + " wait until ready (edges: until back in rotation), %d s, next (%s). Edges: node.drain-delay %d ms.\n\n")
            .formatted(
                settings.edges(),
                settings.shields(),
                clusterStart,
                settings.sources(),
                settings.rate(),
                settings.sources() * settings.widths().size(),
                settings.widths(),
                settings.probe().toMillis(),
                settings.warmUp().toSeconds(),
                settings.settle().toSeconds(),
                settings.restart().isEmpty()
                    ? "every node, shields first"
                    : String.join(", ", settings.restart()),
                settings.drainDelay().toMillis()));
    s.append(
        "| | requests | failed | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
    row(s, "before the roll", before);
    row(s, "during the roll", roll);
    row(s, "whole run", results);
    s.append("\n**Failed requests: ")
        .append(failed)
        .append("** (any answer but a complete 200, or no answer).\n\n");
    s.append(
        "| step | stop (SIGTERM to exit) | start to ready | requests | failed | p99 ms | origin fetches | transforms |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Step st : steps) {
      List<SteadyLoad.Result> in = between(results, st.fromNanos(), st.toNanos());
      s.append(
          "| %s | %.1f s%s | %.1f s | %d | %d | %.0f | %d | %d |\n"
              .formatted(
                  st.node(),
                  st.stopMillis() / 1000,
                  st.stoppedInTime() ? "" : " (killed)",
                  st.readyMillis() / 1000,
                  in.size(),
                  in.stream().filter(r -> !r.ok()).count(),
                  percentile(in, 0.99),
                  st.originFetches(),
                  st.transforms()));
    }
    s.append("\n");
    s.append(
        ("Work: %d origin fetches for %d sources (%d beyond one per source); %d transforms for %d derivatives"
                + " answered (%d beyond one per derivative).\n\n")
            .formatted(
                totals.originFetches(),
                sourcesFetched,
                totals.originFetches() - sourcesFetched,
                totals.transforms(),
                derivatives,
                totals.transforms() - derivatives));
    s.append(
        "Fetches and transforms beyond one each: a shield's caches are in memory, so a restarted shield (and,"
            + " while it is down, the next shield by rendezvous hash, which takes its sources) fetches and renders"
            + " again whatever it is asked for next. Edges ask the shields only on their own misses, so the repeat"
            + " shows in the step where an edge, cold after its own restart or newly owning a key, first asks for"
            + " it; the per-step columns show where. Stopping and starting an edge itself repeats no work. A disk"
            + " tier on the shields (cache.disk.path) is what would keep this work across a restart.\n");
    if (failed > 0) {
      s.append("\nFailures (first 20):\n\n");
      results.stream()
          .filter(r -> !r.ok())
          .limit(20)
          .forEach(
              r ->
                  s.append(
                      "- +%.1f s %s %s: %s\n"
                          .formatted(
                              (r.startNanos() - rollFrom) / 1e9,
                              r.edge(),
                              r.path(),
                              r.failure() != null ? r.failure() : "status " + r.status())));
    }
    return s.toString();
  }

  private static void row(StringBuilder s, String what, List<SteadyLoad.Result> rs) {
    s.append(
        "| %s | %d | %d | %.0f | %.0f | %.0f |\n"
            .formatted(
                what,
                rs.size(),
                rs.stream().filter(r -> !r.ok()).count(),
                percentile(rs, 0.5),
                percentile(rs, 0.99),
                percentile(rs, 1.0)));
  }

  private static List<SteadyLoad.Result> between(
      List<SteadyLoad.Result> results, long from, long to) {
    return results.stream().filter(r -> r.startNanos() >= from && r.startNanos() < to).toList();
  }

  static double percentile(List<SteadyLoad.Result> rs, double q) {
    if (rs.isEmpty()) {
      return 0;
    }
    double[] ms = rs.stream().mapToDouble(SteadyLoad.Result::millis).sorted().toArray();
    int i = (int) Math.ceil(q * ms.length) - 1;
    return ms[Math.max(0, Math.min(ms.length - 1, i))];
  }

  private static String raw(List<SteadyLoad.Result> results, List<Step> steps) {
    StringBuilder s = new StringBuilder();
    for (Step st : steps) {
      s.append(st).append('\n');
    }
    Map<String, Long> byEdge =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    SteadyLoad.Result::edge, TreeMap::new, Collectors.counting()));
    s.append("requests by edge: ").append(byEdge).append('\n');
    double[] ms = results.stream().mapToDouble(SteadyLoad.Result::millis).sorted().toArray();
    s.append("latency deciles ms: ");
    for (int d = 1; d <= 10; d++) {
      s.append(
          String.format(
              Locale.ROOT, "%.1f ", ms.length == 0 ? 0 : ms[Math.max(0, ms.length * d / 10 - 1)]));
    }
    s.append('\n');
    results.stream().filter(r -> !r.ok()).forEach(r -> s.append("failed: ").append(r).append('\n'));
    return s.toString();
  }
}
