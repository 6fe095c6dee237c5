/**
 * Serving a derivative at the edge: the local tier (hot copies in memory), key ownership in the
 * cluster, and the client that asks the shield for what the edge does not have.
 */
@NullMarked
package io.imgedge.edge.image;

import org.jspecify.annotations.NullMarked;
