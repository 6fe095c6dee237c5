package io.imgedge.cache.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test moves it, and a Caffeine {@link Ticker} that moves with it:
 * tests of freshness, expiry and remembered failures advance time instead of sleeping.
 *
 * {@snippet :
 * FakeClock time = new FakeClock();
 * ReadThrough<String, Blob> cache = new ReadThrough<>(tier(time.ticker()), time, policy);
 * time.advance(Duration.ofSeconds(61)); // the entry is stale now
 * }
 */
public final class FakeClock extends Clock {
  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();

  /** A clock at 2026-01-01T00:00:00Z. */
  public FakeClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A clock at {@code start}. */
  public FakeClock(Instant start) {
    this.start = start;
  }

  /** Moves time forward. */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    nanos.addAndGet(d.toNanos());
  }

  /** This clock and its ticker, as a node takes them. */
  public io.imgedge.cache.Time time() {
    return new io.imgedge.cache.Time(this, ticker());
  }

  /** A ticker that reads this clock's time. */
  public Ticker ticker() {
    return nanos::get;
  }

  @Override
  public Instant instant() {
    return start.plusNanos(nanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
