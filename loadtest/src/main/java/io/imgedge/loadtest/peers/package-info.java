/**
 * The servers compared side by side with imgedge (ipx, nginx with image_filter, static nginx) and
 * the wrk hit-path measurement.
 */
@NullMarked
package io.imgedge.loadtest.peers;

import org.jspecify.annotations.NullMarked;
