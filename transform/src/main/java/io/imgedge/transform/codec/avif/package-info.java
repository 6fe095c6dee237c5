/**
 * A small binding of libavif 0.11 ({@code libavif.so.15}, Debian bookworm's {@code libavif15}, with
 * aom for encoding and dav1d for decoding) over the FFM API ({@code java.lang.foreign}): 8-bit sRGB
 * encoding from the pipeline's packed pixels, header parsing, and decoding to packed 8-bit ARGB.
 * Nothing here is loaded unless {@link io.imgedge.transform.codec.avif.LibAvif#load} is called; the
 * JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 */
@NullMarked
package io.imgedge.transform.codec.avif;

import org.jspecify.annotations.NullMarked;
