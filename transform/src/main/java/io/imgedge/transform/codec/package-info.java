/**
 * Decoding and encoding. JPEG goes through libjpeg-turbo when it is installed ({@link
 * io.imgedge.transform.codec.NativeCodecs}, {@link io.imgedge.transform.codec.turbo}): decoded at a
 * reduced DCT scale when the render shrinks anyway, encoded 4:2:0. Everything else, and JPEG
 * without the library, goes through ImageIO (TwelveMonkeys readers chosen explicitly per format;
 * the JDK writers for JPEG, PNG and GIF; libwebp through webp-imageio for WebP). Output carries no
 * metadata and no profile: pixels are sRGB. GIF is read by imgedge's own decoder ({@code
 * GifDecoder} and {@code Lzw}), which renders odd files as browsers do.
 */
@NullMarked
package io.imgedge.transform.codec;

import org.jspecify.annotations.NullMarked;
