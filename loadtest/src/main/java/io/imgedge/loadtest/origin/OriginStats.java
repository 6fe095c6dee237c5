package io.imgedge.loadtest.origin;

import java.util.Map;

/**
 * What the origin simulator has answered since it started (or was reset).
 *
 * @param gets body fetches (GET answered 200)
 * @param heads HEAD requests
 * @param notModified conditional requests answered 304
 * @param errors requests answered 5xx on purpose, or 404
 * @param getsPerPath body fetches per path
 */
public record OriginStats(
    long gets, long heads, long notModified, long errors, Map<String, Long> getsPerPath) {

  /** Copies the map. */
  public OriginStats {
    getsPerPath = Map.copyOf(getsPerPath);
  }

  /** Distinct paths fetched at least once. */
  public int distinctPaths() {
    return getsPerPath.size();
  }

  /** The most times any one path was fetched. */
  public long maxGetsOfOnePath() {
    return getsPerPath.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
