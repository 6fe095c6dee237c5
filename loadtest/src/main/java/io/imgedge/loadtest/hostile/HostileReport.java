package io.imgedge.loadtest.hostile;

import io.imgedge.loadtest.report.Machine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The hostile scenario's report: the four acceptance criteria (and the scenario's own check
 * that sharp's task was answered), computed from this run's figures, and the tables of every phase.
 */
final class HostileReport {
  /** The bound on a default node's peak RSS. */
  static final double MAX_RSS_MIB = 768;

  /** The bound on the ordinary miss after a burst. */
  static final double MISS_MILLIS = 3_000;

  /** The bound on the node's CPU seconds after the burst. */
  static final double CPU_SECONDS = 1.0;

  enum Status {
    PASS,
    FAIL,
    NOT_MEASURED
  }

  /**
   * One criterion.
   *
   * @param id its number in the report
   * @param criterion what it asks
   * @param status whether this run met it
   * @param detail the figures it was decided on
   */
  record Check(String id, String criterion, Status status, String detail) {
    String verdict() {
      return status == Status.NOT_MEASURED ? "NOT MEASURED" : status.name();
    }
  }

  private final HostileScenario.Settings settings;
  private final PassResult first;
  private final @Nullable PassResult second;
  private final String loadBefore;
  private final String loadAfter;
  private final double minutes;
  private final List<Check> checks;

  HostileReport(
      HostileScenario.Settings settings,
      PassResult first,
      @Nullable PassResult second,
      String loadBefore,
      String loadAfter,
      double minutes) {
    this.settings = settings;
    this.first = first;
    this.second = second;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.minutes = minutes;
    this.checks = List.of(burstCheck(), bombCheck(), memoryCheck(), attackCheck(), sharpCheck());
  }

  boolean allPassed() {
    return checks.stream().allMatch(c -> c.status() == Status.PASS);
  }

  List<Check> checks() {
    return checks;
  }

  // --- the criteria ---

  private Check burstCheck() {
    String criterion =
        String.format(
            Locale.ROOT,
            "Burst of %d abandoned expensive requests (clients leave at %s s):"
                + " an ordinary miss %s s later answers 200 within %.0f s, and the node burns <= %.0f CPU-second over the"
                + " following %s s",
            settings.burst(),
            HostileScenario.seconds(settings.leave()),
            HostileScenario.seconds(settings.missAfter()),
            MISS_MILLIS / 1000,
            CPU_SECONDS,
            HostileScenario.seconds(settings.cpuWindow()));
    boolean ok = true;
    List<String> parts = new ArrayList<>();
    for (AbandonedBurst.Result r : first.bursts()) {
      boolean missOk = r.miss().status() == 200 && r.miss().millis() <= MISS_MILLIS;
      boolean cpuOk = r.cpuWindow() <= CPU_SECONDS;
      ok &= missOk && cpuOk;
      parts.add(
          String.format(
              Locale.ROOT,
              "%s: %s; ordinary miss %s in %.0f ms%s; %.2f CPU-s over %.1f s%s",
              r.variant().name(),
              burstOutcome(r),
              r.miss().statusText(),
              r.miss().millis(),
              missOk ? "" : " (**over**)",
              r.cpuWindow(),
              r.windowSeconds(),
              cpuOk ? "" : " (**over**)"));
    }
    return new Check(
        "1",
        criterion,
        first.bursts().isEmpty() ? Status.NOT_MEASURED : ok ? Status.PASS : Status.FAIL,
        String.join(". ", parts));
  }

  private static String burstOutcome(AbandonedBurst.Result r) {
    long refused = r.refused();
    String limits =
        r.answered().stream()
            .map(Reply::limit)
            .filter(l -> !l.isEmpty())
            .distinct()
            .collect(Collectors.joining(", "));
    String outcome =
        String.format(
            Locale.ROOT,
            "%d of %d answered before the clients left (%s%s), %d left without an answer",
            r.answered().size(),
            r.sent(),
            counts(r.answeredByStatus()),
            limits.isEmpty() ? "" : ": " + limits,
            r.abandoned());
    if (refused == r.sent() && r.sent() > 0) {
      return outcome + " (all refused at once: no abandoned work to stop)";
    }
    return outcome
        + String.format(
            Locale.ROOT,
            "; renders completed %d, stopped or refused %d, never started %d",
            r.rendersCompleted(),
            r.rendersEnded(),
            r.rendersNeverStarted());
  }

  private Check bombCheck() {
    String criterion =
        "The animated/canvas bombs: 4xx within 2 s. The 16-bit 12000x12000 PNG: 200 or 4xx within 5 s";
    if (first.bombs().isEmpty()) {
      return new Check("2", criterion, Status.NOT_MEASURED, "no bomb was asked");
    }
    List<String> parts = new ArrayList<>();
    for (String image : Bombs.IMAGES) {
      List<Bombs.Row> rows = first.bombs().stream().filter(b -> b.image().equals(image)).toList();
      Map<String, Long> statuses = new TreeMap<>();
      rows.forEach(b -> statuses.merge(b.reply().statusText(), 1L, Long::sum));
      double slowest = rows.stream().mapToDouble(b -> b.reply().millis()).max().orElse(Double.NaN);
      long failed = rows.stream().filter(b -> !b.meets()).count();
      parts.add(
          String.format(
              Locale.ROOT,
              "%s: %s, slowest %.0f ms (%s)%s",
              image,
              counts(statuses),
              slowest,
              rows.isEmpty() ? "" : rows.getFirst().expected(),
              failed == 0 ? "" : ", **" + failed + " not met**"));
    }
    boolean ok = first.bombs().stream().allMatch(Bombs.Row::meets);
    return new Check("2", criterion, ok ? Status.PASS : Status.FAIL, String.join("; ", parts));
  }

  private Check memoryCheck() {
    String criterion =
        String.format(
            Locale.ROOT,
            "Default node, whole hostile run plus %s s of sharp's task %d at a"
                + " time: peak RSS (VmHWM) <= %.0f MiB, no OutOfMemoryError, no 4xx caused by memory",
            HostileScenario.seconds(settings.sharpDuration()),
            settings.sharpInFlight(),
            MAX_RSS_MIB);
    if (first.sharp() == null) {
      return new Check("3", criterion, Status.NOT_MEASURED, "sharp's task did not run");
    }
    boolean rssOk = first.vmHwmMib() > 0 && first.vmHwmMib() <= MAX_RSS_MIB;
    List<Reply> ordinary4xx =
        first.ordinaryReplies().stream()
            .filter(r -> r.status() >= 400 && r.status() < 500)
            .toList();
    long sharp4xx =
        first.sharp().statuses().entrySet().stream()
            .filter(e -> e.getKey().startsWith("4"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    List<Reply> wrong =
        first.attackReplies().stream()
            .filter(r -> r.kind() == Reply.Kind.WRONG_422 || r.kind() == Reply.Kind.UNCLEAR_4XX)
            .toList();
    long memoryRefusals = first.attackReplies().stream().filter(Reply::memory4xx).count();
    boolean ok =
        rssOk
            && first.outOfMemory().isEmpty()
            && ordinary4xx.isEmpty()
            && sharp4xx == 0
            && wrong.isEmpty()
            && !first.diedEarly();
    String detail =
        String.format(
            Locale.ROOT,
            "VmHWM %.0f MiB%s (largest VmRSS sample %.0f MiB, %s); OutOfMemoryError"
                + " in the node's log: %d line(s); 4xx on ordinary requests: %d (misses after the bursts) + %d (sharp's task);"
                + " attack 4xx that are not a limit the request exceeds (wrong or unclear): %d, of %d attack answers that"
                + " refuse for memory%s",
            first.vmHwmMib(),
            rssOk ? "" : " (**over**)",
            first.maxRssSampled(),
            phaseOfMax(first),
            first.outOfMemory().size(),
            ordinary4xx.size(),
            sharp4xx,
            wrong.size(),
            memoryRefusals,
            first.diedEarly() ? "; **the node's process exited during the run**" : "");
    return new Check("3", criterion, ok ? Status.PASS : Status.FAIL, detail);
  }

  private static String phaseOfMax(PassResult p) {
    double max = p.maxRssSampled();
    return p.maxRssByPhase().entrySet().stream()
        .filter(e -> e.getValue() == max)
        .findFirst() // the first phase to reach it
        .map(e -> "in phase " + e.getKey())
        .orElse("no samples");
  }

  private Check attackCheck() {
    String criterion =
        "With the memory setting at "
            + (settings.secondMemory() == null ? "1GiB" : settings.secondMemory())
            + ", the attack cases give 200 or a clear 4xx/503, never 500 or wrong 422";
    PassResult p = second;
    if (p == null) {
      return new Check(
          "4",
          criterion,
          Status.NOT_MEASURED,
          "the second node did not run (--second-memory none)");
    }
    List<Reply> seen = new ArrayList<>(p.attackReplies());
    seen.addAll(p.ordinaryReplies());
    Map<Reply.Kind, Long> kinds = new EnumMap<>(Reply.Kind.class);
    seen.forEach(r -> kinds.merge(r.kind(), 1L, Long::sum));
    List<Reply> bad = seen.stream().filter(r -> !r.kind().allowedForAttack()).toList();
    long node5xx =
        p.nodeStatuses().entrySet().stream()
            .filter(e -> e.getKey().startsWith("5") && !e.getKey().equals("503"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long left = p.bursts().stream().mapToLong(AbandonedBurst.Result::abandoned).sum();
    boolean ok = bad.isEmpty() && node5xx == 0 && !p.diedEarly() && !seen.isEmpty();
    String detail =
        String.format(
            Locale.ROOT,
            "%d answers seen by the clients (burst answers before leaving, bombs,"
                + " ordinary misses) by kind %s; %d burst clients left before an answer; the node's own count over the pass %s"
                + " (5xx other than 503: %d); OutOfMemoryError in its log: %d; VmHWM %.0f MiB%s%s",
            seen.size(),
            kinds,
            left,
            counts(p.nodeStatuses()),
            node5xx,
            p.outOfMemory().size(),
            p.vmHwmMib(),
            bad.isEmpty()
                ? ""
                : "; **not allowed: "
                    + bad.stream()
                        .map(r -> r.statusText() + " " + r.url() + " " + r.shortMessage(120))
                        .collect(Collectors.joining("; "))
                    + "**",
            p.diedEarly() ? "; **the node's process exited during the run**" : "");
    return new Check("4", criterion, ok ? Status.PASS : Status.FAIL, detail);
  }

  private Check sharpCheck() {
    String criterion =
        "(this scenario's check, not in the issue) sharp's task is answered 200 throughout, no 4xx/5xx";
    SharpTask.Result s = first.sharp();
    if (s == null) {
      return new Check("5", criterion, Status.NOT_MEASURED, "sharp's task did not run");
    }
    boolean ok = s.requests() > 0 && s.ok() == s.requests();
    return new Check(
        "5",
        criterion,
        ok ? Status.PASS : Status.FAIL,
        String.format(
            Locale.ROOT,
            "%d requests (%s), %.1f req/s%s",
            s.requests(),
            counts(s.statuses()),
            s.perSecond(),
            s.errors().isEmpty() ? "" : "; first errors: " + String.join("; ", s.errors())));
  }

  // --- the text ---

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Hostile clients (issue 13), measured from outside\n\n");
    b.append("`")
        .append(settings.command())
        .append("`, ")
        .append(LocalDate.now())
        .append(", ")
        .append(Machine.describe())
        .append("; load average before ")
        .append(loadBefore)
        .append(", after ")
        .append(loadAfter)
        .append(String.format(Locale.ROOT, "; %.1f minutes in all.%n%n", minutes));
    b.append(
            "A node started as `imgedge run --origin DIR` (its own process, with the JVM options its `node.memory`")
        .append(
            " implies, as the launcher starts it) is attacked through loopback HTTP: bursts of expensive requests")
        .append(
            " whose clients leave without reading, the hostile images of issue 13, and sharp's task two at a time.")
        .append(" Figures are this run's; the criteria are the issue's.\n\n");
    b.append("## Verdicts\n\n");
    for (Check c : checks) {
      b.append("- **")
          .append(c.verdict())
          .append("** ")
          .append(c.id())
          .append(". ")
          .append(c.criterion())
          .append(": ")
          .append(c.detail())
          .append('\n');
    }
    b.append('\n');
    pass(b, "Pass 1: " + first.name(), first);
    if (second != null) {
      pass(b, "Pass 2: " + second.name(), second);
    } else {
      b.append("## Pass 2\n\nNot run (`--second-memory none`).\n\n");
    }
    how(b);
    return b.toString();
  }

  private void pass(StringBuilder b, String title, PassResult p) {
    b.append("## ").append(title).append("\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "JVM: `%s`; the node's plan: %s. %.0f s from start to stop.%n%n",
            String.join(" ", p.jvmOptions()),
            p.plan(),
            p.seconds()));
    b.append("### Phase A: abandoned bursts\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "%d requests at once, each from its own raw socket that sends the GET and reads"
                + " nothing; at %s s each client looks at what has already arrived (without waiting) and closes its socket;"
                + " %s s after that, one ordinary miss from a patient client; then the node's CPU time over %s s from that"
                + " answer.%n%n",
            settings.burst(),
            HostileScenario.seconds(settings.leave()),
            HostileScenario.seconds(settings.missAfter()),
            HostileScenario.seconds(settings.cpuWindow())));
    b.append(
        "| variant | requests | answered before the clients left | left without an answer | renders: completed /"
            + " stopped or refused / never started | node CPU-s, burst to leave | node at the leave | node 1 s after"
            + " | node CPU-s, leave to miss | ordinary miss | status | ms | X-Cache | node CPU-s over the next window |\n");
    b.append("|---|---|---|---:|---|---:|---|---|---:|---|---:|---:|---|---:|\n");
    for (AbandonedBurst.Result r : p.bursts()) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %s | %d | %d / %d / %d | %.2f | %s | %s | %.2f (%.1f s) | `%s`"
                  + " | %s | %.0f | %s | **%.2f** (%.1f s) |%n",
              r.variant().name(),
              r.variant().pattern(r.sent()),
              counts(r.answeredByStatus()),
              r.abandoned(),
              r.rendersCompleted(),
              r.rendersEnded(),
              r.rendersNeverStarted(),
              r.cpuBurst(),
              r.atLeave().gauges(),
              r.afterLeave().gauges(),
              r.cpuLeaveToMiss(),
              r.leaveToMissSeconds(),
              r.miss().url(),
              r.miss().statusText(),
              r.miss().millis(),
              r.miss().xCache(),
              r.cpuWindow(),
              r.windowSeconds()));
    }
    b.append('\n');
    for (AbandonedBurst.Result r : p.bursts()) {
      String messages =
          r.answered().stream()
              .map(a -> a.shortMessage(200))
              .distinct()
              .limit(3)
              .collect(Collectors.joining("; "));
      b.append(
          String.format(
              Locale.ROOT,
              "- %s: the node's own count over the burst (its ordinary miss included):"
                  + " answers %s, transforms by result %s%s%s.%n",
              r.variant().name(),
              counts(r.counts().statuses()),
              counts(r.counts().transforms()),
              messages.isEmpty() ? "" : "; what the clients had received: " + messages,
              r.openFailures().isEmpty()
                  ? ""
                  : "; " + r.openFailures().size() + " clients could not connect"));
    }
    b.append('\n');
    b.append("### Phase B: bombs\n\n");
    b.append(
        "| image | request | status | ms | allowed | met | message |\n|---|---|---:|---:|---|---|---|\n");
    for (Bombs.Row row : p.bombs()) {
      Reply r = row.reply();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %s | %.0f | %s | %s | %s |%n",
              row.image(),
              r.url().substring(r.url().indexOf('?')),
              r.statusText(),
              r.millis(),
              row.expected(),
              row.meets() ? "yes" : "**no**",
              r.status() == 200
                  ? r.contentType() + ", " + r.bytes() + " bytes"
                  : r.shortMessage(220)));
    }
    b.append('\n');
    b.append("### Phase C: sharp's task\n\n");
    SharpTask.Result s = p.sharp();
    if (s == null) {
      b.append("Not run on this node.\n\n");
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "`/p/sharp-<n>.jpg?%s` (the corpus photo under a new name for every request:"
                  + " every request a miss), %d in flight for %s s.%n%n",
              SharpTask.QUERY,
              s.inFlight(),
              HostileScenario.seconds(settings.sharpDuration())));
      b.append(
          "| requests | statuses | X-Cache of the 200s | seconds | req/s | p50 / p90 / p99 ms | node CPU ms/request |\n");
      b.append("|---:|---|---|---:|---:|---|---:|\n");
      b.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | %.1f | **%.1f** | %.0f / %.0f / %.0f | %.1f |%n%n",
              s.requests(),
              counts(s.statuses()),
              counts(s.xCache()),
              s.seconds(),
              s.perSecond(),
              s.percentile(50),
              s.percentile(90),
              s.percentile(99),
              s.cpuMsPerRequest()));
      if (!s.errors().isEmpty()) {
        b.append("First answers other than 200: ")
            .append(String.join("; ", s.errors()))
            .append("\n\n");
      }
    }
    b.append("### Memory\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "Peak RSS (VmHWM at the end): **%.0f MiB**. VmRSS sampled every %d ms (%d samples),"
                + " the largest sample of each phase (a phase shorter than that may have none):%n%n",
            p.vmHwmMib(),
            RssSampler.PERIOD_MILLIS,
            p.rssSamples()));
    b.append("| phase | largest VmRSS MiB |\n|---|---:|\n");
    p.maxRssByPhase()
        .forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.0f |%n", k, v)));
    b.append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "OutOfMemoryError in the node's log: %d line(s)%s. InsufficientMemoryException"
                + " (a render answered 503): %d line(s).%s%n%n",
            p.outOfMemory().size(),
            p.outOfMemory().isEmpty()
                ? ""
                : " (first: `" + p.outOfMemory().getFirst().strip() + "`)",
            p.insufficientMemory().size(),
            p.diedEarly() ? " **The node's process exited during the run.**" : ""));
    b.append("### Responses by status\n\n");
    b.append("| seen by | counts |\n|---|---|\n");
    b.append("| the clients | ").append(counts(p.clientStatuses())).append(" |\n");
    b.append("| the node (`imgedge_requests_seconds_count{route=\"image\"}`) | ")
        .append(counts(p.nodeStatuses()))
        .append(" |\n");
    b.append("| the node's transforms by result | ")
        .append(counts(p.nodeTransforms()))
        .append(" |\n\n");
  }

  private void how(StringBuilder b) {
    b.append("## How it is measured\n\n");
    b.append(
            "- The node: `java <the launcher's JVM flags> $(imgedge run --origin DIR [--memory M] --print-jvm-options)")
        .append(
            " -jar imgedge.jar run --origin DIR [--memory M]` on loopback ports, as `./imgedge run` does; the")
        .append(" origin folder holds the three hostile images (`")
        .append(HostileScenario.IMAGES)
        .append("`), the")
        .append(" corpus photo as `photo.jpg` and a 32x32 `tiny.png`.\n");
    b.append(
            "- Phase A: the variants are the issue's request (8192x8192 upscaled, blur and sharpen, a different blur per")
        .append(
            " request so that each is its own derivative) and the same at a size the node admits, so that renders")
        .append(
            " stopped when their client hangs up are what is measured. The leave, the ordinary miss and the end of")
        .append(
            " the CPU window are a scheduler's tasks at fixed times from the burst. \"6 s later\" is read as 6 s after")
        .append(
            " the clients leave (`--miss-after`); the CPU window starts when the ordinary miss has been answered.")
        .append(
            " The ordinary misses are `/photo.jpg?width=333` after the first burst and `width=334` after the second.\n");
    b.append(
            "- CPU: utime + stime of the node's process from `/proc/<pid>/stat`, clock ticks to seconds. Memory: `VmRSS`")
        .append(" and `VmHWM` from `/proc/<pid>/status`.\n");
    b.append(
            "- A 4xx is \"clear\" when it carries the node's message ID; a limit's 4xx counts as right when its own")
        .append(
            " figures (the estimate, the limit) say the request is over the limit. A wrong 422 is a \"corrupt\"")
        .append(
            " (IMGEDGE-0203) for these valid images, or a limit whose figures fit. \"4xx caused by memory\": any")
        .append(
            " 4xx on an ordinary request (the misses, sharp's task), or a wrong 422 on an attack.\n");
    b.append(
            "- The node's own counts come from its `/metrics` before and after each burst and each pass. A request")
        .append(
            " whose client hung up is counted there under the status the exchange ended with. The renders of a")
        .append(
            " burst: completed = `imgedge_transform_seconds_count{result=\"ok\"}` over the burst less the ordinary")
        .append(
            " miss; stopped or refused = `result=\"error\"` (a render stopped because its client left, or refused")
        .append(
            " by a limit before decoding); never started = the rest (dropped from the queue, never counted).\n");
  }

  private static String counts(Map<String, Long> m) {
    if (m.isEmpty()) {
      return "none";
    }
    return m.entrySet().stream()
        .map(e -> e.getKey() + " x" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  String console() {
    StringBuilder b = new StringBuilder();
    table(b, first);
    if (second != null) {
      table(b, second);
    }
    for (Check c : checks) {
      b.append(c.verdict())
          .append(' ')
          .append(c.id())
          .append(". ")
          .append(c.criterion())
          .append("\n    ")
          .append(c.detail().replace("**", ""))
          .append('\n');
    }
    b.append(String.format(Locale.ROOT, "%.1f minutes%n", minutes));
    return b.toString();
  }

  private static void table(StringBuilder b, PassResult p) {
    b.append(p.name()).append(" (").append(String.join(" ", p.jvmOptions())).append(")\n");
    b.append(
        String.format(
            Locale.ROOT,
            "  %-26s %-22s %6s %10s %8s%n",
            "burst",
            "answered before leave",
            "left",
            "miss",
            "CPU-s"));
    for (AbandonedBurst.Result r : p.bursts()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-26s %-22s %6d %4s %4.0fms %8.2f%n",
              r.variant().name(),
              counts(r.answeredByStatus()),
              r.abandoned(),
              r.miss().statusText(),
              r.miss().millis(),
              r.cpuWindow()));
    }
    for (Bombs.Row row : p.bombs()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-58s %4s %6.0f ms  %s%n",
              row.reply().url(),
              row.reply().statusText(),
              row.reply().millis(),
              row.reply().limit()));
    }
    if (p.sharp() != null) {
      SharpTask.Result s = p.sharp();
      b.append(
          String.format(
              Locale.ROOT,
              "  sharp's task %d at a time: %d requests %s, %.1f req/s, p50/p99 %.0f/%.0f ms%n",
              s.inFlight(),
              s.requests(),
              counts(s.statuses()),
              s.perSecond(),
              s.percentile(50),
              s.percentile(99)));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "  VmHWM %.0f MiB; OutOfMemoryError lines %d; node's answers %s%n",
            p.vmHwmMib(),
            p.outOfMemory().size(),
            counts(p.nodeStatuses())));
  }

  List<String> rawLines() {
    List<String> out = new ArrayList<>();
    out.add(
        "RUN command="
            + settings.command()
            + " date="
            + LocalDate.now()
            + " machine="
            + Machine.describe()
            + " loadBefore="
            + loadBefore
            + " loadAfter="
            + loadAfter
            + String.format(Locale.ROOT, " minutes=%.2f", minutes));
    for (Check c : checks) {
      out.add(
          "VERDICT "
              + c.id()
              + " "
              + c.verdict().replace(' ', '_')
              + " "
              + c.criterion()
              + " :: "
              + c.detail().replace("**", ""));
    }
    return out;
  }
}
