package io.imgedge.shield;

import java.time.Duration;

/**
 * Harvest and yield: when the transform queue is long, a derivative that negotiation made AVIF for
 * a client that also takes WebP is answered as WebP instead (several times cheaper to encode),
 * fresh for only a short while and with a warning; the AVIF is rendered by the first request after
 * that, once the queue is shorter. An explicit {@code format=avif} is never replaced.
 *
 * @param queueDepth yield when at least this many transforms wait ({@code
 *     limits.yield-queue-depth}); 0 never yields
 * @param maxAge how long the WebP stands in, as its {@code max-age} ({@code limits.yield-max-age})
 */
public record YieldPolicy(int queueDepth, Duration maxAge) {
  /** Never yields. */
  public static final YieldPolicy NEVER = new YieldPolicy(0, Duration.ZERO);

  /** Checks the values. */
  public YieldPolicy {
    if (queueDepth < 0 || maxAge.isNegative()) {
      throw new IllegalArgumentException("a yield policy needs a depth >= 0 and a max-age >= 0");
    }
  }

  /** Whether a render should yield when {@code queued} transforms wait. */
  boolean yields(int queued) {
    return queueDepth > 0 && queued >= queueDepth;
  }
}
