package io.imgedge.loadtest.restart;

import io.imgedge.config.MemoryPlan;
import io.imgedge.loadtest.metrics.PrometheusText;
import io.imgedge.loadtest.metrics.Sample;
import io.imgedge.loadtest.origin.OriginKnobs;
import io.imgedge.loadtest.origin.OriginSimulator;
import io.imgedge.loadtest.origin.OriginStats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./imgedge loadtest shield-restart}: one shield and one edge, each its own process, in
 * front of the origin simulator; the edge keeps no derivatives in memory ({@code
 * cache.edge-max-bytes: 0}), so every request reaches the shield (the case of edges restarted too,
 * or of a working set larger than their memory). Per pass: every derivative of the working set is
 * asked for once, an open-model load runs over it, the shield is killed (SIGKILL) and started again
 * on the same configuration, and the load goes on after it is ready. The origin simulator counts
 * what the restart cost. The first pass has the shield's disk tier; the second (for comparison)
 * memory only.
 */
public final class ShieldRestartScenario {
  private final RestartSettings settings;
  private final Path jar;

  public ShieldRestartScenario(RestartSettings settings, Path jar) {
    this.settings = settings;
    this.jar = jar;
  }

  /** Runs the passes and writes the report; 0 when the disk pass meets the bound. */
  public int run() throws Exception {
    RestartSettings s = settings;
    Files.createDirectories(s.out());
    Files.createDirectories(s.work());
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    OriginKnobs knobs =
        new OriginKnobs(
            s.sources(), s.imageWidth(), Duration.ofMillis(5), Duration.ZERO, 0, true, 3600, 42);
    System.out.printf(
        "imgedge loadtest shield-restart: %d sources (%d px) x %d widths x %d formats = %d"
            + " derivatives, %.0f requests/s, %d s before the kill and %d s after the new shield"
            + " is ready%n",
        s.sources(),
        s.imageWidth(),
        s.widths().size(),
        s.formats().size(),
        s.paths().size(),
        s.rate(),
        s.before().toSeconds(),
        s.after().toSeconds());
    List<PassResult> passes = new ArrayList<>();
    try (OriginSimulator origin = OriginSimulator.start(knobs, 0)) {
      passes.add(pass("disk tier", true, origin));
      if (s.memoryPass()) {
        passes.add(pass("memory only", false, origin));
      }
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    RestartReport report = new RestartReport(s, passes, loadBefore, loadAverage(), minutes);
    Files.writeString(s.out().resolve("report.md"), report.markdown());
    Files.write(s.out().resolve("raw.txt"), report.rawLines());
    System.out.println();
    System.out.print(report.console());
    System.out.println(
        "report: " + s.out().resolve("report.md") + " (nodes' logs: " + s.work() + ")");
    return report.passed() ? 0 : 1;
  }

  private PassResult pass(String name, boolean disk, OriginSimulator origin) throws Exception {
    RestartSettings s = settings;
    Path dir = Files.createDirectories(s.work().resolve(name.replace(' ', '-')));
    System.out.println("== " + name + " ==");
    origin.reset();
    List<Integer> ports = freePorts(7);
    int shieldInternal = ports.get(0);
    int shieldAdmin = ports.get(1);
    int edgePublic = ports.get(3);
    String originYaml =
        "origins: [{name: origin, type: http, url: '" + origin.url() + "', allow-private: true}]\n";
    String shieldYaml =
        """
        node: {role: shield, internal-bind: 127.0.0.1, internal-port: %d, admin-port: %d, memory: %dMiB}
        cluster: {name: restart-shields-%s, bind: 127.0.0.1, port: %d, members: [127.0.0.1:%d]}
        """
                .formatted(
                    shieldInternal,
                    shieldAdmin,
                    s.nodeMemoryMib(),
                    UUID.randomUUID(),
                    ports.get(2),
                    ports.get(2))
            + (disk
                ? "cache: {disk: {path: '%s', max-bytes: %s}}\n"
                    .formatted(dir.resolve("disk"), s.diskMaxBytes())
                : "")
            + originYaml;
    String edgeYaml =
        """
        node: {role: edge, public-bind: 127.0.0.1, public-port: %d, admin-port: %d, internal-bind: 127.0.0.1, internal-port: %d, memory: %dMiB}
        cluster: {name: restart-edges-%s, bind: 127.0.0.1, port: %d, members: [127.0.0.1:%d]}
        shield-pops: {local: ['http://127.0.0.1:%d']}
        shield: {fallback: error, timeout: 10s}
        cache: {edge-max-bytes: 0}
        """
                .formatted(
                    edgePublic,
                    ports.get(4),
                    ports.get(5),
                    s.nodeMemoryMib(),
                    UUID.randomUUID(),
                    ports.get(6),
                    ports.get(6),
                    shieldInternal)
            + originYaml;
    Path shieldConfig = Files.writeString(dir.resolve("shield.yaml"), shieldYaml);
    Path edgeConfig = Files.writeString(dir.resolve("edge.yaml"), edgeYaml);
    String jvm = MemoryPlan.of((long) s.nodeMemoryMib() << 20).jvmOptions();
    URI target = URI.create("http://127.0.0.1:" + edgePublic);
    List<String> paths = s.paths();
    long t0 = System.nanoTime();
    var startingEdge =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return RoleProcess.start(
                    jar, "edge", edgeConfig, ports.get(4), dir.resolve("edge.log"), jvm);
              } catch (IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    RoleProcess shield;
    try {
      shield =
          RoleProcess.start(
              jar, "shield", shieldConfig, shieldAdmin, dir.resolve("shield.log"), jvm);
    } catch (IOException | InterruptedException | RuntimeException e) {
      startingEdge.thenAccept(RoleProcess::kill);
      throw e;
    }
    RoleProcess restarted = null;
    try (RoleProcess edge = startingEdge.join()) {
      step("shield and edge ready", t0);
      t0 = System.nanoTime();
      Map<Integer, Long> warm = warmUp(target, paths);
      if (disk) {
        awaitWritten(shield);
      }
      step("warm-up (" + paths.size() + " derivatives)", t0);
      Map<String, Double> shieldBefore = shieldFigures(shield.metrics());
      OriginStats atStart = origin.stats();
      long loadStart = System.nanoTime();
      try (OpenLoad load = OpenLoad.start(target, paths, s.rate(), 7)) {
        Thread.sleep(s.before());
        OriginStats atKill = origin.stats();
        long kill = System.nanoTime();
        if (s.graceful()) {
          shield.terminate();
        } else {
          shield.kill();
        }
        restarted =
            RoleProcess.start(
                jar, "shield", shieldConfig, shieldAdmin, dir.resolve("shield-2.log"), jvm);
        long ready = System.nanoTime();
        OriginStats atReady = origin.stats();
        step("shield killed and ready again", kill);
        Thread.sleep(s.after());
        List<OpenLoad.Outcome> outcomes = load.stop();
        long end = System.nanoTime();
        OriginStats atEnd = origin.stats();
        Map<String, Double> shieldAfter = shieldFigures(restarted.metrics());
        step("load", loadStart);
        return new PassResult(
            name,
            disk,
            paths.size(),
            s.sources(),
            warm,
            shieldBefore,
            shieldAfter,
            outcomes,
            loadStart,
            kill,
            ready,
            end,
            fetches(atStart, atKill),
            fetches(atKill, atReady),
            fetches(atReady, atEnd),
            sourcesFetched(atKill, atEnd));
      }
    } finally {
      shield.kill(); // the figures are read: no need to drain
      if (restarted != null) {
        restarted.kill();
      }
    }
  }

  private static void step(String what, long since) {
    System.out.printf(
        java.util.Locale.ROOT, "  %s: %.1f s%n", what, (System.nanoTime() - since) / 1e9);
  }

  /** Asks for every derivative once, 4 at a time; returns the answers by status. */
  private static Map<Integer, Long> warmUp(URI target, List<String> paths)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    Map<Integer, Long> statuses = new TreeMap<>();
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < 4; w++) {
        workers.submit(
            () -> {
              for (int i; (i = next.getAndIncrement()) < paths.size(); ) {
                int status;
                try {
                  status =
                      client
                          .send(
                              HttpRequest.newBuilder(URI.create(target + paths.get(i)))
                                  .timeout(Duration.ofSeconds(60))
                                  .build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode();
                } catch (IOException e) {
                  status = 0;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                synchronized (statuses) {
                  statuses.merge(status, 1L, Long::sum);
                }
              }
            });
      }
    }
    return statuses;
  }

  /** Waits (up to a minute) until the shield has no disk write waiting. */
  private static void awaitWritten(RoleProcess shield) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      Double pending = shieldFigures(shield.metrics()).get("disk.pending");
      if (pending != null && pending == 0) {
        return;
      }
      Thread.sleep(100);
    }
  }

  /**
   * The shield's own figures: disk look-ups by tier and result, objects, index load time, writes
   * waiting, origin fetches and transforms.
   */
  static Map<String, Double> shieldFigures(String metrics) {
    Map<String, Double> f = new TreeMap<>();
    for (Sample sample : PrometheusText.parse(metrics)) {
      String tier = sample.labels().getOrDefault("tier", "");
      switch (sample.name()) {
        case "imgedge_disk_gets_total" ->
            f.merge(
                "disk.gets." + tier + "." + sample.labels().get("result"),
                sample.value(),
                Double::sum);
        case "imgedge_disk_objects" -> f.merge("disk.objects." + tier, sample.value(), Double::sum);
        case "imgedge_disk_pending" -> f.merge("disk.pending", sample.value(), Double::sum);
        case "imgedge_disk_index_load_seconds" ->
            f.merge("disk.index.load.seconds", sample.value(), Math::max);
        case "imgedge_origin_fetches_total" ->
            f.merge("origin.fetches", sample.value(), Double::sum);
        case "imgedge_transform_seconds_count" ->
            f.merge("transforms", sample.value(), Double::sum);
        default -> {}
      }
    }
    return f;
  }

  /** Origin requests between two snapshots: bodies sent (200) and revalidations (304). */
  private static long fetches(OriginStats from, OriginStats to) {
    return (to.gets() - from.gets()) + (to.notModified() - from.notModified());
  }

  /** How many sources the origin sent a body for between two snapshots. */
  private static int sourcesFetched(OriginStats from, OriginStats to) {
    int n = 0;
    for (var e : to.getsPerPath().entrySet()) {
      if (e.getValue() > from.getsPerPath().getOrDefault(e.getKey(), 0L)) {
        n++;
      }
    }
    return n;
  }

  private static List<Integer> freePorts(int n) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return held.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
