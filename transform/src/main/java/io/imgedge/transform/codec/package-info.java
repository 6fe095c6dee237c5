/**
 * Decoding (ImageIO with TwelveMonkeys, readers chosen explicitly per format) and encoding (JPEG,
 * PNG, GIF with the JDK writers; WebP with libwebp through webp-imageio). Output carries no
 * metadata and no profile: pixels are sRGB.
 */
@NullMarked
package io.imgedge.transform.codec;

import org.jspecify.annotations.NullMarked;
