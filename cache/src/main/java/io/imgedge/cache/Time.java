package io.imgedge.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;

/**
 * Time as a node sees it, from one source: wall-clock instants (freshness, Age, dates) and a
 * Caffeine {@link Ticker} (expiry in the cache tiers). Made once by the composition root and handed
 * to every part that reads time; tests hand in a fake one that they advance instead of sleeping.
 *
 * @param clock the wall clock
 * @param ticker nanoseconds for Caffeine, moving with the clock
 */
public record Time(Clock clock, Ticker ticker) {

  /** The system's clock and ticker. */
  public static Time system() {
    return new Time(Clock.systemUTC(), Ticker.systemTicker());
  }
}
