package io.imgedge.loadtest.restart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: requests start at a fixed rate whatever the answers do (a slow or failing
 * node cannot slow the arrivals down), each for a path drawn uniformly from the working set, each
 * on its own virtual thread with a 20 s timeout. Every request's start, end, status and {@code
 * X-Cache} are kept.
 */
final class OpenLoad implements AutoCloseable {

  /**
   * One request.
   *
   * @param start when it was sent ({@link System#nanoTime()})
   * @param end when it was answered or failed
   * @param status the status, 0 when no answer came
   * @param path what was asked for
   */
  record Outcome(long start, long end, int status, String path) {
    double millis() {
      return (end - start) / 1e6;
    }
  }

  private final HttpClient client;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Thread arrivals;
  private volatile boolean stopping;

  private OpenLoad(URI target, List<String> paths, double rate, long seed) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long interval = Math.round(1e9 / rate);
    Random random = new Random(seed);
    this.arrivals =
        Thread.ofPlatform()
            .name("imgedge-open-load")
            .daemon(true)
            .unstarted(
                () -> {
                  long next = System.nanoTime();
                  while (!stopping) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    String path = paths.get(random.nextInt(paths.size()));
                    requests.submit(() -> send(target, path));
                    next += interval;
                  }
                });
  }

  /** Starts arrivals at {@code rate} a second against {@code target}. */
  static OpenLoad start(URI target, List<String> paths, double rate, long seed) {
    OpenLoad load = new OpenLoad(target, paths, rate, seed);
    load.arrivals.start();
    return load;
  }

  private void send(URI target, String path) {
    long start = System.nanoTime();
    int status = 0;
    try {
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(URI.create(target + path))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      status = r.statusCode();
    } catch (IOException e) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    outcomes.add(new Outcome(start, System.nanoTime(), status, path));
  }

  /** Stops the arrivals, waits (up to 25 s) for the requests in flight, and returns every one. */
  List<Outcome> stop() throws InterruptedException {
    stopping = true;
    arrivals.join(5_000);
    requests.shutdown();
    requests.awaitTermination(25, TimeUnit.SECONDS);
    return new ArrayList<>(outcomes);
  }

  @Override
  public void close() {
    stopping = true;
    requests.shutdownNow();
    client.close();
  }
}
