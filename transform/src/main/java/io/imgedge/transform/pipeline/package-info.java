/**
 * The {@link io.imgedge.transform.pipeline.Pipeline}: an explicit, ordered list of small {@link
 * io.imgedge.transform.pipeline.Step}s, in Fastly's order of operations whatever the order of the
 * query parameters, with the deadline checked between steps.
 */
@NullMarked
package io.imgedge.transform.pipeline;

import org.jspecify.annotations.NullMarked;
