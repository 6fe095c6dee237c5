/**
 * Reads what an image is from its bytes, without decoding pixels: format by magic number,
 * dimensions, frame count, orientation, embedded ICC profile. The scanners check structure (PNG
 * CRCs, truncation, compressed-metadata bombs, GIF frame sizes) and the limits, so that nothing
 * oversized or malformed reaches a decoder.
 */
@NullMarked
package io.imgedge.transform.probe;

import org.jspecify.annotations.NullMarked;
