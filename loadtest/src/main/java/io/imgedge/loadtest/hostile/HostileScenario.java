package io.imgedge.loadtest.hostile;

import io.imgedge.loadtest.peers.LaunchedNode;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./imgedge loadtest hostile}: issue 13's acceptance ("Clients are jerks, round 2") measured
 * as a hostile client would, against a node started as {@code imgedge run --origin DIR} in its own
 * process, with the JVM options its memory implies. Per node:
 *
 * <ol>
 *   <li>Phase A, abandoned bursts: expensive requests from clients that leave without reading
 *       ({@link AbandonedBurst}), in two variants: the 8192x8192 (which a default node may
 *       refuse at once from its memory estimate) and an output size the node admits, so that the
 *       renders stopped when their client hangs up are what is measured; after each, an ordinary
 *       miss and the node's CPU time.
 *   <li>Phase B, the hostile images ({@link Bombs}).
 *   <li>Phase C, sharp's task two at a time, every request a miss ({@link SharpTask}).
 * </ol>
 *
 * Throughout, the node's VmRSS is sampled every 200 ms ({@link RssSampler}); VmHWM is read at the
 * end and the node's log is searched for OutOfMemoryError. A second node with {@code --memory 1GiB}
 * runs phases A and B again. The report ({@link HostileReport}) gives the tables and a PASS/FAIL
 * line per criterion of the issue.
 */
public final class HostileScenario {
  /** Where the hostile images are in the checkout. */
  public static final String IMAGES = "edge/src/test/resources/hostile";

  /**
   * What to run.
   *
   * @param photo the corpus photo (sharp's task, and the ordinary misses)
   * @param images the folder of the hostile images
   * @param burst requests per burst
   * @param leave when the burst's clients leave, from the burst
   * @param missAfter when the ordinary miss is asked, from the clients' leaving
   * @param cpuWindow the window of the node's CPU time after the ordinary miss's answer
   * @param expensiveSize the variant's output side (8192)
   * @param admittedSize the admitted variant's output side
   * @param sharpDuration phase C's length
   * @param sharpInFlight phase C's requests in flight
   * @param memory the first node's {@code --memory}, null for the node's default
   * @param secondMemory the second node's {@code --memory}, null for no second node
   * @param out where report.md and raw.txt go
   * @param work where the origin folders and the nodes' logs go
   * @param command the command line, for the report
   */
  public record Settings(
      Path photo,
      Path images,
      int burst,
      Duration leave,
      Duration missAfter,
      Duration cpuWindow,
      int expensiveSize,
      int admittedSize,
      Duration sharpDuration,
      int sharpInFlight,
      @Nullable String memory,
      @Nullable String secondMemory,
      Path out,
      Path work,
      String command) {

    List<AbandonedBurst.Variant> variants() {
      return List.of(
          new AbandonedBurst.Variant(
              expensiveSize + "x" + expensiveSize + " (the issue's)",
              "/tiny.png?width="
                  + expensiveSize
                  + "&height="
                  + expensiveSize
                  + "&enable=upscale&blur=%d&sharpen=a10,r1000",
              900),
          new AbandonedBurst.Variant(
              admittedSize + "x" + admittedSize + " (admitted)",
              "/tiny.png?width="
                  + admittedSize
                  + "&height="
                  + admittedSize
                  + "&enable=upscale&blur=%d&sharpen=a10,r200",
              900));
    }
  }

  private final Settings settings;
  private final Path jar;
  private final List<String> raw = new ArrayList<>();

  public HostileScenario(Settings settings, Path jar) {
    this.settings = settings;
    this.jar = jar;
  }

  /** Runs both nodes and writes the report; 0 when every criterion passed, 1 otherwise. */
  public int run() throws Exception {
    Settings s = settings;
    Files.createDirectories(s.out());
    Files.createDirectories(s.work());
    String loadBefore = ProcStats.loadAverage();
    long started = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "imgedge loadtest hostile: bursts of %d abandoned requests (clients leave at %s s,"
            + " ordinary miss %s s later, CPU over %s s), the hostile images, %s s of sharp's task %d at a time;"
            + " load average %s%n",
        s.burst(),
        seconds(s.leave()),
        seconds(s.missAfter()),
        seconds(s.cpuWindow()),
        seconds(s.sharpDuration()),
        s.sharpInFlight(),
        loadBefore);
    ScheduledExecutorService scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "imgedge-hostile-scheduler");
              t.setDaemon(true);
              return t;
            });
    PassResult first;
    PassResult second = null;
    try {
      first =
          pass(
              s.memory() == null ? "default node" : "node.memory " + s.memory(),
              s.memory(),
              true,
              s.work().resolve("pass-1"),
              scheduler);
      if (s.secondMemory() != null) {
        second =
            pass(
                "node.memory " + s.secondMemory(),
                s.secondMemory(),
                false,
                s.work().resolve("pass-2"),
                scheduler);
      }
    } finally {
      scheduler.shutdownNow();
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    HostileReport report =
        new HostileReport(s, first, second, loadBefore, ProcStats.loadAverage(), minutes);
    List<String> lines = new ArrayList<>(report.rawLines());
    lines.addAll(raw);
    Files.writeString(s.out().resolve("report.md"), report.markdown());
    Files.write(s.out().resolve("raw.txt"), lines);
    System.out.println();
    System.out.print(report.console());
    System.out.println(
        "report: "
            + s.out().resolve("report.md")
            + " (raw lines: raw.txt; nodes' logs: "
            + s.work()
            + ")");
    return report.allPassed() ? 0 : 1;
  }

  private PassResult pass(
      String name,
      @Nullable String memory,
      boolean withSharp,
      Path dir,
      ScheduledExecutorService scheduler)
      throws Exception {
    Settings s = settings;
    Path origin = origin(dir.resolve("origin"));
    long t0 = System.nanoTime();
    System.out.println("== " + name + " ==");
    List<AbandonedBurst.Result> bursts = new ArrayList<>();
    List<Bombs.Row> bombs;
    SharpTask.Result sharp = null;
    double vmHwm;
    java.util.Map<String, Double> rssByPhase;
    long samples;
    NodeMetrics counts;
    boolean died;
    List<String> options;
    String label = name.replace(' ', '_');
    LaunchedNode node = LaunchedNode.start(jar, origin, dir, memory, "imgedge");
    RssSampler rss = new RssSampler(node.pid());
    try (Client client = new Client(node.url())) {
      options = node.memoryOptions();
      System.out.println(
          "  node " + node.url() + " (pid " + node.pid() + ", " + String.join(" ", options) + ")");
      NodeMetrics start = NodeMetrics.parse(Client.metrics(client.http(), node.adminUrl()));
      AbandonedBurst burst =
          new AbandonedBurst(node.url(), node.adminUrl(), node.pid(), client, scheduler);
      int i = 0;
      for (AbandonedBurst.Variant v : s.variants()) {
        rss.phase("A " + v.name());
        String miss = "/photo.jpg?width=" + (333 + i++);
        AbandonedBurst.Result r =
            burst.run(v, s.burst(), s.leave(), s.missAfter(), miss, s.cpuWindow());
        bursts.add(r);
        System.out.printf(
            Locale.ROOT,
            "  A %-24s sent %d, answered before leaving %s, left without answer %d;"
                + " renders completed %d, stopped or refused %d, never started %d; miss %s %s in %.0f ms;"
                + " CPU %.2f s over %.1f s%n",
            v.name(),
            r.sent(),
            r.answered().isEmpty() ? "none" : r.answeredByStatus(),
            r.abandoned(),
            r.rendersCompleted(),
            r.rendersEnded(),
            r.rendersNeverStarted(),
            miss,
            r.miss().statusText(),
            r.miss().millis(),
            r.cpuWindow(),
            r.windowSeconds());
        raw(label, r);
      }
      rss.phase("B bombs");
      bombs = Bombs.run(client);
      for (Bombs.Row b : bombs) {
        System.out.printf(
            Locale.ROOT,
            "  B %-58s %s in %.0f ms %s%n",
            b.reply().url(),
            b.reply().statusText(),
            b.reply().millis(),
            b.reply().shortMessage(90));
        raw.add(
            String.format(
                Locale.ROOT,
                "BOMB pass=%s url=%s status=%s ms=%.1f kind=%s message=%s",
                label,
                b.reply().url(),
                b.reply().statusText(),
                b.reply().millis(),
                b.reply().kind(),
                b.reply().shortMessage(400)));
      }
      if (withSharp) {
        rss.phase("C sharp's task");
        sharp =
            SharpTask.run(
                client, s.photo(), origin, s.sharpDuration(), s.sharpInFlight(), node.pid());
        System.out.printf(
            Locale.ROOT,
            "  C sharp's task %d at a time: %d requests %s in %.1f s, %.1f req/s%n",
            sharp.inFlight(),
            sharp.requests(),
            sharp.statuses(),
            sharp.seconds(),
            sharp.perSecond());
        raw.add(
            String.format(
                Locale.ROOT,
                "SHARP pass=%s inFlight=%d requests=%d statuses=%s xcache=%s seconds=%.3f"
                    + " rps=%.2f p50=%.1f p90=%.1f p99=%.1f cpuSeconds=%.2f errors=%s",
                label,
                sharp.inFlight(),
                sharp.requests(),
                sharp.statuses(),
                sharp.xCache(),
                sharp.seconds(),
                sharp.perSecond(),
                sharp.percentile(50),
                sharp.percentile(90),
                sharp.percentile(99),
                sharp.cpuSeconds(),
                sharp.errors()));
      }
      rss.phase("end");
      counts = NodeMetrics.parse(Client.metrics(client.http(), node.adminUrl())).since(start);
      died = !node.isAlive();
      vmHwm = ProcStats.vmHwmKib(node.pid()) / 1024.0;
      rss.close(); // the samples end here
      rssByPhase = rss.maxMibByPhase();
      samples = rss.samples();
      rss.perSecond().forEach(l -> raw.add(l.replace("RSS ", "RSS pass=" + label + " ")));
    } finally {
      rss.close();
      node.close();
    }
    String plan =
        node.logLines("memory: node.memory").stream()
            .findFirst()
            .map(l -> l.replaceFirst("^.*?memory: ", ""))
            .orElse("(the node logged no memory plan)");
    List<String> oom = node.logLines("OutOfMemoryError");
    List<String> insufficient = node.logLines("InsufficientMemory");
    deleteNames(origin.resolve("p"));
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.println("  the node's plan: " + plan);
    System.out.printf(
        Locale.ROOT,
        "  memory: VmHWM %.0f MiB; largest VmRSS sample by phase %s; OutOfMemoryError in the log:"
            + " %d line(s); node's answers by status %s%n",
        vmHwm,
        rounded(rssByPhase),
        oom.size(),
        counts.statuses());
    raw.add(
        String.format(
            Locale.ROOT,
            "PASS pass=%s memory=%s jvm=%s plan=%s vmHwmMiB=%.1f rssSamples=%d oom=%d"
                + " insufficientMemory=%d nodeStatuses=%s nodeTransforms=%s died=%s seconds=%.1f",
            label,
            memory == null ? "default" : memory,
            String.join(" ", options),
            plan,
            vmHwm,
            samples,
            oom.size(),
            insufficient.size(),
            counts.statuses(),
            counts.transforms(),
            died,
            seconds));
    return new PassResult(
        name,
        memory,
        options,
        plan,
        bursts,
        bombs,
        sharp,
        vmHwm,
        rssByPhase,
        samples,
        oom,
        insufficient,
        counts.statuses(),
        counts.transforms(),
        died,
        seconds);
  }

  private void raw(String label, AbandonedBurst.Result r) {
    raw.add(
        String.format(
            Locale.ROOT,
            "BURST pass=%s variant=%s url=%s sent=%d openFailures=%d answered=%s abandoned=%d"
                + " cpuBurst=%.2f atLeave=[%s] oneSecondAfter=[%s] cpuLeaveToMiss=%.2f leaveToMissSeconds=%.2f"
                + " missUrl=%s missStatus=%s missMs=%.1f missXCache=%s cpuWindow=%.3f windowSeconds=%.2f nodeStatuses=%s"
                + " nodeTransforms=%s rendersCompleted=%d rendersStoppedOrRefused=%d rendersNeverStarted=%d",
            label,
            r.variant().name().replace(' ', '_'),
            r.variant().pattern(r.sent()),
            r.sent(),
            r.openFailures().size(),
            r.answeredByStatus(),
            r.abandoned(),
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
            r.windowSeconds(),
            r.counts().statuses(),
            r.counts().transforms(),
            r.rendersCompleted(),
            r.rendersEnded(),
            r.rendersNeverStarted()));
    r.answered().stream()
        .map(a -> a.statusText() + " " + a.shortMessage(300))
        .distinct()
        .forEach(
            m ->
                raw.add(
                    "BURST_ANSWER pass="
                        + label
                        + " variant="
                        + r.variant().name().replace(' ', '_')
                        + " "
                        + m));
  }

  /**
   * The origin folder: the hostile images, the photo as {@code photo.jpg}, and a small {@code
   * tiny.png}.
   */
  private Path origin(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String image : Bombs.IMAGES) {
      Path from = settings.images().resolve(image);
      if (!Files.isRegularFile(from)) {
        throw new IOException(
            "the hostile image " + image + " is missing from " + settings.images());
      }
      Files.copy(from, folder.resolve(image), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.copy(settings.photo(), folder.resolve("photo.jpg"), StandardCopyOption.REPLACE_EXISTING);
    BufferedImage tiny = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = tiny.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0xd9480f), 32, 32, new Color(0x1864ab)));
    g.fillRect(0, 0, 32, 32);
    g.dispose();
    ImageIO.write(tiny, "png", folder.resolve("tiny.png").toFile());
    return folder;
  }

  /** Removes the photo's extra names (hard links) made for sharp's task. */
  private static void deleteNames(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // leave them; they are links to one file
    }
  }

  private static java.util.Map<String, Long> rounded(java.util.Map<String, Double> mib) {
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    mib.forEach((k, v) -> out.put(k, Math.round(v)));
    return out;
  }

  /** {@code 4} for 4 s, {@code 0.5} for 500 ms. */
  static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }
}
