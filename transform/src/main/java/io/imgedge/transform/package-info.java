/**
 * The imgedge transform library: bytes in, bytes out, no network.
 *
 * <p>{@link io.imgedge.transform.spec.TransformSpec} is the canonical description of a derivative,
 * parsed from Fastly Image Optimizer query parameters. {@link io.imgedge.transform.Transformer}
 * renders it: it probes the source's header against the limits before decoding ({@link
 * io.imgedge.transform.probe}), decodes to sRGB ({@link io.imgedge.transform.codec}, {@link
 * io.imgedge.transform.color}), runs the {@link io.imgedge.transform.pipeline.Pipeline} of ordered
 * steps, and encodes. Every failure is a {@link io.imgedge.transform.TransformException} that
 * carries its HTTP meaning.
 */
@NullMarked
package io.imgedge.transform;

import org.jspecify.annotations.NullMarked;
