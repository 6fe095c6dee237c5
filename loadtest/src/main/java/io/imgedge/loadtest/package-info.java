/**
 * Load generation against a running imgedge node: a bounded, closed-loop generator that targets
 * loopback only and reports throughput, latency percentiles, statuses and the edge hit ratio.
 */
@NullMarked
package io.imgedge.loadtest;

import org.jspecify.annotations.NullMarked;
