package io.imgedge.loadtest;

import io.imgedge.loadtest.origin.OriginSimulator;
import io.imgedge.loadtest.peers.Peer;
import io.imgedge.loadtest.peers.Wrk;
import io.imgedge.loadtest.report.PeerResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hit-path part of the side-by-side run: finds the width at which imgedge's derivative of a
 * source outside the Zipf catalogue is closest to the target size, gives nginx-static the same
 * bytes as a file, and runs wrk on every server in interleaved rounds (imgedge and nginx-static
 * back to back, in alternating order, after the servers without a cache have drained).
 */
final class HitPath {
  private static final java.util.Set<String> PAIR = java.util.Set.of("imgedge", "nginx-static");
  private static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(15);
  private final Wrk wrk;
  private final OriginSimulator origin;
  private final int source;
  private final long targetBytes;
  private final Path dir;

  HitPath(Wrk wrk, OriginSimulator origin, int source, long targetBytes, Path dir) {
    this.wrk = wrk;
    this.origin = origin;
    this.source = source;
    this.targetBytes = targetBytes;
    this.dir = dir;
  }

  List<PeerResult> measure(
      List<PeerResult> results, Map<String, Peer> running, int rounds, int seconds, int connections)
      throws IOException, InterruptedException {
    Peer imgedge = running.get("imgedge");
    int width = imgedge == null ? 864 : probeWidth(imgedge);
    List<PeerResult> withUrls = new ArrayList<>();
    for (PeerResult r : results) {
      Peer peer =
          Objects.requireNonNull(running.get(r.name()), "every result is of a running peer");
      URI url = url(peer, width);
      if (r.name().equals("nginx-static")) {
        if (imgedge == null) {
          continue; // nothing to serve the same bytes of
        }
        Files.write(dir.resolve("static/hit.jpg"), get(url(imgedge, width)).body());
      }
      get(url);
      withUrls.add(
          new PeerResult(
              r.name(),
              r.note(),
              r.zipf(),
              r.asked(),
              r.originFetches(),
              r.transforms(),
              url.toString(),
              get(url).body().length,
              List.of()));
    }
    warmUp(withUrls, connections);
    return rounds(withUrls, rounds, seconds, connections);
  }

  /**
   * Each round runs every server once: first the servers without a cache (ipx, image_filter), then
   * a pause while their backlog of transforms drains (they go on working after wrk stops), then
   * imgedge and nginx-static back to back, in an order that alternates, so that the load the
   * machine carries from elsewhere weighs on both alike.
   */
  private List<PeerResult> rounds(List<PeerResult> peers, int rounds, int seconds, int connections)
      throws IOException, InterruptedException {
    List<PeerResult> out = new ArrayList<>(peers);
    for (int round = 0; round < rounds; round++) {
      boolean settle = false;
      for (int i : order(out, round)) {
        PeerResult p = out.get(i);
        boolean paired = PAIR.contains(p.name());
        if (paired && settle) {
          Thread.sleep(SETTLE.toMillis());
          settle = false;
        }
        Wrk.Result r = wrk.run(URI.create(p.hitUrl()), 2, connections, seconds);
        System.out.printf(
            java.util.Locale.ROOT,
            "  hit path round %d %-20s %10.0f req/s  p99 %.1f ms%n",
            round + 1,
            p.name(),
            r.requestsPerSecond(),
            r.p99());
        out.set(i, p.withHitRun(r));
        settle |= !paired;
      }
    }
    return out;
  }

  /**
   * This round's order: the servers without a cache, then imgedge and nginx-static, alternating.
   */
  static List<Integer> order(List<PeerResult> peers, int round) {
    List<Integer> pair = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < peers.size(); i++) {
      (PAIR.contains(peers.get(i).name()) ? pair : order).add(i);
    }
    if (round % 2 == 1) {
      java.util.Collections.reverse(pair);
    }
    order.addAll(pair);
    return order;
  }

  /**
   * A few seconds of load on each server first, not counted (JIT compilation, connection pools).
   */
  private void warmUp(List<PeerResult> peers, int connections)
      throws IOException, InterruptedException {
    for (PeerResult p : peers) {
      wrk.run(URI.create(p.hitUrl()), 2, connections, 3);
    }
  }

  /**
   * The width whose JPEG derivative is closest to the target size (imgedge's sizes grow with
   * width).
   */
  private int probeWidth(Peer imgedge) throws IOException, InterruptedException {
    int lo = 200;
    int hi = origin.knobs().width();
    int best = hi;
    long bestDistance = Long.MAX_VALUE;
    while (lo <= hi) {
      int mid = (lo + hi) / 2 / 8 * 8;
      long size = get(url(imgedge, mid)).body().length;
      if (Math.abs(size - targetBytes) < bestDistance) {
        bestDistance = Math.abs(size - targetBytes);
        best = mid;
      }
      if (size < targetBytes) {
        lo = mid + 8;
      } else {
        hi = mid - 8;
      }
    }
    return best;
  }

  private URI url(Peer peer, int width) {
    if (peer.name().equals("nginx-static")) {
      return URI.create(peer.url() + "/hit.jpg");
    }
    return URI.create(
        peer.url()
            + peer.style()
                .path(OriginSimulator.path(source), origin.url().toString(), width, "jpg"));
  }

  private static HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<byte[]> r =
          client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IOException(url + " answered " + r.statusCode());
      }
      return r;
    }
  }
}
