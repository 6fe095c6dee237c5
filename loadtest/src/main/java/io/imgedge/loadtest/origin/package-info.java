/**
 * The origin simulator: a loopback HTTP origin of generated images with knobs for latency, errors,
 * size and validators, counting what it serves.
 */
@NullMarked
package io.imgedge.loadtest.origin;

import org.jspecify.annotations.NullMarked;
