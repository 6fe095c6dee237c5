package io.imgedge.loadtest.restart;

import io.imgedge.loadtest.report.Machine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The shield-restart scenario's report: the verdict on issue 17's bound (origin fetches after the
 * restart at most 1 % of the requests, with the disk tier), the figures of each pass side by side,
 * and how they are measured; {@code raw.txt} holds one line per pass and window.
 */
final class RestartReport {
  /** The bound: origin fetches after the restart, as a share of the requests. */
  static final double BOUND = 0.01;

  private final RestartSettings settings;
  private final List<PassResult> passes;
  private final String loadBefore;
  private final String loadAfter;
  private final double minutes;

  RestartReport(
      RestartSettings settings,
      List<PassResult> passes,
      String loadBefore,
      String loadAfter,
      double minutes) {
    this.settings = settings;
    this.passes = List.copyOf(passes);
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.minutes = minutes;
  }

  private PassResult disk() {
    return passes.getFirst();
  }

  /** Whether the disk pass met the bound and answered every request once the shield was ready. */
  boolean passed() {
    return boundMet() && allOkAfterReady();
  }

  private boolean boundMet() {
    PassResult d = disk();
    return d.okAfterKill() > 0 && d.fetchShare() <= BOUND;
  }

  private boolean allOkAfterReady() {
    PassResult d = disk();
    return !d.after().isEmpty() && d.after().stream().allMatch(o -> o.status() == 200);
  }

  String markdown() {
    RestartSettings s = settings;
    StringBuilder m = new StringBuilder();
    m.append("# Shield restart under load (issue 17), measured from outside\n\n");
    m.append(
        String.format(
            Locale.ROOT,
            "`%s`, %s, %s; load average before %s, after %s; %.1f minutes in all.%n%n",
            s.command(),
            LocalDate.now(),
            Machine.describe(),
            loadBefore,
            loadAfter,
            minutes));
    m.append(
        String.format(
            Locale.ROOT,
            "One shield and one edge, each its own process started from the jar as the launcher"
                + " starts it (node.memory %d MiB), in front of the origin simulator (%d generated"
                + " photo-like JPEGs, %d px wide, `max-age=3600`, ETag, 5 ms away). The edge keeps"
                + " no derivatives in memory (`cache.edge-max-bytes: 0`), so every request reaches"
                + " the shield, as when the edges restart too or the working set is larger than"
                + " their memory; `shield.fallback: error`. The working set: %d sources x widths"
                + " %s x formats %s = %d derivatives, each asked for once first; then an open-model"
                + " load of %.0f requests/s drawn uniformly from it runs for %d s, the shield is"
                + " %s and started again on the same configuration, and the load goes on for %d s"
                + " after it is ready.%n%n",
            s.nodeMemoryMib(),
            s.sources(),
            s.imageWidth(),
            s.sources(),
            s.widths(),
            s.formats(),
            s.paths().size(),
            s.rate(),
            s.before().toSeconds(),
            s.graceful() ? "stopped (SIGTERM)" : "killed (SIGKILL)",
            s.after().toSeconds()));
    m.append("## Verdicts\n\n");
    PassResult d = disk();
    m.append(
        verdict(
            boundMet(),
            "1. With the disk tier, origin fetches after the restart <= 1 % of the requests",
            String.format(
                Locale.ROOT,
                "%d origin requests for %d requests answered 200 after the kill: **%s**",
                d.originAfterKill(),
                d.okAfterKill(),
                pct(d.fetchShare()))));
    m.append(
        verdict(
            allOkAfterReady(),
            "2. (this scenario's check) once the new shield is ready, every request answers 200",
            statuses(d.after()) + " for " + d.after().size() + " requests"));
    if (passes.size() > 1) {
      PassResult mem = passes.get(1);
      m.append(
          String.format(
              Locale.ROOT,
              "- For comparison, memory only: %d origin requests after the restart (%s of the"
                  + " requests), %d of the %d sources fetched again (%s of the working set).%n",
              mem.originAfterKill(),
              pct(mem.fetchShare()),
              mem.sourcesFetchedAfterKill(),
              mem.sources(),
              pct(mem.sourcesFetchedAfterKill() / (double) mem.sources())));
    }
    m.append("\n## Figures\n\n");
    table(m);
    m.append("\n## How it is measured\n\n");
    m.append(
        """
        - Requests are counted by when they started: before the kill, while the shield was down \
        or starting (kill to `/health/ready`), and after it was ready. "After the kill" is the \
        last two together.
        - Origin requests are the origin simulator's own counts: bodies sent (200) and \
        revalidations (304), between snapshots taken at the kill, at the new shield's readiness \
        and at the end. The share divides every origin request after the kill by the requests \
        answered 200 after it (503s while the shield is down are not in the denominator).
        - Before the kill the scenario waits until the shield has no disk write waiting \
        (`imgedge_disk_pending` 0): a SIGKILL loses the objects being written, and these are \
        not what is measured here (DiskCrashTest covers them).
        - The shield's figures are its `/metrics` after the restart: disk look-ups by tier \
        (`imgedge_disk_gets_total`), `imgedge_disk_index_load_seconds`, \
        `imgedge_origin_fetches_total`, `imgedge_transform_seconds_count`.
        - Latency is the client's, from sending to the whole answer, for requests started after \
        the new shield was ready.
        """);
    return m.toString();
  }

  private void table(StringBuilder m) {
    List<String> header = new ArrayList<>(List.of("figure"));
    passes.forEach(p -> header.add(p.name()));
    m.append("| ").append(String.join(" | ", header)).append(" |\n");
    m.append("|---").append("|---:".repeat(passes.size())).append("|\n");
    row(m, "warm-up answers (every derivative once)", p -> statuses(p.warmUp()));
    row(
        m,
        "objects on the shield's disk before the kill (source / shield)",
        p ->
            p.disk()
                ? fmt(p.before("disk.objects.source"))
                    + " / "
                    + fmt(p.before("disk.objects.shield"))
                : "-");
    row(m, "requests before the kill", p -> statuses(p.before()));
    row(m, "origin requests before the kill", p -> String.valueOf(p.originBefore()));
    row(m, "kill to ready (s)", p -> String.format(Locale.ROOT, "%.1f", p.restartSeconds()));
    row(m, "requests while the shield was down or starting", p -> statuses(p.down()));
    row(m, "origin requests while down or starting", p -> String.valueOf(p.originDown()));
    row(m, "requests after it was ready", p -> statuses(p.after()));
    row(m, "origin requests after it was ready", p -> String.valueOf(p.originAfter()));
    row(
        m,
        "**origin requests after the kill / requests answered 200 after it**",
        p ->
            String.format(
                Locale.ROOT,
                "**%d / %d = %s**",
                p.originAfterKill(),
                p.okAfterKill(),
                pct(p.fetchShare())));
    row(
        m,
        "sources fetched again after the kill / sources",
        p ->
            String.format(
                Locale.ROOT,
                "%d / %d (%s)",
                p.sourcesFetchedAfterKill(),
                p.sources(),
                pct(p.sourcesFetchedAfterKill() / (double) p.sources())));
    row(
        m,
        "new shield: disk hits (source / shield)",
        p ->
            p.disk()
                ? fmt(p.after("disk.gets.source.hit"))
                    + " / "
                    + fmt(p.after("disk.gets.shield.hit"))
                : "-");
    row(
        m,
        "new shield: disk index rebuilt in (s)",
        p ->
            p.disk()
                ? String.format(Locale.ROOT, "%.2f", p.after("disk.index.load.seconds"))
                : "-");
    row(
        m,
        "new shield: origin fetches, renders",
        p -> fmt(p.after("origin.fetches")) + ", " + fmt(p.after("transforms")));
    row(
        m,
        "latency after ready p50 / p99 (ms)",
        p ->
            String.format(
                Locale.ROOT,
                "%.1f / %.1f",
                PassResult.quantile(p.after(), 0.5),
                PassResult.quantile(p.after(), 0.99)));
  }

  private void row(StringBuilder m, String figure, Function<PassResult, String> value) {
    m.append("| ").append(figure);
    passes.forEach(p -> m.append(" | ").append(value.apply(p)));
    m.append(" |\n");
  }

  private static String verdict(boolean ok, String criterion, String detail) {
    return "- **" + (ok ? "PASS" : "FAIL") + "** " + criterion + ": " + detail + "\n";
  }

  /** One line per pass for the console. */
  String console() {
    StringBuilder c = new StringBuilder();
    for (PassResult p : passes) {
      c.append(
          String.format(
              Locale.ROOT,
              "%-12s origin requests after the restart %d / requests answered 200 %d = %s;"
                  + " sources fetched again %d of %d; kill to ready %.1f s; after ready %s%n",
              p.name(),
              p.originAfterKill(),
              p.okAfterKill(),
              pct(p.fetchShare()),
              p.sourcesFetchedAfterKill(),
              p.sources(),
              p.restartSeconds(),
              statuses(p.after())));
    }
    c.append(passed() ? "PASS" : "FAIL")
        .append(": origin fetches after the restart <= 1 % of requests with the disk tier\n");
    return c.toString();
  }

  /** The raw lines: the run, then per pass its windows and the shield's figures. */
  List<String> rawLines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "RUN command=%s date=%s machine=%s loadBefore=%s loadAfter=%s minutes=%.2f",
            settings.command(),
            LocalDate.now(),
            Machine.describe(),
            loadBefore,
            loadAfter,
            minutes));
    lines.add("VERDICT 1 " + (boundMet() ? "PASS" : "FAIL"));
    lines.add("VERDICT 2 " + (allOkAfterReady() ? "PASS" : "FAIL"));
    for (PassResult p : passes) {
      String pass = p.name().replace(' ', '_');
      lines.add(
          String.format(
              Locale.ROOT,
              "PASS pass=%s derivatives=%d sources=%d killToReadySeconds=%.2f originBefore=%d"
                  + " originDown=%d originAfter=%d okAfterKill=%d share=%.5f sourcesFetchedAfterKill=%d",
              pass,
              p.derivatives(),
              p.sources(),
              p.restartSeconds(),
              p.originBefore(),
              p.originDown(),
              p.originAfter(),
              p.okAfterKill(),
              p.fetchShare(),
              p.sourcesFetchedAfterKill()));
      lines.add("WINDOW pass=" + pass + " window=before statuses=" + statuses(p.before()));
      lines.add("WINDOW pass=" + pass + " window=down statuses=" + statuses(p.down()));
      lines.add("WINDOW pass=" + pass + " window=after statuses=" + statuses(p.after()));
      lines.add(
          "SHIELD pass=" + pass + " before=" + p.shieldBefore() + " after=" + p.shieldAfter());
    }
    return lines;
  }

  private static String statuses(List<OpenLoad.Outcome> outcomes) {
    return statuses(PassResult.statuses(outcomes));
  }

  private static String statuses(java.util.Map<Integer, Long> byStatus) {
    if (byStatus.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    byStatus.forEach(
        (status, n) ->
            b.append(b.isEmpty() ? "" : ", ")
                .append(status == 0 ? "no answer" : status)
                .append(" x")
                .append(n));
    return b.toString();
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * share);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
