package io.imgedge.shield;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps how many different new derivatives of one source are rendered per minute (a fixed window per
 * source), so that a flood of parameter variants cannot turn one image into unbounded work. Asking
 * again for a derivative already admitted in the window does not count twice.
 */
public final class VariantBudget {
  private final int perMinute;
  private final Clock clock;
  private final Cache<SourceId, Window> windows =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(2)).build();

  private record Window(long minute, Set<DerivativeKey> keys) {}

  /**
   * @param perMinute most new derivatives of one source per minute
   * @param clock the wall clock
   */
  public VariantBudget(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /**
   * Admits rendering one derivative of a source, or throws.
   *
   * @throws TooManyVariantsException if the source's budget for this minute is spent
   */
  public void admit(SourceId source, DerivativeKey derivativeKey) {
    long now = clock.millis();
    long minute = now / 60_000;
    Window w =
        windows
            .asMap()
            .compute(
                source,
                (k, old) ->
                    old == null || old.minute() != minute
                        ? new Window(minute, ConcurrentHashMap.newKeySet())
                        : old);
    if (w.keys().contains(derivativeKey)) {
      return;
    }
    if (w.keys().size() >= perMinute) {
      throw new TooManyVariantsException(perMinute, (int) (60 - (now / 1000) % 60));
    }
    w.keys().add(derivativeKey);
  }
}
