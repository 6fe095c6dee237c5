/**
 * A small binding of the TurboJPEG 2.x C API ({@code libturbojpeg.so.0}, Debian's {@code
 * libturbojpeg0}) over the FFM API ({@code java.lang.foreign}): DCT-scaled JPEG decoding
 * ("shrink-on-load") straight into the pipeline's packed pixels, and JPEG encoding. Nothing here is
 * loaded unless {@link io.imgedge.transform.codec.turbo.TurboJpeg#load} is called; the JVM needs
 * {@code --enable-native-access=ALL-UNNAMED}.
 */
@NullMarked
package io.imgedge.transform.codec.turbo;

import org.jspecify.annotations.NullMarked;
