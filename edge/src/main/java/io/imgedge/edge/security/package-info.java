/** Request security at the edge, before any expensive work: signed URLs. */
@NullMarked
package io.imgedge.edge.security;

import org.jspecify.annotations.NullMarked;
