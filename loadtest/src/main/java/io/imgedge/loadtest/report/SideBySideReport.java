package io.imgedge.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The side-by-side report: one Markdown table (hit path and cold Zipf mix per server), the notes on
 * each server, and three PNG charts (hit-path throughput, Zipf latency percentiles, origin fetches
 * and transforms).
 */
public final class SideBySideReport {
  private final List<PeerResult> results;
  private final List<String> skipped;
  private final String workload;
  private final int rounds;
  private final int seconds;
  private final int connections;
  private final Path dir;

  /**
   * @param results the servers' figures
   * @param skipped servers not run, with the reason
   * @param workload a description of the Zipf workload
   * @param rounds hit-path rounds
   * @param seconds seconds per round
   * @param connections hit-path connections
   * @param dir where to write
   */
  public SideBySideReport(
      List<PeerResult> results,
      List<String> skipped,
      Object workload,
      int rounds,
      int seconds,
      int connections,
      Path dir) {
    this.results = List.copyOf(results);
    this.skipped = List.copyOf(skipped);
    this.workload = workload.toString();
    this.rounds = rounds;
    this.seconds = seconds;
    this.connections = connections;
    this.dir = dir;
  }

  /** imgedge's hit-path median over nginx-static's, or NaN when either is missing. */
  public double hitRatio() {
    Optional<PeerResult> imgedge = find("imgedge");
    Optional<PeerResult> ceiling = find("nginx-static");
    return imgedge.isPresent() && ceiling.isPresent()
        ? imgedge.get().hitMedian() / ceiling.get().hitMedian()
        : Double.NaN;
  }

  /** The median over rounds of imgedge / nginx-static, each round's two runs back to back. */
  public double pairedHitRatio() {
    Optional<PeerResult> imgedge = find("imgedge");
    Optional<PeerResult> ceiling = find("nginx-static");
    if (imgedge.isEmpty() || ceiling.isEmpty()) {
      return Double.NaN;
    }
    int n = Math.min(imgedge.get().hitRuns().size(), ceiling.get().hitRuns().size());
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      ratios[i] =
          imgedge.get().hitRuns().get(i).requestsPerSecond()
              / ceiling.get().hitRuns().get(i).requestsPerSecond();
    }
    return PeerResult.median(ratios);
  }

  private Optional<PeerResult> find(String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Writes report.md and the charts. */
  public void write() throws IOException {
    Files.writeString(dir.resolve("report.md"), markdown());
    List<String> names = results.stream().map(PeerResult::name).toList();
    new BarChart(
            "Cache-hit path: requests/s (median of "
                + rounds
                + " rounds, "
                + connections
                + " connections)",
            "req/s",
            names)
        .series("req/s", results.stream().mapToDouble(PeerResult::hitMedian).toArray())
        .write(dir.resolve("hit-throughput.png"));
    List<PeerResult> zipf = results.stream().filter(r -> r.zipf() != null).toList();
    List<String> zipfNames = zipf.stream().map(PeerResult::name).toList();
    new BarChart("Zipf mix from a cold start: latency percentiles", "ms", zipfNames)
        .series(
            "p50", zipf.stream().mapToDouble(r -> Objects.requireNonNull(r.zipf()).p50()).toArray())
        .series(
            "p99", zipf.stream().mapToDouble(r -> Objects.requireNonNull(r.zipf()).p99()).toArray())
        .series(
            "p99.9",
            zipf.stream().mapToDouble(r -> Objects.requireNonNull(r.zipf()).p999()).toArray())
        .write(dir.resolve("zipf-latency.png"));
    new BarChart("Zipf mix from a cold start: work done", "count", zipfNames)
        .series(
            "requests",
            zipf.stream().mapToDouble(r -> Objects.requireNonNull(r.zipf()).requests()).toArray())
        .series("origin fetches", zipf.stream().mapToDouble(PeerResult::originFetches).toArray())
        .series("transforms", zipf.stream().mapToDouble(r -> r.transforms().orElse(0)).toArray())
        .series("distinct derivatives", zipf.stream().mapToDouble(r -> r.asked()[1]).toArray())
        .write(dir.resolve("zipf-work.png"));
  }

  /** The report as Markdown. */
  public String markdown() {
    StringBuilder md = new StringBuilder("# imgedge side by side\n\n");
    md.append(
        f(
            "Measured %s on %s. Hit path: wrk, %d connections, 2 threads, %d s per round, %d rounds"
                + " interleaved, medians. Zipf mix: %s, from a cold start, on Gatling (open model).%n%n",
            LocalDate.now(), Machine.describe(), connections, seconds, rounds, workload));
    md.append(
        "| server | hit req/s (median) | vs nginx-static | hit p50 / p99 ms | hit bytes | Zipf requests | failed "
            + "| Zipf p50 / p99 / p99.9 ms | origin fetches | transforms | distinct sources / derivatives |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    double ceiling = find("nginx-static").map(PeerResult::hitMedian).orElse(Double.NaN);
    for (PeerResult r : results) {
      md.append(row(r, ceiling));
    }
    md.append(
        "\n![hit-path throughput](hit-throughput.png) ![Zipf latency](zipf-latency.png) ![work](zipf-work.png)\n\n");
    results.forEach(r -> md.append("- ").append(r.note()).append('\n'));
    skipped.forEach(s -> md.append("- not run: ").append(s).append('\n'));
    md.append(
        f(
            "%nimgedge / nginx-static on the hit path: **%.2fx** (medians of req/s); median of the per-round"
                + " ratios (each round's two runs back to back): **%.2fx**%n",
            hitRatio(), pairedHitRatio()));
    results.forEach(
        r ->
            md.append(
                f(
                    "- %s rounds (req/s): %s%n",
                    r.name(),
                    r.hitRuns().stream().map(w -> f("%.0f", w.requestsPerSecond())).toList())));
    return md.toString();
  }

  private static String row(PeerResult r, double ceiling) {
    String hit =
        r.hitRuns().isEmpty()
            ? "| — | — | — | — "
            : f(
                "| %.0f | %.2fx | %.2f / %.2f | %d ",
                r.hitMedian(),
                r.hitMedian() / ceiling,
                r.hitP50Median(),
                r.hitP99Median(),
                r.hitBytes());
    String zipf =
        r.zipf() == null
            ? "| — | — | — | — | — | — |"
            : f(
                "| %d | %d | %.0f / %.0f / %.0f | %d | %s | %d / %d |",
                r.zipf().requests(),
                r.zipf().failed(),
                r.zipf().p50(),
                r.zipf().p99(),
                r.zipf().p999(),
                r.originFetches(),
                r.transforms().isPresent() ? String.valueOf(r.transforms().getAsLong()) : "?",
                r.asked()[0],
                r.asked()[1]);
    return "| " + r.name() + " " + hit + zipf + "\n";
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
