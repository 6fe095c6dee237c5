/**
 * The shield's internal endpoint, served by Undertow: the one part of the edge-to-shield protocol
 * that depends on a server library ({@link io.imgedge.shield.wire} holds the messages and the
 * client, without one).
 */
@NullMarked
package io.imgedge.shield.endpoint;

import org.jspecify.annotations.NullMarked;
