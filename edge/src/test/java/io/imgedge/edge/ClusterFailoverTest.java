package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.cache.cluster.Rendezvous;
import io.imgedge.edge.testing.TestCluster;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Nodes die abruptly (as with kill -9) while the cluster serves; it keeps answering. */
@Tag("integration")
class ClusterFailoverTest {
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
  void edgeKilledUnderLoad_fewerThanHalfAPercentFail_andNoneAfterDetection() throws Exception {
    // Edges keep no copies, so every request goes through key ownership: the owner's death matters.
    start(3, 2, "cache: {edge-max-bytes: 0}\n");
    Node victim = cluster.edges().get(2);
    List<Node> survivors = cluster.edges().subList(0, 2);
    for (int i = 0; i < 10; i++) {
      assertThat(status(survivors.get(0), path(i))).as("warm-up").isEqualTo(200);
    }
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong failedAfterDetection = new AtomicLong();
    long start = System.nanoTime();
    long killAt = start + Duration.ofSeconds(2).toNanos();
    long detectedBy = killAt + Duration.ofSeconds(2).toNanos();
    long enough = killAt + Duration.ofSeconds(4).toNanos();
    long cap = start + Duration.ofSeconds(45).toNanos();
    AtomicLong sequence = new AtomicLong();
    try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < 6; w++) {
        load.submit(() -> {
          long now;
          while ((now = System.nanoTime()) < cap && (now < enough || ok.get() + failed.get() < 400)) {
            long n = sequence.getAndIncrement();
            if (status(survivors.get((int) (n % 2)), path((int) (n % 10))) == 200) {
              ok.incrementAndGet();
            } else {
              failed.incrementAndGet();
              if (System.nanoTime() > detectedBy) {
                failedAfterDetection.incrementAndGet();
              }
            }
          }
        });
      }
      Thread.sleep(Duration.ofNanos(Math.max(0, killAt - System.nanoTime())));
      victim.halt();
    }
    long total = ok.get() + failed.get();
    System.out.printf("edge killed under load: %d requests, %d failed, %d after detection, owner %s%n", total,
        failed.get(), failedAfterDetection.get(), survivors.stream().map(e -> e.registry().find("imgedge.edge.owner")
            .counters().stream().map(c -> c.getId().getTag("result") + "=" + c.count()).toList()).toList());
    assertThat(total).isGreaterThanOrEqualTo(400);
    assertThat(failed.get() * 1000).as("failures per mille of " + total).isLessThan(5L * total);
    assertThat(failedAfterDetection.get()).isZero();
    assertThat(cluster.edgeCount("imgedge.edge.owner")).isPositive();
  }

  private static String path(int i) {
    return "/img" + (i % 5) + ".jpg?width=" + (60 + i / 5);
  }

  @Test
  void shieldKilled_itsSourcesAreServedViaTheNextShield() throws Exception {
    start(1, 2);
    String path = sourceOwnedBy(0);
    cluster.shields().get(0).halt();
    HttpResponse<byte[]> r = get(cluster.edges().get(0), "/" + path + "?width=50");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(cluster.edgeCount("imgedge.shield.requests")).isPositive();
    assertThat(cluster.edges().get(0).registry().find("imgedge.shield.requests").tag("result", "failover").counter())
        .isNotNull()
        .satisfies(c -> assertThat(c.count()).isEqualTo(1));
  }

  /** A source whose first shield by rendezvous is shield {@code index}. */
  private String sourceOwnedBy(int index) {
    List<String> urls = List.of(cluster.shieldUrl(0), cluster.shieldUrl(1));
    for (int i = 0; i < 20; i++) {
      if (Rendezvous.rank("site:img" + i + ".jpg", urls, Function.identity()).get(0).equals(urls.get(index))) {
        return "img" + i + ".jpg";
      }
    }
    throw new AssertionError("no source lands on shield " + index);
  }

  private static int status(Node edge, String path) {
    try {
      return get(edge, path).statusCode();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
