package io.imgedge.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-model load for fault tests: requests start at a fixed rate whatever the answers take
 * (each on its own virtual thread), so a slow or dead node shows up as failures and latency rather
 * than as fewer requests. Every 200 body is checked against the hash of the healthy answer for its
 * path and query; every request has a deadline.
 */
public final class FixedRateLoad {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int perSecond;
  private final Duration deadline;
  private final IntFunction<String> url;
  private final Map<String, String> expectedHashes;
  private final AtomicInteger sent = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> late = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> wrongBytes = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> latencyMillis = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> requests = new CopyOnWriteArrayList<>();
  private final Thread ticker;

  private FixedRateLoad(
      int perSecond,
      Duration deadline,
      IntFunction<String> url,
      Map<String, String> expectedHashes) {
    this.perSecond = perSecond;
    this.deadline = deadline;
    this.url = url;
    this.expectedHashes = Map.copyOf(expectedHashes);
    this.ticker = Thread.ofPlatform().name("fixed-rate-load").daemon().unstarted(this::tick);
  }

  /**
   * Starts the load.
   *
   * @param url the absolute URL of the i-th request
   * @param expectedHashes SHA-256 (hex) of the healthy body per path and query ({@link
   *     #pathAndQuery})
   */
  public static FixedRateLoad start(
      int perSecond,
      Duration deadline,
      IntFunction<String> url,
      Map<String, String> expectedHashes) {
    FixedRateLoad load = new FixedRateLoad(perSecond, deadline, url, expectedHashes);
    load.ticker.start();
    return load;
  }

  private void tick() {
    long period = 1_000_000_000L / perSecond;
    long next = System.nanoTime();
    for (int i = 0; running.get(); i++) {
      String target = url.apply(i);
      sent.incrementAndGet();
      requests.add(Thread.ofVirtual().start(() -> one(target)));
      next += period;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        LockSupport.parkNanos(sleep);
      }
    }
  }

  private void one(String target) {
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(URI.create(target)).timeout(deadline).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        failed.add(
            target + " -> " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
      } else if (!sha256(r.body()).equals(expectedHashes.get(pathAndQuery(target)))) {
        wrongBytes.add(target);
      }
    } catch (Exception e) {
      failed.add(target + " -> " + e);
    } finally {
      long took = System.nanoTime() - start;
      latencyMillis.add(took / 1_000_000);
      if (took > deadline.toNanos()) {
        late.add(target + " took " + took / 1_000_000 + " ms");
      }
    }
  }

  /** Stops starting requests and waits for those in flight. */
  public FixedRateLoad stop() throws InterruptedException {
    running.set(false);
    ticker.join(5000);
    for (Thread t : requests) {
      t.join(deadline.toMillis() + 2000);
    }
    return this;
  }

  /** Requests started so far. */
  public int sent() {
    return sent.get();
  }

  /**
   * Asserts the fault-test criteria: at least {@code minRequests} sent, no body that differs from
   * the healthy one, none past the deadline, and at most {@code maxFailedPerMille}‰ failed.
   */
  public void assertHeld(int minRequests, int maxFailedPerMille) {
    assertThat(sent.get()).as("requests sent").isGreaterThanOrEqualTo(minRequests);
    assertThat(wrongBytes).as("bodies that differ from the healthy ones").isEmpty();
    assertThat(late).as("requests past their %s deadline", deadline).isEmpty();
    assertThat(failed.size() * 1000L)
        .as("failed requests (per mille of %d): %s", sent.get(), failed)
        .isLessThanOrEqualTo((long) maxFailedPerMille * sent.get());
  }

  /** Requests, failures and latency percentiles, for the test's output. */
  public String summary() {
    List<Long> sorted = latencyMillis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return "no requests";
    }
    return "%d requests, %d failed, %d wrong bodies, latency p50 %d ms, p99 %d ms, max %d ms"
        .formatted(
            sent.get(),
            failed.size(),
            wrongBytes.size(),
            sorted.get(sorted.size() / 2),
            sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)),
            sorted.get(sorted.size() - 1));
  }

  /** The part of a URL the expected hashes are keyed by: path and query. */
  public static String pathAndQuery(String url) {
    URI u = URI.create(url);
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  /** SHA-256 as hex. */
  public static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
