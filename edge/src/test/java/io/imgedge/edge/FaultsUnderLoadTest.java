package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.ResettingServer;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Origin faults under a fixed-rate (open-model) load — garbage bytes, a body shorter than its
 * Content-Length, a hang, a stalled body, a 500, a connection reset, a refused connection —:
 * healthy images keep being served with the right bytes (checked by hash), faulty ones fail cleanly
 * (never a 200), and every request ends within its deadline.
 */
@Tag("integration")
class FaultsUnderLoadTest {
  private static final Duration DEADLINE = Duration.ofSeconds(4);
  @TempDir Path dir;

  @Test
  void originFaults_neverBreakHealthyImages_orServeWrongBytes_orOverrunTheDeadline()
      throws Exception {
    byte[] photo;
    try (InputStream in = FaultsUnderLoadTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    byte[] garbage = new byte[5000];
    new Random(7).nextBytes(garbage);
    garbage[0] = (byte) 0xFF; // looks like a JPEG at first sight
    garbage[1] = (byte) 0xD8;
    garbage[2] = (byte) 0xFF;
    try (TestOrigin origin = TestOrigin.start();
        ResettingServer reset = ResettingServer.start()) {
      for (int i = 0; i < 4; i++) {
        origin.image("/good" + i + ".jpg", photo, "image/jpeg");
      }
      origin
          .image("/garbage.jpg", garbage, "image/jpeg")
          .on("/short.jpg", new TestOrigin.ShortBody(new byte[100], 5000))
          .on("/hang.jpg", new TestOrigin.Hang())
          .on("/stall.jpg", new TestOrigin.StallBody(photo, 1000))
          .on("/e500.jpg", new TestOrigin.Respond(500, Map.of(), new byte[0], Duration.ZERO));
      int closedPort;
      try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        closedPort =
            s.getLocalPort(); // nothing listens there once this closes: connections are refused
      }
      Path config =
          Files.writeString(
              dir.resolve("faults.yaml"),
              """
          node: {public-bind: 127.0.0.1, public-port: 0, admin-port: 0}
          cluster: {name: test-%s}
          limits: {request-timeout: 4s}
          fetch: {connect-timeout: 500ms, header-timeout: 1s, read-timeout: 500ms, total-timeout: 2s}
          origins:
            - {name: reset, type: http, url: '%s', path-prefix: /reset/, allow-private: true}
            - {name: closed, type: http, url: 'http://127.0.0.1:%d', path-prefix: /closed/, allow-private: true}
            - {name: site, type: http, url: '%s', allow-private: true}
          """
                  .formatted(UUID.randomUUID(), reset.baseUrl(), closedPort, origin.baseUrl()));
      try (Node node = Node.start(ConfigLoader.load(config, Map.of(), CommandLineOverrides.NONE))) {
        run(node);
      }
    }
  }

  private void run(Node node) throws Exception {
    List<String> good =
        List.of(
            "/good0.jpg?width=90",
            "/good1.jpg?width=91",
            "/good2.jpg?width=92",
            "/good3.jpg?width=93");
    List<String> faulty =
        List.of(
            "/garbage.jpg?width=90",
            "/short.jpg?width=90",
            "/hang.jpg?width=90",
            "/stall.jpg?width=90",
            "/e500.jpg?width=90",
            "/reset/x.jpg?width=90",
            "/closed/x.jpg?width=90");
    Map<String, String> reference = new HashMap<>();
    for (String url : good) {
      reference.put(url, sha256(TestNodes.get(node, url).body()));
    }
    Map<String, Integer> faultyStatuses = new ConcurrentHashMap<>();
    AtomicLong goodFailed = new AtomicLong();
    AtomicLong wrongBytes = new AtomicLong();
    AtomicLong overDeadline = new AtomicLong();
    AtomicLong faulty200 = new AtomicLong();
    int total = 200;
    Duration interval = Duration.ofMillis(25); // 40 requests per second, whatever the answers take
    long start = System.nanoTime();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < total; i++) {
        int n = i;
        long at = start + n * interval.toNanos();
        clients.submit(
            () -> {
              sleepUntil(at);
              boolean isGood = n % 2 == 0;
              String url =
                  isGood ? good.get((n / 2) % good.size()) : faulty.get((n / 2) % faulty.size());
              long t0 = System.nanoTime();
              int status = status(node, url, isGood ? reference.get(url) : null, wrongBytes);
              if (Duration.ofNanos(System.nanoTime() - t0).compareTo(DEADLINE.plusSeconds(1)) > 0) {
                overDeadline.incrementAndGet();
              }
              if (isGood && status != 200) {
                goodFailed.incrementAndGet();
              }
              if (!isGood) {
                faultyStatuses.merge(
                    url.substring(0, url.indexOf('?')) + "=" + status, 1, Integer::sum);
                faulty200.addAndGet(status == 200 ? 1 : 0);
              }
            });
      }
    }
    System.out.println("faults under load: " + faultyStatuses);
    assertThat(goodFailed.get() * 1000)
        .as("healthy requests failing, per mille")
        .isLessThan(5L * total / 2);
    assertThat(wrongBytes.get()).as("wrong bytes served").isZero();
    assertThat(faulty200.get()).as("a faulty origin answered as a success").isZero();
    assertThat(overDeadline.get()).as("requests past their deadline").isZero();
    assertThat(faultyStatuses.keySet())
        .allSatisfy(
            k -> assertThat(Integer.parseInt(k.substring(k.indexOf('=') + 1))).isBetween(400, 599));
  }

  private static int status(Node node, String url, String expectedHash, AtomicLong wrongBytes) {
    try {
      HttpResponse<byte[]> r = TestNodes.get(node, url);
      if (r.statusCode() == 200 && expectedHash != null && !expectedHash.equals(sha256(r.body()))) {
        wrongBytes.incrementAndGet();
      }
      return r.statusCode();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static void sleepUntil(long nanos) {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
