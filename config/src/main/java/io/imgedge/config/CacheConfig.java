package io.imgedge.config;

import java.time.Duration;

/**
 * Cache sizes and the freshness rules used when an origin (or its configuration) says nothing.
 *
 * @param edgeMaxBytes bytes of derivatives an edge keeps in memory ({@code cache.edge-max-bytes})
 * @param sourceMaxBytes bytes of original images a shield keeps ({@code cache.source-max-bytes})
 * @param shieldMaxBytes bytes of derivatives a shield keeps ({@code cache.shield-max-bytes})
 * @param defaultTtl freshness lifetime when the origin sends no Cache-Control or Expires ({@code
 *     cache.default-ttl})
 * @param staleWhileRevalidate how long a stale object is still served while one refresh runs in the
 *     background, when the origin says nothing (RFC 5861) ({@code cache.stale-while-revalidate})
 * @param staleIfError how long a stale object is served when the origin or the shield fails, when
 *     the origin says nothing (RFC 5861) ({@code cache.stale-if-error})
 * @param keepStale how long stale sources are kept for revalidation with a conditional request
 *     ({@code cache.keep-stale})
 * @param negativeTtl how long an origin's "not found" and a failed render are remembered, so that
 *     repeated requests for them cost nothing ({@code cache.negative-ttl}; 0 disables)
 * @param originFailureTtl how long any other origin failure (an error status, a timeout, a body
 *     that never ends, a refused address) is remembered and answered at once, so that a failing
 *     source costs one attempt per period, not one per request ({@code cache.origin-failure-ttl}; 0
 *     disables)
 */
public record CacheConfig(
    long edgeMaxBytes,
    long sourceMaxBytes,
    long shieldMaxBytes,
    Duration defaultTtl,
    Duration staleWhileRevalidate,
    Duration staleIfError,
    Duration keepStale,
    Duration negativeTtl,
    Duration originFailureTtl) {

  static CacheConfig from(Settings s, MemoryPlan plan) {
    return new CacheConfig(
        s.isEmpty("cache.edge-max-bytes") ? plan.edgeCache() : s.bytes("cache.edge-max-bytes", 0),
        s.isEmpty("cache.source-max-bytes")
            ? plan.sourceCache()
            : s.bytes("cache.source-max-bytes", 0),
        s.isEmpty("cache.shield-max-bytes")
            ? plan.shieldCache()
            : s.bytes("cache.shield-max-bytes", 0),
        s.duration("cache.default-ttl", Duration.ZERO),
        s.duration("cache.stale-while-revalidate", Duration.ZERO),
        s.duration("cache.stale-if-error", Duration.ZERO),
        s.duration("cache.keep-stale", Duration.ZERO),
        s.duration("cache.negative-ttl", Duration.ZERO),
        s.duration("cache.origin-failure-ttl", Duration.ZERO));
  }
}
