/**
 * A local imgedge cluster (one process per node, on loopback) started through the launcher's
 * cluster command, for load tests: URLs, token, killing a node.
 */
@NullMarked
package io.imgedge.loadtest.cluster;

import org.jspecify.annotations.NullMarked;
