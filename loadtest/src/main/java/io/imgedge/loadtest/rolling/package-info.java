/**
 * The rolling-restart scenario: a local cluster of edges and shields on loopback under steady load,
 * every node stopped with SIGTERM and started again in turn, behind a load balancer that follows
 * readiness as a Kubernetes Service does; failed requests, duplicate origin fetches and transforms,
 * and latency during the roll.
 */
@NullMarked
package io.imgedge.loadtest.rolling;

import org.jspecify.annotations.NullMarked;
