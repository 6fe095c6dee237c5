/**
 * Reading the nodes' Prometheus metrics after a run: the text format, histogram quantiles, and the
 * cluster-wide figures of a report.
 */
@NullMarked
package io.imgedge.loadtest.metrics;

import org.jspecify.annotations.NullMarked;
