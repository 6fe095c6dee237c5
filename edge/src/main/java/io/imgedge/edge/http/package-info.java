/**
 * The public HTTP interface on Undertow: a chain of small handlers that reads like a request's life
 * (graceful shutdown, metrics, error mapping, routing, image handling), with image work run off the
 * IO threads.
 */
@NullMarked
package io.imgedge.edge.http;

import org.jspecify.annotations.NullMarked;
