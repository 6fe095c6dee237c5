package io.imgedge.loadtest;

import io.imgedge.loadtest.gatling.GatlingRunner;
import io.imgedge.loadtest.gatling.RequestLog;
import io.imgedge.loadtest.gatling.Workload;
import io.imgedge.loadtest.origin.OriginKnobs;
import io.imgedge.loadtest.origin.OriginSimulator;
import io.imgedge.loadtest.peers.ImgedgePeer;
import io.imgedge.loadtest.peers.IpxPeer;
import io.imgedge.loadtest.peers.NginxPeer;
import io.imgedge.loadtest.peers.Peer;
import io.imgedge.loadtest.peers.Wrk;
import io.imgedge.loadtest.report.GatlingStats;
import io.imgedge.loadtest.report.PeerResult;
import io.imgedge.loadtest.report.SideBySideReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest side-by-side}: the same workload against imgedge and, where installed,
 * ipx, nginx with image_filter, and nginx serving the same bytes as a static file. Each server
 * first gets the Zipf mix from a cold start (Gatling), then the hit path is measured with wrk on
 * one ~69 KB derivative, in interleaved rounds; the report (Markdown, PNG charts) takes medians.
 */
@Command(
    name = "side-by-side",
    mixinStandardHelpOptions = true,
    description =
        "Same workload against imgedge, ipx, nginx image_filter and nginx static; Markdown table and PNG charts.")
final class SideBySideCommand implements Callable<Integer> {
  @Option(
      names = "--rounds",
      defaultValue = "7",
      description = "Hit-path rounds per server (default 7).")
  int rounds;

  @Option(
      names = "--hit-seconds",
      defaultValue = "10",
      description = "Seconds of each hit-path round (default 10).")
  int hitSeconds;

  @Option(
      names = "--connections",
      defaultValue = "64",
      description = "Hit-path connections (default 64).")
  int connections;

  @Option(
      names = "--hit-bytes",
      defaultValue = "69000",
      description = "Target size of the hit-path derivative (default 69000).")
  long hitBytes;

  @Option(
      names = "--peers",
      split = ",",
      defaultValue = "imgedge,ipx,nginx-image_filter,nginx-static",
      description = "Servers to compare (default all four).")
  List<String> peers;

  @Mixin ScenarioOptions options;

  @Override
  public Integer call() throws Exception {
    Wrk wrk = Wrk.find();
    if (wrk == null) {
      System.err.println("side-by-side needs wrk for the hit path (Debian: apt-get install wrk)");
      return 2;
    }
    Path dir = Reports.folder(options.out, "side-by-side");
    OriginKnobs knobs =
        new OriginKnobs(
            options.sources + 1,
            options.sourceWidth,
            Duration.ofMillis(options.originLatencyMs),
            Duration.ZERO,
            0,
            true,
            3600,
            options.seed);
    System.out.println(
        "imgedge loadtest side-by-side: generating " + knobs.sources() + " images ...");
    Map<String, Peer> running = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> skipped = new ArrayList<>();
    Thread stopPeers =
        new Thread(() -> running.values().forEach(Peer::close), "imgedge-peers-stop");
    Runtime.getRuntime().addShutdownHook(stopPeers); // Ctrl-C stops the servers too
    try (OriginSimulator origin = OriginSimulator.start(knobs, 0)) {
      List<PeerResult> results = zipfRuns(origin, dir, running, skipped);
      HitPath hit = new HitPath(wrk, origin, options.sources, hitBytes, dir);
      results = hit.measure(results, running, rounds, hitSeconds, connections);
      SideBySideReport report =
          new SideBySideReport(results, skipped, options, rounds, hitSeconds, connections, dir);
      report.write();
      System.out.print(report.markdown());
      System.out.println("report: " + dir.resolve("report.md"));
      return 0;
    } finally {
      running.values().forEach(Peer::close);
      running.clear();
    }
  }

  private List<PeerResult> zipfRuns(
      OriginSimulator origin, Path dir, Map<String, Peer> running, List<String> skipped)
      throws Exception {
    List<PeerResult> results = new ArrayList<>();
    for (String name : peers) {
      Peer peer;
      try {
        peer = start(name, origin, dir);
      } catch (Exception e) {
        skipped.add(name + ": " + e.getMessage());
        System.out.println("  skipping " + name + ": " + e.getMessage());
        continue;
      }
      running.put(name, peer);
      results.add(
          name.equals("nginx-static")
              ? new PeerResult(
                  name, peer.note(), null, new int[2], 0, OptionalLong.empty(), "", 0, List.of())
              : zipf(peer, origin, dir));
    }
    return results;
  }

  private PeerResult zipf(Peer peer, OriginSimulator origin, Path dir) throws Exception {
    origin.reset();
    Workload w =
        new Workload(
            List.of(peer.url().toString()),
            peer.style(),
            origin.url().toString(),
            options.sources,
            options.widths,
            options.formats,
            options.zipfS,
            options.seed,
            options.rate,
            options.duration,
            0,
            0,
            dir.resolve(peer.name() + "-requests.tsv"),
            List.of(),
            "",
            0);
    System.out.println(
        "  "
            + peer.name()
            + ": Zipf mix, cold, "
            + options.rate
            + "/s for "
            + options.duration
            + " s ...");
    Path report =
        GatlingRunner.current()
            .run(
                w,
                dir.resolve("gatling-" + peer.name()),
                "side-by-side " + peer.name(),
                dir.resolve("gatling-" + peer.name() + ".log"));
    RequestLog.Summary asked = RequestLog.read(w.requestLog());
    long fetches = origin.stats().gets();
    OptionalLong transforms = peer.transforms();
    return new PeerResult(
        peer.name(),
        peer.note(),
        GatlingStats.read(report),
        new int[] {asked.sources(), asked.derivatives()},
        fetches,
        transforms.isPresent() ? transforms : OptionalLong.of(fetches),
        "",
        0,
        List.of());
  }

  private static Peer start(String name, OriginSimulator origin, Path dir) throws Exception {
    return switch (name) {
      case "imgedge" -> ImgedgePeer.start(Reports.jar(), origin.url(), dir);
      case "ipx" -> IpxPeer.start(Reports.root().resolve("loadtest/peers/ipx"), dir);
      case "nginx-image_filter" -> NginxPeer.start(NginxPeer.Mode.FILTER, dir, origin.url(), dir);
      case "nginx-static" ->
          NginxPeer.start(
              NginxPeer.Mode.STATIC,
              Files.createDirectories(dir.resolve("static")),
              origin.url(),
              dir);
      default ->
          throw new IllegalArgumentException(
              "unknown server " + name + " (imgedge, ipx, nginx-image_filter, nginx-static)");
    };
  }
}
