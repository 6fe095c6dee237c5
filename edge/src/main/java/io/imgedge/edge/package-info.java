/**
 * The edge role. The request path is in {@link io.imgedge.edge.http} (Undertow handlers) and {@link
 * io.imgedge.edge.image} (edge cache, ownership, shield client); operators' endpoints are in {@link
 * io.imgedge.edge.admin}; signed URLs in {@link io.imgedge.edge.security}. Assembly is apart from
 * all of them, in {@link io.imgedge.edge.app}, which nothing else imports.
 */
@NullMarked
package io.imgedge.edge;

import org.jspecify.annotations.NullMarked;
