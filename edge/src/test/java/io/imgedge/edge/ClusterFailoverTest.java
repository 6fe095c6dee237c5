package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.cluster.Rendezvous;
import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.FixedRateLoad;
import io.imgedge.edge.testing.TestCluster;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nodes die abruptly (their cluster member terminated, their servers closed) under a fixed-rate
 * load; the cluster keeps answering: under 0.5% failed, none past its deadline, and every body
 * byte-identical to the healthy one.
 */
@Tag("integration")
class ClusterFailoverTest {
  private static final int RATE = 40;
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private TestOrigin origin;
  private TestCluster cluster;

  private void start(int edges, int shields) throws IOException {
    start(edges, shields, "");
  }

  private void start(int edges, int shields, String extraYaml) throws IOException {
    byte[] photo;
    try (InputStream in = ClusterFailoverTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    origin = TestOrigin.start();
    for (int i = 0; i < 20; i++) {
      origin.image("/img" + i + ".jpg", photo, "image/jpeg", "Cache-Control", "max-age=600");
    }
    cluster = TestCluster.start(origin.baseUrl().toString(), edges, shields, extraYaml);
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (origin != null) {
      origin.close();
    }
  }

  @Test
  void edgeKilledUnderLoad_fewerThanHalfAPercentFail_noWrongBytes_noneLate() throws Exception {
    // Edges keep no copies, so every request goes through key ownership: the owner's death matters.
    start(3, 2, "cache: {edge-max-bytes: 0}\n");
    Node victim = cluster.edges().get(2);
    List<Node> survivors = cluster.edges().subList(0, 2);
    Map<String, String> expected = healthyHashes(survivors.get(0), 10);
    FixedRateLoad load =
        FixedRateLoad.start(RATE, DEADLINE, i -> url(survivors.get(i % 2), path(i % 10)), expected);
    try {
      Thread.sleep(2000);
      victim.halt();
      Thread.sleep(8000);
    } finally {
      load.stop();
    }
    System.out.printf(
        "edge killed under load: %s; owner %s%n",
        load.summary(),
        survivors.stream()
            .map(
                e ->
                    e.registry().find("imgedge.edge.owner").counters().stream()
                        .map(c -> c.getId().getTag("result") + "=" + c.count())
                        .toList())
            .toList());
    load.assertHeld(RATE * 9, 5);
    assertThat(cluster.edgeCount("imgedge.edge.owner")).isPositive();
  }

  @Test
  void shieldKilledUnderLoad_itsSourcesMoveToTheNextShield_fewerThanHalfAPercentFail()
      throws Exception {
    start(2, 2, "cache: {edge-max-bytes: 0}\n");
    String onVictim = sourceOwnedBy(0);
    String onSurvivor = sourceOwnedBy(1);
    List<String> paths =
        List.of(
            "/" + onVictim + "?width=50",
            "/" + onVictim + "?width=51",
            "/" + onSurvivor + "?width=50",
            "/" + onSurvivor + "?width=51");
    Map<String, String> expected = new HashMap<>();
    for (String p : paths) {
      HttpResponse<byte[]> r = get(cluster.edges().get(0), p);
      assertThat(r.statusCode()).as("warm-up " + p).isEqualTo(200);
      expected.put(p, FixedRateLoad.sha256(r.body()));
    }
    FixedRateLoad load =
        FixedRateLoad.start(
            RATE,
            DEADLINE,
            i -> url(cluster.edges().get(i % 2), paths.get(i % paths.size())),
            expected);
    try {
      Thread.sleep(2000);
      cluster.shields().get(0).halt();
      Thread.sleep(8000);
    } finally {
      load.stop();
    }
    System.out.println("shield killed under load: " + load.summary());
    load.assertHeld(RATE * 9, 5);
    // Whichever edge owns a derivative's key asks the shields for it (the other forwards the
    // request to it), and key ownership follows Hazelcast's partitions: count on every edge.
    double failovers =
        cluster.edges().stream()
            .flatMap(
                e ->
                    e
                        .registry()
                        .find("imgedge.shield.requests")
                        .tag("result", "failover")
                        .counters()
                        .stream())
            .mapToDouble(io.micrometer.core.instrument.Counter::count)
            .sum();
    assertThat(failovers)
        .as("requests for the dead shield's sources went to the next one")
        .isPositive();
  }

  private Map<String, String> healthyHashes(Node edge, int n) {
    Map<String, String> hashes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      HttpResponse<byte[]> r = get(edge, path(i));
      assertThat(r.statusCode()).as("warm-up").isEqualTo(200);
      hashes.put(path(i), FixedRateLoad.sha256(r.body()));
    }
    return hashes;
  }

  private static String url(Node edge, String pathAndQuery) {
    return "http://127.0.0.1:" + edge.publicPort() + pathAndQuery;
  }

  private static String path(int i) {
    return "/img" + (i % 5) + ".jpg?width=" + (60 + i / 5);
  }

  /** A source whose first shield by rendezvous is shield {@code index}. */
  private String sourceOwnedBy(int index) {
    List<String> urls = List.of(cluster.shieldUrl(0), cluster.shieldUrl(1));
    for (int i = 0; i < 20; i++) {
      if (Rendezvous.rank("site:img" + i + ".jpg", urls, Function.identity())
          .get(0)
          .equals(urls.get(index))) {
        return "img" + i + ".jpg";
      }
    }
    throw new AssertionError("no source lands on shield " + index);
  }
}
