/**
 * The program: {@link io.imgedge.edge.app.Main} runs the CLI ({@link io.imgedge.edge.app.cli}:
 * {@code run}, {@code edge}, {@code shield}, {@code cluster}, {@code sign}); {@link
 * io.imgedge.edge.app.Node} is the one composition root that builds a node's roles from its
 * configuration and wires every part together. No class outside this package imports it.
 */
@NullMarked
package io.imgedge.edge.app;

import org.jspecify.annotations.NullMarked;
