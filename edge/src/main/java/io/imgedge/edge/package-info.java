/**
 * The edge role and the program's entry point. {@link io.imgedge.edge.Main} runs the CLI; {@link
 * io.imgedge.edge.Node} is the one composition root that builds a node from its configuration.
 * The request path is in {@link io.imgedge.edge.http} (Undertow handlers) and {@link
 * io.imgedge.edge.image} (edge cache, ownership, shield client); operators' endpoints are in
 * {@link io.imgedge.edge.admin}.
 */
@NullMarked
package io.imgedge.edge;

import org.jspecify.annotations.NullMarked;
