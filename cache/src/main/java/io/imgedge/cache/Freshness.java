package io.imgedge.cache;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a stored response stays fresh (RFC 9111 section 4.2) and how long it may still be used
 * once stale (RFC 5861), computed when it was received.
 *
 * @param receivedAt when the response was received (or last revalidated)
 * @param initialAge its age when received (the origin's {@code Age})
 * @param lifetime its freshness lifetime
 * @param staleWhileRevalidate how long past the lifetime it may be served while one refresh runs
 * @param staleIfError how long past the lifetime it may be served when refreshing fails
 * @param storable false for {@code no-store} and {@code private} responses, which are never kept
 */
public record Freshness(
    Instant receivedAt,
    Duration initialAge,
    Duration lifetime,
    Duration staleWhileRevalidate,
    Duration staleIfError,
    boolean storable) {

  /** A fresh-for-{@code lifetime} response with no stale windows. */
  public static Freshness of(Instant receivedAt, Duration lifetime) {
    return new Freshness(receivedAt, Duration.ZERO, lifetime, Duration.ZERO, Duration.ZERO, true);
  }

  /** A response that must not be stored. */
  public static Freshness notStorable(Instant receivedAt) {
    return new Freshness(
        receivedAt, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
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

  /** Whether it is stale but may still be served while a refresh runs. */
  public boolean inStaleWhileRevalidate(Instant now) {
    return storable && !isFresh(now) && age(now).compareTo(lifetime.plus(staleWhileRevalidate)) < 0;
  }

  /** Whether it is stale but may still be served when refreshing fails. */
  public boolean inStaleIfError(Instant now) {
    return storable && !isFresh(now) && age(now).compareTo(lifetime.plus(staleIfError)) < 0;
  }

  /** How long a cache keeps it after receipt: its freshness plus the longer stale window. */
  public Duration retention() {
    if (!storable) {
      return Duration.ZERO;
    }
    Duration stale =
        staleWhileRevalidate.compareTo(staleIfError) > 0 ? staleWhileRevalidate : staleIfError;
    Duration left = lifetime.plus(stale).minus(initialAge);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The same response revalidated at {@code now}: fresh again for the same lifetime. */
  public Freshness revalidatedAt(Instant now) {
    return new Freshness(
        now, Duration.ZERO, lifetime, staleWhileRevalidate, staleIfError, storable);
  }

  /** The {@code max-age} to send downstream together with {@link #age(Instant)}. */
  public long maxAgeSeconds() {
    return storable ? lifetime.toSeconds() : 0;
  }
}
