package io.imgedge.cache;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An origin's TTL rules, with the node's defaults already applied.
 *
 * @param defaultTtl lifetime when the response says nothing
 * @param overrideTtl a lifetime that replaces whatever the response says, or null
 * @param staleWhileRevalidate RFC 5861 window when the response gives none
 * @param staleIfError RFC 5861 window when the response gives none
 */
public record FreshnessRules(
    Duration defaultTtl,
    @Nullable Duration overrideTtl,
    Duration staleWhileRevalidate,
    Duration staleIfError) {

  /** Only a default lifetime, no override, no stale windows. */
  public static FreshnessRules ttl(Duration defaultTtl) {
    return new FreshnessRules(defaultTtl, null, Duration.ZERO, Duration.ZERO);
  }
}
