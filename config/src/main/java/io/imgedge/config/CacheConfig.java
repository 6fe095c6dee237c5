package io.imgedge.config;

import java.time.Duration;

/**
 * Cache sizes and the freshness used when an origin says nothing.
 *
 * @param edgeMaxBytes bytes of derivatives the edge keeps in memory ({@code cache.edge-max-bytes})
 * @param sourceMaxBytes bytes of original images the shield keeps ({@code cache.source-max-bytes})
 * @param defaultTtl freshness lifetime when the origin sends no Cache-Control or Expires
 *     ({@code cache.default-ttl})
 */
public record CacheConfig(long edgeMaxBytes, long sourceMaxBytes, Duration defaultTtl) {

  static CacheConfig from(Settings s) {
    return new CacheConfig(
        s.bytes("cache.edge-max-bytes", 0),
        s.bytes("cache.source-max-bytes", 0),
        s.duration("cache.default-ttl", Duration.ZERO));
  }
}
