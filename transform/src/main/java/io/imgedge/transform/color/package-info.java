/**
 * Colour management: everything reaches the encoder as 8-bit sRGB. Embedded RGB profiles are
 * applied to the pixels here, after resizing (PNG, WebP, and JPEG decoded by libjpeg-turbo; the
 * ImageIO JPEG reader applies its own), gray images keep their values instead of the JDK's
 * linear-gray brightening, and CMYK without a profile gets a default CMYK profile. 16-bit sources
 * with a profile (PNG, TIFF) are converted before the resize instead, at full precision, and
 * rounded to 8 bits only then ({@link io.imgedge.transform.color.DeepImages}).
 */
@NullMarked
package io.imgedge.transform.color;

import org.jspecify.annotations.NullMarked;
