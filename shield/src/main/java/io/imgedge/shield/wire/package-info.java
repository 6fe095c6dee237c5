/**
 * The internal protocol between nodes: an edge asking the key's owner or a shield for a derivative,
 * and purges. Plain HTTP: the request's query carries the derivative request, the response carries
 * the image with its ETag, freshness (as an age, so clocks need not agree), info and surrogate
 * keys; errors carry their status and message ID. The messages and the client need no server
 * library; the endpoint that serves them is {@link io.imgedge.shield.endpoint}.
 */
@NullMarked
package io.imgedge.shield.wire;

import org.jspecify.annotations.NullMarked;
