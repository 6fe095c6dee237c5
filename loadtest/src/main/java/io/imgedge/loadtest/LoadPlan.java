package io.imgedge.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * What to run: a target on loopback, the paths to request (round robin), how many requests are in
 * flight at once, and for how long (after a warm-up whose requests are not counted).
 *
 * @param target base URL, e.g. {@code http://127.0.0.1:8080}; must resolve to a loopback address
 * @param paths paths with queries, e.g. {@code /photo.jpg?width=200}
 * @param concurrency requests in flight at once (closed loop)
 * @param warmUp time before measuring
 * @param duration time measured
 * @param maxRequests stop after this many measured requests, whichever comes first
 */
public record LoadPlan(
    URI target,
    List<String> paths,
    int concurrency,
    Duration warmUp,
    Duration duration,
    long maxRequests) {

  /** Validates the plan: loopback only, bounded in time and count. */
  public LoadPlan {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("give at least one path");
    }
    if (concurrency < 1 || concurrency > 1024) {
      throw new IllegalArgumentException("concurrency must be 1 to 1024");
    }
    if (duration.isZero()
        || duration.isNegative()
        || duration.compareTo(Duration.ofMinutes(30)) > 0) {
      throw new IllegalArgumentException("duration must be positive and at most 30 minutes");
    }
    if (maxRequests < 1 || maxRequests > 50_000_000) {
      throw new IllegalArgumentException("max requests must be 1 to 50,000,000");
    }
    requireLoopback(target);
  }

  static void requireLoopback(URI target) {
    try {
      for (InetAddress a : InetAddress.getAllByName(target.getHost())) {
        if (!a.isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "the load test targets loopback only; "
                  + target.getHost()
                  + " resolves to "
                  + a.getHostAddress());
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + target.getHost(), e);
    }
  }
}
