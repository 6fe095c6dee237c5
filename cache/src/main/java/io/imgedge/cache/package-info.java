/**
 * The tiered cache: the read-through protocol ({@link io.imgedge.cache.ReadThrough}), the local
 * tier ({@link io.imgedge.cache.LocalTier}, Caffeine weighed in bytes, coalescing concurrent
 * misses), the disk tier below it ({@link io.imgedge.cache.LowerTier}, {@link
 * io.imgedge.cache.disk}), request collapsing ({@link io.imgedge.cache.SingleFlight}), HTTP
 * freshness ({@link io.imgedge.cache.Freshness}), and cluster membership and key ownership ({@link
 * io.imgedge.cache.cluster}).
 */
@NullMarked
package io.imgedge.cache;

import org.jspecify.annotations.NullMarked;
