/**
 * The hit front: the public listener's first reader of every connection. It answers the requests it
 * can answer from memory at the socket (a repeated {@code GET}/{@code HEAD} whose derivative is
 * fresh in this edge's memory: a 200 or a 304 from bytes encoded once), and hands a connection to
 * Undertow's handler chain, with the bytes it has read, at the first request it cannot. The chain
 * stays the one place of every decision: the front answers only what the chain has parsed before
 * (its memo), with the headers the chain would send ({@code AnswerHeaders}), counted in the same
 * metrics.
 */
@NullMarked
package io.imgedge.edge.front;

import org.jspecify.annotations.NullMarked;
