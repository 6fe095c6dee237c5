package io.imgedge.loadtest.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The AVIF side-by-side's report: the table, the acceptance criteria of the issue "Modern formats:
 * AVIF and JPEG XL" computed from this run's figures, the miss check, and how it was measured.
 */
final class AvifReport {
  static final String AVIF = "imgedge-avif";
  static final String JPEG = "imgedge-jpeg";
  static final String JXL = "imgedge-jxl";
  static final String IPX_Q60 = "ipx-avif-q60";

  enum Status {
    PASS,
    FAIL,
    NOT_MEASURED
  }

  /**
   * One acceptance criterion.
   *
   * @param criterion what it asks
   * @param status whether this run met it
   * @param detail the figures it was decided on, or why it could not be
   */
  record Check(String criterion, Status status, String detail) {
    String line() {
      return (status == Status.NOT_MEASURED ? "NOT MEASURED" : status.name())
          + " "
          + criterion
          + ": "
          + detail;
    }
  }

  private final AvifSideBySide.Settings settings;
  private final List<FormatRow> rows;
  private final Map<String, String> peerNotes;
  private final List<String> missChecks;
  private final String decoders;
  private final String loadBefore;
  private final String loadAfter;
  private final double minutes;
  private final List<Check> checks;

  AvifReport(
      AvifSideBySide.Settings settings,
      List<FormatRow> rows,
      Map<String, String> peerNotes,
      List<String> missChecks,
      String decoders,
      String loadBefore,
      String loadAfter,
      double minutes) {
    this.settings = settings;
    this.rows = rows;
    this.peerNotes = peerNotes;
    this.missChecks = missChecks;
    this.decoders = decoders;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.minutes = minutes;
    this.checks = checks();
  }

  /** Whether every criterion passed. */
  boolean allPassed() {
    return checks.stream().allMatch(c -> c.status() == Status.PASS);
  }

  List<Check> checksList() {
    return checks;
  }

  private List<Check> checks() {
    List<Check> out = new ArrayList<>();
    BiFunction<FormatRow, FormatRow, String> bytes =
        (s, b) ->
            String.format(
                Locale.ROOT,
                "%d against %d bytes: %.3fx",
                s.bytes(),
                b.bytes(),
                (double) s.bytes() / b.bytes());
    BiFunction<FormatRow, FormatRow, String> ssim =
        (s, b) ->
            String.format(
                Locale.ROOT, "SSIM %.5f against %.5f: %+.5f", s.ssim, b.ssim, s.ssim - b.ssim);
    out.add(
        check(
            "AVIF bytes <= 0.62x imgedge's default JPEG",
            AVIF,
            JPEG,
            false,
            (s, b) -> s.bytes() <= 0.62 * b.bytes(),
            bytes));
    out.add(
        check(
            "AVIF SSIM >= imgedge JPEG's - 0.01",
            AVIF,
            JPEG,
            true,
            (s, b) -> s.ssim >= b.ssim - 0.01,
            ssim));
    out.add(
        check(
            "AVIF bytes <= 1.05x ipx f_avif,q_60",
            AVIF,
            IPX_Q60,
            false,
            (s, b) -> s.bytes() <= 1.05 * b.bytes(),
            bytes));
    out.add(
        check(
            "AVIF SSIM >= ipx f_avif,q_60's - 0.002",
            AVIF,
            IPX_Q60,
            true,
            (s, b) -> s.ssim >= b.ssim - 0.002,
            ssim));
    String serial = "AVIF serial throughput >= 5x ipx f_avif,q_60 (median of per-round ratios)";
    if (settings.inFlight() != 1) {
      out.add(
          new Check(
              serial,
              Status.NOT_MEASURED,
              "this run sent " + settings.pace() + ", not one at a time"));
    } else {
      out.add(
          check(
              serial,
              AVIF,
              IPX_Q60,
              false,
              (s, b) -> s.pairedRatio(b) >= 5,
              (s, b) ->
                  String.format(
                      Locale.ROOT,
                      "%.2fx (per round %s; medians %.2f against %.2f req/s)",
                      s.pairedRatio(b),
                      perRoundRatios(s, b),
                      s.medianPerSecond(),
                      b.medianPerSecond())));
    }
    out.add(
        check(
            "JPEG XL bytes <= imgedge's default JPEG",
            JXL,
            JPEG,
            false,
            (s, b) -> s.bytes() <= b.bytes(),
            bytes));
    out.add(
        check("JPEG XL SSIM >= imgedge JPEG's", JXL, JPEG, true, (s, b) -> s.ssim >= b.ssim, ssim));
    return out;
  }

  /**
   * A criterion on {@code subject} against {@code base}. It is measured only when both ran, both
   * answered the format asked for (by their bytes and their Content-Type) and, for SSIM, both were
   * decoded at the right size. A subject in another format fails, with that format's figures for
   * information only.
   */
  private Check check(
      String criterion,
      String subject,
      String base,
      boolean needsSsim,
      BiPredicate<FormatRow, FormatRow> pass,
      BiFunction<FormatRow, FormatRow, String> detail) {
    FormatRow s = row(subject);
    FormatRow b = row(base);
    String missing = missing(subject, s, needsSsim);
    if (missing == null) {
      missing = missing(base, b, needsSsim);
    }
    if (missing != null) {
      return new Check(criterion, Status.NOT_MEASURED, missing);
    }
    if (s == null || b == null) {
      throw new AssertionError();
    }
    if (!b.isExpectedFormat()) {
      return new Check(
          criterion,
          Status.NOT_MEASURED,
          base
              + " answered "
              + received(b)
              + ", not "
              + b.contender.expected()
              + ", so it is no baseline");
    }
    if (!s.isExpectedFormat()) {
      return new Check(
          criterion,
          Status.FAIL,
          subject
              + " answered "
              + received(s)
              + ", not "
              + s.contender.expected()
              + " (for information, that answer: "
              + detail.apply(s, b)
              + ")");
    }
    return new Check(criterion, pass.test(s, b) ? Status.PASS : Status.FAIL, detail.apply(s, b));
  }

  private @Nullable String missing(String name, @Nullable FormatRow r, boolean needsSsim) {
    if (r == null) {
      return name + " was not run (not among --contenders)";
    }
    if (r.skipped != null) {
      return name + " was not run: " + r.skipped;
    }
    if (!r.measured()) {
      return name + " has no answer";
    }
    if (needsSsim && Double.isNaN(r.ssim)) {
      return name
          + "'s SSIM was not measured ("
          + (r.decoder.isEmpty() ? "" : r.decoder + ", ")
          + r.width
          + "x"
          + r.height
          + ")";
    }
    return null;
  }

  private @Nullable FormatRow row(String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }

  private static String received(FormatRow r) {
    SerialMisses.Answer a = r.sample;
    return a == null ? "nothing" : a.received();
  }

  private static String perRoundRatios(FormatRow s, FormatRow b) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(s.rounds.size(), b.rounds.size()); i++) {
      parts.add(
          String.format(
              Locale.ROOT, "%.2f", s.rounds.get(i).perSecond() / b.rounds.get(i).perSecond()));
    }
    return String.join(", ", parts);
  }

  /** The table in Markdown. */
  String table() {
    FormatRow ipx = row(IPX_Q60);
    FormatRow jpeg = row(JPEG);
    boolean ipxOk = ipx != null && ipx.measured() && !ipx.rounds.isEmpty();
    boolean jpegOk = jpeg != null && jpeg.measured();
    StringBuilder t = new StringBuilder();
    t.append(
        "| contender | asked | received | req/s per round | req/s (median) | x ipx-avif-q60 | server CPU ms/req"
            + " | bytes | x imgedge-jpeg bytes | SSIM | SSIM - imgedge-jpeg's |\n");
    t.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (FormatRow r : rows) {
      if (!r.measured()) {
        t.append("| ")
            .append(r.name())
            .append(" | ")
            .append(r.contender.expected())
            .append(" | not run | – | – | – | – | – | – | – | – |\n");
        continue;
      }
      String perRound =
          r.rounds.stream()
              .map(l -> String.format(Locale.ROOT, "%.2f", l.perSecond()))
              .collect(Collectors.joining(", "));
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s |%n",
              r.name(),
              r.contender.expected(),
              receivedCell(r),
              perRound.isEmpty() ? "–" : perRound,
              r.rounds.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", r.medianPerSecond()),
              ipxOk && !r.rounds.isEmpty()
                  ? String.format(Locale.ROOT, "%.2f", r.pairedRatio(ipx))
                  : "–",
              Double.isNaN(r.medianCpuMs())
                  ? "–"
                  : String.format(Locale.ROOT, "%.1f", r.medianCpuMs()),
              r.bytes(),
              jpegOk
                  ? String.format(
                      Locale.ROOT,
                      "%.3f",
                      (double) r.bytes() / Objects.requireNonNull(jpeg).bytes())
                  : "–",
              Double.isNaN(r.ssim)
                  ? "– (" + (r.decoder.isEmpty() ? "not decoded" : r.decoder) + ")"
                  : String.format(Locale.ROOT, "%.5f", r.ssim),
              jpegOk && !Double.isNaN(r.ssim) && !Double.isNaN(Objects.requireNonNull(jpeg).ssim)
                  ? String.format(Locale.ROOT, "%+.5f", r.ssim - jpeg.ssim)
                  : "–"));
    }
    return t.toString();
  }

  /**
   * Every Content-Type received (with the bytes' format where it differs); flags a format other
   * than the one asked for.
   */
  private static String receivedCell(FormatRow r) {
    String all = String.join(", ", r.received.keySet());
    return r.isExpectedFormat() && r.received.size() == 1
        ? all
        : all + " **(not " + r.contender.expected() + ")**";
  }

  /** What the console shows at the end. */
  String console() {
    StringBuilder b = new StringBuilder(table()).append('\n');
    checks.forEach(c -> b.append(c.line()).append('\n'));
    missChecks.forEach(m -> b.append(m).append('\n'));
    return b.toString();
  }

  /** The raw lines of the samples and the checks (the rounds' lines are written as they run). */
  List<String> rawLines() {
    List<String> lines = new ArrayList<>();
    for (FormatRow r : rows) {
      SerialMisses.Answer a = r.sample;
      if (a == null) {
        lines.add("SAMPLE contender=" + r.name() + " skipped=\"" + r.skipped + "\"");
        continue;
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "SAMPLE contender=%s url=%s status=%d contentType=%s sniffed=%s bytes=%d width=%d height=%d ssim=%.5f"
                  + " ssimStretch=%.5f decoder=\"%s\" warning=\"%s\" xcache=%s",
              r.name(),
              a.url(),
              a.status(),
              a.contentType(),
              r.sniffed,
              a.body().length,
              r.width,
              r.height,
              r.ssim,
              r.ssimStretch,
              r.decoder,
              a.warning(),
              a.cache().isEmpty() ? "-" : a.cache()));
    }
    checks.forEach(c -> lines.add("CHECK " + c.line()));
    return lines;
  }

  private static String relative(java.nio.file.Path from, java.nio.file.Path to) {
    try {
      return from.toAbsolutePath()
          .normalize()
          .relativize(to.toAbsolutePath().normalize())
          .toString();
    } catch (IllegalArgumentException e) {
      return to.toString();
    }
  }

  /** The whole report. */
  String markdown() {
    AvifSideBySide.Settings s = settings;
    StringBuilder m = new StringBuilder();
    m.append("# AVIF and JPEG XL side by side\n\n");
    m.append("`")
        .append(s.command())
        .append("`, ")
        .append(LocalDate.now())
        .append(", ")
        .append(io.imgedge.loadtest.report.Machine.describe())
        .append("; load average ")
        .append(loadBefore)
        .append(" before, ")
        .append(loadAfter)
        .append(" after; the run took ")
        .append(String.format(Locale.ROOT, "%.1f", minutes))
        .append(" min.\n\n");
    m.append(
        String.format(
            Locale.ROOT,
            "Task: `%s` to %dx%d, cover crop (imgedge `fit=crop`, ipx `fit_cover`), every request for a name never asked"
                + " for before, so every request is a miss for both servers (fetch from a loopback origin, decode, resize,"
                + " encode). %s, %d %s x %s s per contender after %s s of warm-up each; in each"
                + " round the servers alternate (imgedge, ipx, imgedge, ...), every other round in reverse order. req/s is the"
                + " median of the rounds; \"x ipx-avif-q60\" is the median of the per-round ratios.%n%n",
            s.input().getFileName(),
            s.width(),
            s.height(),
            Character.toUpperCase(s.pace().charAt(0)) + s.pace().substring(1),
            s.rounds(),
            s.rounds() == 1 ? "round" : "rounds",
            AvifSideBySide.seconds(s.seconds()),
            AvifSideBySide.seconds(s.warmUp())));
    m.append(table()).append('\n');
    m.append(
        "\"received\" is the Content-Type of every answer, with what the bytes are where they say otherwise;"
            + " a row whose answers are not the format asked for is flagged, and its bytes and SSIM are that format's."
            + " bytes and SSIM are those of the first answer of each row.\n\n");
    m.append("## Acceptance (issue \"Modern formats: AVIF and JPEG XL\")\n\n");
    for (Check c : checks) {
      m.append("- **")
          .append(c.status() == Status.NOT_MEASURED ? "NOT MEASURED" : c.status().name())
          .append("** ")
          .append(c.criterion())
          .append(": ")
          .append(c.detail())
          .append('\n');
    }
    m.append('\n')
        .append(
            allPassed()
                ? "All criteria passed in this run.\n\n"
                : "Not every criterion passed in this run; the command exits 1.\n\n");
    m.append("## Every request a miss\n\n");
    missChecks.forEach(l -> m.append("- ").append(l).append('\n'));
    m.append("\n## Requests\n\n");
    for (FormatRow r : rows) {
      m.append("- `")
          .append(r.name())
          .append("`: ")
          .append(r.contender.description())
          .append(": `GET ")
          .append(r.contender.pattern())
          .append("`");
      SerialMisses.Answer a = r.sample;
      if (r.skipped != null) {
        m.append("; not run: ").append(r.skipped);
      } else if (a != null) {
        m.append(
            String.format(
                Locale.ROOT,
                "; first answer %s, %d bytes, %dx%d",
                a.received(),
                a.body().length,
                r.width,
                r.height));
        if (!a.warning().isEmpty()) {
          m.append(", `Imgedge-IO-Warning: ").append(a.warning()).append('`');
        }
        m.append("; decoded by ").append(r.decoder);
      }
      m.append('\n');
    }
    m.append("\n## How it is measured\n\n");
    m.append(
        "- **Origin**: a loopback HTTP server in the harness' JVM (`PhotoOrigin`) answers `/p/<server>-<n>.jpg`"
            + " with the photo's bytes for any `n` (each name with its own ETag, no latency); the harness asks each"
            + " request for a new `n`, counted across the whole run.\n");
    m.append(
        "- **Client**: one JDK HttpClient per run, HTTP/1.1 keep-alive, `Accept: "
            + SerialMisses.ACCEPT
            + "`; the next request is sent when the previous answer has been read in full. Only 200 answers count.\n");
    m.append(
        "- **Server CPU ms/req**: the server process's user + system time (`/proc/<pid>/stat`, every thread)"
            + " over a round divided by its answers; median of the rounds.\n");
    m.append(
        "- **Reference**: the full ImageIO decode of the photo, resized by `ReferenceResize` (separable Lanczos-3"
            + " in double precision, rounded once) over the centred cover region, fractional edges included;"
            + " `raw.txt` also has each output's SSIM against the stretched 720x588 reference of the JPEG side by side"
            + " (`ssimStretch`).\n");
    m.append(
        "- **SSIM**: `Ssim.java` (Wang et al. 2004, BT.601 luma, 11x11 Gaussian window, sigma 1.5).\n");
    m.append(
            "- **Decoders**: AVIF with `avifdec --depth 8` and JPEG XL with `djxl --bits_per_sample=8`, to PNG in"
                + " separate processes (not imgedge's code), read back with ImageIO; JPEG with the JDK's ImageIO reader; WebP"
                + " with webp-imageio's reader (libwebp's decoder; imgedge encodes WebP with the same library). ")
        .append(decoders)
        .append(".\n");
    m.append("\n## Servers\n\n");
    peerNotes.forEach((k, v) -> m.append("- ").append(v).append('\n'));
    m.append(
            "\nRaw lines (every round, every sample, every check): `raw.txt` beside this report. Outputs, decodes,"
                + " the reference and the servers' logs: `")
        .append(relative(s.out(), s.work()))
        .append("` (relative to this report; not kept in git).\n");
    return m.toString();
  }
}
