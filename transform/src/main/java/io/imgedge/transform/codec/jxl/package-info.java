/**
 * A small binding of the libjxl 0.7 C API ({@code libjxl.so.0.7}, Debian's {@code libjxl0.7}) over
 * the FFM API ({@code java.lang.foreign}): JPEG XL encoding of the pipeline's packed pixels and
 * decoding of the first frame to packed ARGB. Nothing here is loaded unless {@link
 * io.imgedge.transform.codec.jxl.LibJxl#load} is called; the JVM needs {@code
 * --enable-native-access=ALL-UNNAMED}. The struct layouts used are checked by {@code
 * src/test/resources/native/jxl_layout.c}.
 */
@NullMarked
package io.imgedge.transform.codec.jxl;

import org.jspecify.annotations.NullMarked;
