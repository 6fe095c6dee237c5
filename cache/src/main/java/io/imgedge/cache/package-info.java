/**
 * The tiered cache: the local tier ({@link io.imgedge.cache.LocalTier}, Caffeine weighed in bytes,
 * coalescing concurrent misses), request collapsing ({@link io.imgedge.cache.SingleFlight}), HTTP
 * freshness ({@link io.imgedge.cache.Freshness}), and cluster membership and key ownership ({@link
 * io.imgedge.cache.cluster}).
 */
@NullMarked
package io.imgedge.cache;

import org.jspecify.annotations.NullMarked;
