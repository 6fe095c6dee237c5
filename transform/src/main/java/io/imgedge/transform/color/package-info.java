/**
 * Colour management: everything leaves the decoder as 8-bit sRGB. Embedded profiles are applied
 * to the pixels (the JPEG decoder applies its own; PNG and WebP profiles are applied here, after
 * resizing), gray images keep their values instead of the JDK's linear-gray brightening, and CMYK
 * without a profile gets a default CMYK profile.
 */
@NullMarked
package io.imgedge.transform.color;

import org.jspecify.annotations.NullMarked;
