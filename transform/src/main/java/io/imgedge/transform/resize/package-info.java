/**
 * Resampling behind the {@link io.imgedge.transform.resize.Resizer} interface. The default {@link
 * io.imgedge.transform.resize.ConvolutionResizer} is a separable convolution with Fastly's filters
 * (nearest, bilinear, bicubic, lanczos2, lanczos3), widened when downscaling so that it
 * antialiases, with premultiplied alpha, regions with fractional edges (for shrink-on-load), and
 * optionally linear light. It is written for the JIT: per-channel {@code int} planes, whole-row
 * vertical accumulation (vectorized), two channels per multiply horizontally, no image-sized
 * temporaries.
 */
@NullMarked
package io.imgedge.transform.resize;

import org.jspecify.annotations.NullMarked;
