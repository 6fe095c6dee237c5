package io.imgedge.loadtest.rolling;

import io.imgedge.loadtest.cluster.ClusterNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * An open-model load: {@code rate} requests a second, each sent on schedule whatever the answers
 * before it (so a slow node shows as latency, not as fewer requests), to the edge the balancer
 * picks, for paths drawn from a fixed list. Every request is recorded.
 */
final class SteadyLoad implements AutoCloseable {
  /**
   * One request.
   *
   * @param startNanos when it was sent ({@code System.nanoTime()})
   * @param millis how long until the whole answer had arrived, or until it failed
   * @param edge the edge it went to ("none" when no edge was in rotation)
   * @param path what was asked
   * @param status the status, or 0 when there was no answer
   * @param failure what went wrong without an answer, or null
   */
  record Result(
      long startNanos,
      double millis,
      String edge,
      String path,
      int status,
      @Nullable String failure) {
    boolean ok() {
      return status == 200;
    }
  }

  private final Balancer balancer;
  private final List<String> paths;
  private final int rate;
  private final HttpClient client;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
  private final Thread pacer;
  private volatile boolean running = true;

  SteadyLoad(Balancer balancer, List<String> paths, int rate, long seed) {
    this.balancer = balancer;
    this.paths = List.copyOf(paths);
    this.rate = rate;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(senders)
            .build();
    SplittableRandom random = new SplittableRandom(seed);
    this.pacer = Thread.ofPlatform().name("steady-load").daemon(true).start(() -> pace(random));
  }

  private void pace(SplittableRandom random) {
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long next = System.nanoTime();
    while (running) {
      String path = paths.get(random.nextInt(paths.size()));
      ClusterNode edge = balancer.pick();
      long sent = next;
      senders.submit(() -> send(edge, path, sent));
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  private void send(@Nullable ClusterNode edge, String path, long start) {
    if (edge == null) {
      results.add(new Result(start, 0, "none", path, 0, "no edge in rotation"));
      return;
    }
    try {
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(URI.create(edge.url() + path))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      int status = r.body().length == 0 && r.statusCode() == 200 ? -200 : r.statusCode();
      results.add(new Result(start, millisSince(start), edge.name(), path, status, null));
    } catch (IOException e) {
      results.add(new Result(start, millisSince(start), edge.name(), path, 0, e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  /** Everything recorded so far. */
  List<Result> results() {
    return new ArrayList<>(results);
  }

  /** Stops sending and waits (bounded) for the answers still owed. */
  @Override
  public void close() {
    running = false;
    try {
      pacer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    senders.shutdown();
    try {
      senders.awaitTermination(40, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
