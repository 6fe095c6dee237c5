/**
 * Resampling behind the {@link io.imgedge.transform.resize.Resizer} interface. The default {@link
 * io.imgedge.transform.resize.ConvolutionResizer} is a separable convolution with Fastly's filters
 * (nearest, bilinear, bicubic, lanczos2, lanczos3), widened when downscaling so that it
 * antialiases, and premultiplied alpha.
 */
@NullMarked
package io.imgedge.transform.resize;

import org.jspecify.annotations.NullMarked;
