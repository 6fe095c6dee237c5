/**
 * The origin simulator: a loopback HTTP origin of generated images with knobs for latency, errors,
 * size and validators, counting what it serves; and {@link io.imgedge.loadtest.origin.PhotoOrigin},
 * one photo under as many names as are asked for (every request a miss).
 */
@NullMarked
package io.imgedge.loadtest.origin;

import org.jspecify.annotations.NullMarked;
