package io.imgedge.loadtest.report;

import io.imgedge.loadtest.gatling.RequestLog;
import io.imgedge.loadtest.gatling.Workload;
import io.imgedge.loadtest.metrics.ClusterMetrics;
import io.imgedge.loadtest.origin.OriginStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of one cluster scenario: what the client saw (Gatling), what the cluster says about
 * itself (every node's metrics), what the origin saw, and whether each piece of work was done once.
 *
 * @param scenario the scenario's name
 * @param edges edge nodes
 * @param shields shield nodes
 * @param workload what ran
 * @param client Gatling's figures
 * @param cluster the nodes' metrics after the run
 * @param origin the origin simulator's counts
 * @param asked what the simulation asked for
 * @param gatling Gatling's HTML report folder
 * @param events faults injected during the run
 */
public record ScenarioReport(
    String scenario,
    int edges,
    int shields,
    Workload workload,
    GatlingStats client,
    ClusterMetrics cluster,
    OriginStats origin,
    RequestLog.Summary asked,
    Path gatling,
    List<String> events) {

  /** Copies the events. */
  public ScenarioReport {
    events = List.copyOf(events);
  }

  /** Whether the scenario ran cold and each source and derivative should be worked on once. */
  public boolean expectsWorkOnce() {
    return scenario.equals("zipf") || scenario.equals("stampede");
  }

  /** Origin fetches equal distinct sources, and no source was fetched twice. */
  public boolean fetchedOnce() {
    return origin.gets() == asked.sources()
        && origin.maxGetsOfOnePath() <= 1
        && cluster.originFetches() == asked.sources();
  }

  /** Transforms equal distinct derivatives. */
  public boolean renderedOnce() {
    return cluster.transforms() == asked.derivatives();
  }

  /** The verdict: no failed request, and work done once where the scenario expects it. */
  public boolean passed() {
    if (scenario.equals("fault")) {
      return client.failed() * 100 <= Math.max(1, client.requests());
    }
    return client.failed() == 0 && (!expectsWorkOnce() || (fetchedOnce() && renderedOnce()));
  }

  /** The report as Markdown. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# imgedge loadtest ").append(scenario).append("\n\n");
    md.append(
        f(
            "%d edges + %d shields on loopback; %d sources x widths %s x formats %s, Zipf s=%.2f; ",
            edges,
            shields,
            workload.sources(),
            workload.widths(),
            workload.formats(),
            workload.zipfS()));
    md.append(
        workload.burst() > 0
            ? f(
                "a burst of %d users at once on the %d hottest derivatives",
                workload.burst(), workload.hot())
            : f(
                "open model, %.0f arrivals/s for %d s",
                workload.rate(), workload.durationSeconds()));
    if (workload.purgeRate() > 0) {
      md.append(f(", with %.1f purges/s", workload.purgeRate()));
    }
    md.append(".\nMachine: ").append(Machine.describe()).append(".\n\n");
    events.forEach(e -> md.append("- ").append(e).append('\n'));
    client(md);
    clusterSection(md);
    workOnce(md);
    md.append("\nGatling's HTML report: `").append(gatling.resolve("index.html")).append("`\n");
    md.append("\n**").append(passed() ? "PASSED" : "FAILED").append("**\n");
    return md.toString();
  }

  private void client(StringBuilder md) {
    md.append(
            "\n## Client (Gatling)\n\n| requests | failed | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n")
        .append(
            f(
                "| %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f |\n",
                client.requests(),
                client.failed(),
                client.meanPerSecond(),
                client.p50(),
                client.p90(),
                client.p99(),
                client.p999(),
                client.max()));
  }

  private void clusterSection(StringBuilder md) {
    md.append("\n## Cluster (from every node's /metrics)\n\n| figure | value |\n|---|---:|\n");
    row(md, "image requests at the edges", String.valueOf(cluster.requests()));
    row(md, "  2xx / 304", String.valueOf(cluster.requestsWithStatus(200, 399)));
    row(md, "  4xx", String.valueOf(cluster.requestsWithStatus(400, 499)));
    row(md, "  5xx", String.valueOf(cluster.requestsWithStatus(500, 599)));
    row(md, "edge hit ratio (memory)", pct(cluster.edgeHitRatio()));
    row(md, "shield derivative tier hit ratio", pct(cluster.shieldTierHitRatio("shield")));
    row(md, "shield source tier hit ratio", pct(cluster.shieldTierHitRatio("source")));
    row(
        md,
        "edge latency p50 / p99 / p99.9 (ms)",
        f(
            "%.1f / %.1f / %.1f",
            cluster.latencyMillis(0.5), cluster.latencyMillis(0.99), cluster.latencyMillis(0.999)));
    row(
        md,
        "origin fetches (imgedge_origin_fetches_total)",
        f(
            "%d %s",
            cluster.originFetches(),
            rounded(cluster.sumBy("imgedge_origin_fetches_total", "result"))));
    row(
        md,
        "transforms (imgedge_transform_seconds_count)",
        f(
            "%d %s",
            cluster.transforms(),
            rounded(cluster.sumBy("imgedge_transform_seconds_count", "format"))));
    row(
        md,
        "who rendered edge misses (imgedge_edge_owner_total)",
        rounded(cluster.sumBy("imgedge_edge_owner_total", "result")).toString());
    row(
        md,
        "shield requests from edges",
        rounded(cluster.sumBy("imgedge_shield_requests_total", "result")).toString());
  }

  private void workOnce(StringBuilder md) {
    md.append("\n## Work done once?\n\n| | asked for | done | |\n|---|---:|---:|---|\n");
    md.append(
        f(
            "| origin fetches vs distinct sources | %d | %d (origin saw %d GETs, at most %d per source, %d 304s) | %s |\n",
            asked.sources(),
            cluster.originFetches(),
            origin.gets(),
            origin.maxGetsOfOnePath(),
            origin.notModified(),
            verdict(fetchedOnce())));
    md.append(
        f(
            "| transforms vs distinct derivatives | %d | %d | %s |\n",
            asked.derivatives(), cluster.transforms(), verdict(renderedOnce())));
    md.append(f("| requests sent | %d | | |\n", asked.requests()));
    if (!expectsWorkOnce()) {
      md.append(
          "\n(This scenario purges or kills nodes on purpose, so work is repeated by design; the counts show how much.)\n");
    }
  }

  private String verdict(boolean ok) {
    return !expectsWorkOnce() ? "informative" : ok ? "exactly once" : "**NOT once**";
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static Map<String, Long> rounded(Map<String, Double> m) {
    Map<String, Long> r = new java.util.TreeMap<>();
    m.forEach((k, v) -> r.put(k, Math.round(v)));
    return r;
  }

  private static String pct(double ratio) {
    return f("%.1f %%", 100 * ratio);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
