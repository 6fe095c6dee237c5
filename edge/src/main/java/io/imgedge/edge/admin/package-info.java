/**
 * The admin port, for operators and orchestrators: {@code /metrics} (Prometheus), {@code
 * /health/live} and {@code /health/ready}.
 */
@NullMarked
package io.imgedge.edge.admin;

import org.jspecify.annotations.NullMarked;
