package io.imgedge.loadtest.bench;

import io.imgedge.loadtest.origin.PhotoOrigin;
import io.imgedge.loadtest.peers.ImgedgePeer;
import io.imgedge.loadtest.peers.IpxPeer;
import io.imgedge.loadtest.peers.Peer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./imgedge loadtest avif-side-by-side}: sharp's task (the corpus photo to width x height,
 * cover crop) as AVIF, JPEG and JPEG XL from one imgedge node, and as AVIF from ipx, in one run. A
 * loopback {@link PhotoOrigin} serves the photo under a new name for every request, so every
 * request is a miss for both servers (fetch, decode, resize, encode). Each contender is asked one
 * request at a time for a fixed time per round, after a warm-up, in rounds where the servers
 * alternate; one answer of each is decoded with an independent decoder and compared with a
 * Lanczos-3 reference by SSIM. The report gives the table and the acceptance criteria,
 * computed from this run's figures. A response is judged by its bytes: a WebP answered for {@code
 * format=avif} is reported as WebP and fails the AVIF criteria.
 */
public final class AvifSideBySide {
  private final Settings settings;
  private final Path jar;
  private final Path ipxFolder;
  private final Map<String, FormatRow> rows = new LinkedHashMap<>();
  private final Map<String, Peer> peers = new ConcurrentHashMap<>();
  private final Map<String, String> peerNotes = new LinkedHashMap<>();
  private final List<String> missChecks = new ArrayList<>();
  private final List<String> raw = new ArrayList<>();

  /**
   * What to run.
   *
   * @param input the photo
   * @param width output width
   * @param height output height
   * @param rounds measured rounds per contender
   * @param seconds seconds per contender and round
   * @param warmUp seconds of warm-up per contender, not counted
   * @param contenders the contenders' names (see {@link #contenders()})
   * @param out where report.md and raw.txt go
   * @param work where the servers' logs, the sample outputs and their decodes go
   * @param command the command line, for the report
   * @param inFlight requests in flight at a time per contender (1: one at a time)
   */
  public record Settings(
      Path input,
      int width,
      int height,
      int rounds,
      double seconds,
      double warmUp,
      List<String> contenders,
      Path out,
      Path work,
      String command,
      int inFlight) {
    /** How requests are sent, for the report: "one request at a time" or "2 requests in flight". */
    public String pace() {
      return inFlight == 1 ? "one request at a time" : inFlight + " requests in flight";
    }
  }

  /**
   * @param settings what to run
   * @param jar the imgedge fat jar
   * @param ipxFolder {@code loadtest/peers/ipx}
   */
  public AvifSideBySide(Settings settings, Path jar, Path ipxFolder) {
    this.settings = settings;
    this.jar = jar;
    this.ipxFolder = ipxFolder;
  }

  /** The names of every contender the scenario knows. */
  public static List<String> contenders() {
    return List.copyOf(FormatContender.all(720, 588).keySet());
  }

  /** The contenders a default run measures. */
  public static List<String> defaultContenders() {
    return FormatContender.DEFAULT;
  }

  /**
   * Runs everything and writes the report; returns 0 when every acceptance criterion passed, 1 when
   * one failed or could not be measured.
   */
  public int run() throws Exception {
    Settings s = settings;
    Map<String, FormatContender> known = FormatContender.all(s.width(), s.height());
    for (String name : s.contenders()) {
      FormatContender c = known.get(name);
      if (c == null) {
        throw new IllegalArgumentException(
            "unknown contender " + name + " (" + String.join(", ", known.keySet()) + ")");
      }
      rows.put(name, new FormatRow(c));
    }
    byte[] photo = Files.readAllBytes(s.input());
    Files.createDirectories(s.out());
    Files.createDirectories(s.work());
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "imgedge loadtest avif-side-by-side: %s -> %dx%d cover, %d %s x %s s per contender"
            + " after %s s warm-up, %s; load average %s%n",
        s.input().getFileName(),
        s.width(),
        s.height(),
        s.rounds(),
        s.rounds() == 1 ? "round" : "rounds",
        seconds(s.seconds()),
        seconds(s.warmUp()),
        s.pace(),
        loadBefore);
    Thread stop = new Thread(() -> peers.values().forEach(Peer::close), "imgedge-avif-peers-stop");
    Runtime.getRuntime().addShutdownHook(stop); // Ctrl-C stops the servers too
    long[] transforms0 = new long[2];
    try (PhotoOrigin origin = PhotoOrigin.start(photo);
        SerialMisses client = new SerialMisses(new AtomicLong())) {
      startPeers(origin);
      OptionalLong t = transforms(FormatContender.IMGEDGE);
      transforms0[0] = t.orElse(-1);
      transforms0[1] = transforms(FormatContender.IPX).orElse(-1);
      sample(client, origin);
      if (s.warmUp() > 0) {
        System.out.println("  warm-up: " + seconds(s.warmUp()) + " s per contender ...");
        for (FormatRow row : order(0)) {
          count(row, client.run(url(row, origin), s.warmUp(), pid(row), s.inFlight()));
        }
      }
      for (int round = 0; round < s.rounds(); round++) {
        for (FormatRow row : order(round)) {
          SerialMisses.Loop loop =
              client.run(url(row, origin), s.seconds(), pid(row), s.inFlight());
          row.rounds.add(loop);
          count(row, loop);
          System.out.printf(
              Locale.ROOT,
              "  round %d %-14s %7.2f req/s  %s%s%n",
              round + 1,
              row.name(),
              loop.perSecond(),
              loop.received(),
              loop.errors() > 0 ? "  errors " + loop.errors() : "");
          raw.add(
              String.format(
                  Locale.ROOT,
                  "ROUND contender=%s round=%d requests=%d errors=%d seconds=%.3f rps=%.3f cpuMsPerReq=%.2f received=%s xcache=%s",
                  row.name(),
                  round + 1,
                  loop.requests(),
                  loop.errors(),
                  loop.seconds(),
                  loop.perSecond(),
                  loop.cpuMsPerRequest(),
                  compact(loop.received()),
                  compact(loop.cache())));
        }
      }
      missCheck(origin, transforms0);
    } finally {
      peers.values().forEach(Peer::close);
      peers.clear();
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException e) {
        // shutting down already
      }
    }
    String loadAfter = loadAverage();
    IndependentDecoders decoders = new IndependentDecoders(s.work());
    quality(decoders);
    double minutes = (System.nanoTime() - started) / 60e9;
    AvifReport report =
        new AvifReport(
            s,
            List.copyOf(rows.values()),
            peerNotes,
            missChecks,
            decoders.describe(),
            loadBefore,
            loadAfter,
            minutes);
    raw.addAll(report.rawLines());
    Files.writeString(s.out().resolve("report.md"), report.markdown());
    Files.write(s.out().resolve("raw.txt"), raw);
    System.out.println();
    System.out.print(report.console());
    System.out.println(
        "report: "
            + s.out().resolve("report.md")
            + " (raw lines: raw.txt; outputs and logs: "
            + s.work()
            + ")");
    return report.allPassed() ? 0 : 1;
  }

  private void startPeers(PhotoOrigin origin) {
    List<String> servers =
        rows.values().stream().map(r -> r.contender.server()).distinct().toList();
    for (String server : servers) {
      try {
        Peer peer =
            server.equals(FormatContender.IMGEDGE)
                ? ImgedgePeer.start(jar, origin.url(), settings.work())
                : IpxPeer.start(ipxFolder, settings.work());
        peers.put(server, peer);
        peerNotes.put(
            server,
            peer.note()
                + (server.equals(FormatContender.IPX)
                    ? "; " + sharpVersions(ipxFolder)
                    : "; build "
                        + gitCommit(jar)
                        + codecLines(settings.work().resolve("imgedge.log"))));
        System.out.println("  " + server + " on " + peer.url());
      } catch (Exception e) {
        String reason = server + " did not start: " + e.getMessage();
        System.out.println("  skipping " + server + "'s contenders: " + reason);
        rows.values().stream()
            .filter(r -> r.contender.server().equals(server))
            .forEach(r -> r.skipped = reason);
      }
    }
  }

  /** The first request of each contender: the answer whose bytes and SSIM the table gives. */
  private void sample(SerialMisses client, PhotoOrigin origin) throws InterruptedException {
    for (FormatRow row : rows.values()) {
      if (row.skipped != null) {
        continue;
      }
      row.requests++;
      try {
        SerialMisses.Answer a = client.once(url(row, origin));
        row.received.merge(
            a.status() == 200 ? a.received() : "status " + a.status(), 1L, Long::sum);
        if (a.status() != 200) {
          String body = new String(a.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
          row.skipped =
              "answered "
                  + a.status()
                  + " to "
                  + a.url()
                  + ": "
                  + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
          System.out.println("  " + row.name() + " " + row.skipped);
          continue;
        }
        row.ok++;
        row.sample = a;
        row.sniffed = Signature.of(a.body());
        System.out.printf(
            Locale.ROOT,
            "  %-14s %s, %d bytes%s%n",
            row.name(),
            a.received(),
            a.body().length,
            a.warning().isEmpty() ? "" : ", Imgedge-IO-Warning: " + a.warning());
      } catch (IOException e) {
        row.skipped = "request failed: " + e;
        System.out.println("  " + row.name() + " " + row.skipped);
      }
    }
  }

  /**
   * This round's order: the servers alternate (imgedge, ipx, imgedge, ...), so that load from
   * elsewhere on the machine weighs on both alike; every other round runs in reverse.
   */
  private List<FormatRow> order(int round) {
    List<FormatRow> imgedge = new ArrayList<>();
    List<FormatRow> ipx = new ArrayList<>();
    for (FormatRow r : rows.values()) {
      if (r.measured()) {
        (r.contender.server().equals(FormatContender.IMGEDGE) ? imgedge : ipx).add(r);
      }
    }
    List<FormatRow> order = new ArrayList<>();
    for (int i = 0; i < Math.max(imgedge.size(), ipx.size()); i++) {
      if (i < imgedge.size()) {
        order.add(imgedge.get(i));
      }
      if (i < ipx.size()) {
        order.add(ipx.get(i));
      }
    }
    if (round % 2 == 1) {
      java.util.Collections.reverse(order);
    }
    return order;
  }

  private static void count(FormatRow row, SerialMisses.Loop loop) {
    row.requests += loop.requests() + loop.errors();
    row.ok += loop.requests();
    loop.received().forEach((k, v) -> row.received.merge(k, v, Long::sum));
  }

  private LongFunction<URI> url(FormatRow row, PhotoOrigin origin) {
    Peer peer = peers.get(row.contender.server());
    if (peer == null) {
      throw new IllegalStateException(row.contender.server() + " is not running");
    }
    URI base = peer.url();
    URI from = origin.url();
    return n -> row.contender.url(base, from, n);
  }

  private OptionalLong pid(FormatRow row) {
    Peer peer = peers.get(row.contender.server());
    return peer == null ? OptionalLong.empty() : peer.pid();
  }

  private OptionalLong transforms(String server) {
    Peer peer = peers.get(server);
    if (peer == null) {
      return OptionalLong.empty();
    }
    try {
      return peer.transforms();
    } catch (Exception e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Whether every request was a miss: for each server, requests against the origin's GETs per name
   * (each name fetched once, never twice) and the server's own transform count.
   */
  private void missCheck(PhotoOrigin origin, long[] transforms0) {
    for (String server : List.of(FormatContender.IMGEDGE, FormatContender.IPX)) {
      if (!peers.containsKey(server)) {
        continue;
      }
      long requests =
          rows.values().stream()
              .filter(r -> r.contender.server().equals(server))
              .mapToLong(r -> r.requests)
              .sum();
      long ok =
          rows.values().stream()
              .filter(r -> r.contender.server().equals(server))
              .mapToLong(r -> r.ok)
              .sum();
      long misses =
          rows.values().stream()
              .filter(r -> r.contender.server().equals(server))
              .mapToLong(
                  r -> r.rounds.stream().mapToLong(l -> l.cache().getOrDefault("MISS", 0L)).sum())
              .sum();
      long measured =
          rows.values().stream()
              .filter(r -> r.contender.server().equals(server))
              .mapToLong(r -> r.rounds.stream().mapToLong(SerialMisses.Loop::requests).sum())
              .sum();
      PhotoOrigin.Fetches f = origin.fetches(server);
      OptionalLong after = transforms(server);
      long before = transforms0[server.equals(FormatContender.IMGEDGE) ? 0 : 1];
      String transforms =
          after.isPresent() && before >= 0 ? String.valueOf(after.getAsLong() - before) : "unknown";
      boolean everyMiss =
          f.names() == requests
              && f.maxGetsPerName() <= 1
              && f.gets() == requests
              && (transforms.equals("unknown") || Long.parseLong(transforms) == ok);
      String line =
          String.format(
              Locale.ROOT,
              "%s: %d requests (%d answered 200), each for a new name; the origin saw %d GETs of %d distinct names (at most %d"
                  + " per name) and %d HEADs; %s transforms (%s)%s: %s",
              server,
              requests,
              ok,
              f.gets(),
              f.names(),
              f.maxGetsPerName(),
              f.heads(),
              transforms,
              server.equals(FormatContender.IMGEDGE)
                  ? "imgedge_transform_seconds_count at /metrics"
                  : "server.mjs /__stats",
              server.equals(FormatContender.IMGEDGE)
                  ? String.format(
                      Locale.ROOT,
                      "; X-Cache MISS on %d of the %d measured answers",
                      misses,
                      measured)
                  : "",
              everyMiss ? "every request was a miss" : "NOT every request was a miss");
      missChecks.add(line);
      raw.add("MISSES " + line);
    }
  }

  private void quality(IndependentDecoders decoders) throws IOException, InterruptedException {
    System.out.println("  SSIM: Lanczos-3 reference from the full decode ...");
    BufferedImage full = ImageIO.read(settings.input().toFile());
    BufferedImage cover = ReferenceResize.cover(full, settings.width(), settings.height());
    BufferedImage stretch = ReferenceResize.lanczos3(full, settings.width(), settings.height());
    ImageIO.write(cover, "png", settings.work().resolve("reference-cover.png").toFile());
    for (FormatRow row : rows.values()) {
      if (!row.measured()) {
        continue;
      }
      SerialMisses.Answer a = java.util.Objects.requireNonNull(row.sample);
      try {
        IndependentDecoders.Decoded d = decoders.decode(a.body(), row.sniffed, row.name());
        row.decoder = d.decoder();
        row.width = d.image().getWidth();
        row.height = d.image().getHeight();
        if (row.width == settings.width() && row.height == settings.height()) {
          row.ssim = Ssim.mean(cover, d.image());
          row.ssimStretch = Ssim.mean(stretch, d.image());
        }
      } catch (IOException e) {
        row.decoder = "not decoded: " + e.getMessage();
      }
    }
  }

  /**
   * The commit the jar's checkout is at (the jar is {@code edge/target/imgedge.jar} in it), with
   * {@code -dirty} for local changes.
   */
  @SuppressWarnings("NullAway") // the jar is edge/target/imgedge.jar: its path has three parents
  private static String gitCommit(Path jar) {
    Path root = jar.toAbsolutePath().getParent().getParent().getParent();
    try {
      Process p =
          new ProcessBuilder(
                  "git", "-C", root.toString(), "describe", "--always", "--dirty", "--abbrev=10")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return p.exitValue() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /**
   * The node's start-up lines that name its codecs, e.g. {@code JPEG codec: libjpeg-turbo 2.1.5
   * (FFM)}.
   */
  private static String codecLines(Path log) {
    try (var lines = Files.lines(log)) {
      String codecs =
          lines
              .filter(l -> l.contains("codec") || l.contains("AVIF") || l.contains("JPEG XL"))
              .map(l -> l.replaceFirst("^.*?(INFO|WARN)\\s+\\S+:\\s*", "").strip())
              .distinct()
              .reduce((a, b) -> a + "; " + b)
              .orElse("");
      return codecs.isEmpty() ? "" : "; its log: " + codecs;
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }

  private static String sharpVersions(Path ipxFolder) {
    try {
      Process p =
          new ProcessBuilder(
                  "node",
                  "-p",
                  "const v = require('sharp').versions; `sharp ${v.sharp}, libvips ${v.vips}, aom ${v.aom}, libheif ${v.heif}, mozjpeg ${v.mozjpeg}`")
              .directory(ipxFolder.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return p.exitValue() == 0 ? out : "sharp versions unknown";
    } catch (IOException e) {
      return "sharp versions unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "sharp versions unknown";
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** {@code 10} for 10.0, {@code 0.5} for 0.5. */
  static String seconds(double s) {
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }

  static String compact(Map<String, Long> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach(
        (k, v) ->
            b.append(b.isEmpty() ? "" : ",").append(k.replace(' ', '_')).append(':').append(v));
    return b.isEmpty() ? "-" : b.toString();
  }

  /** For the report: the row named {@code name}, if it ran. */
  static @Nullable FormatRow find(List<FormatRow> rows, String name) {
    return rows.stream()
        .filter(r -> r.name().equals(name) && r.measured())
        .findFirst()
        .orElse(null);
  }
}
