package io.imgedge.cache;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a stored response stays fresh (RFC 9111 section 4.2), computed when it was received.
 *
 * @param receivedAt when the response was received
 * @param initialAge its age when received (the origin's {@code Age}, and any time it spent in a
 *     cache before reaching us)
 * @param lifetime its freshness lifetime ({@code s-maxage}, {@code max-age}, {@code Expires}, or
 *     the configured default)
 * @param storable false for {@code no-store} and {@code private} responses, which are never kept
 */
public record Freshness(Instant receivedAt, Duration initialAge, Duration lifetime, boolean storable) {

  /** A response that must not be stored. */
  public static Freshness notStorable(Instant receivedAt) {
    return new Freshness(receivedAt, Duration.ZERO, Duration.ZERO, false);
  }

  /** The current age: the initial age plus the time since it was received, never negative. */
  public Duration age(Instant now) {
    Duration resident = Duration.between(receivedAt, now);
    return initialAge.plus(resident.isNegative() ? Duration.ZERO : resident);
  }

  /** Whether the response is still fresh at {@code now}. */
  public boolean isFresh(Instant now) {
    return storable && age(now).compareTo(lifetime) < 0;
  }

  /** How much longer it stays fresh, from when it was received (for cache expiry). */
  public Duration remainingAtReceipt() {
    Duration left = lifetime.minus(initialAge);
    return !storable || left.isNegative() ? Duration.ZERO : left;
  }

  /** The {@code max-age} to send downstream together with {@link #age(Instant)}. */
  public long maxAgeSeconds() {
    return storable ? lifetime.toSeconds() : 0;
  }
}
