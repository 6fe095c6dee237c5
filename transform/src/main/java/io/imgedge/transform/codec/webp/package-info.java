/**
 * A small binding of the libwebp decoding API ({@code libwebp.so.7}, Debian's {@code libwebp7}) and
 * of its animation decoder ({@code libwebpdemux.so.2}, Debian's {@code libwebpdemux2}) over the FFM
 * API ({@code java.lang.foreign}): still images and the first frame of animations to packed ARGB
 * with libwebp's default (fancy) chroma upsampling, and animations frame by frame as complete
 * canvases ({@code WebPAnimDecoder}). Nothing here is loaded unless {@link
 * io.imgedge.transform.codec.webp.LibWebp#load} is called; the JVM needs {@code
 * --enable-native-access=ALL-UNNAMED}. The struct layouts used are checked by {@code
 * src/test/resources/native/webp_layout.c}.
 */
@NullMarked
package io.imgedge.transform.codec.webp;

import org.jspecify.annotations.NullMarked;
