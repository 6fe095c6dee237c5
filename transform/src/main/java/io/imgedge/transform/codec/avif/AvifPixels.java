package io.imgedge.transform.codec.avif;

/**
 * A decoded AVIF: 8-bit, non-premultiplied pixels as packed {@code 0xAARRGGBB} ints, row by row
 * ({@code BufferedImage.TYPE_INT_ARGB}'s layout; alpha is 255 where the image has no alpha plane),
 * in the source's own colour space (see {@link AvifInfo#icc()} and the CICP values), with its
 * {@code irot}/{@code imir} not applied.
 *
 * @param argb {@code info.width() * info.height()} pixels; the array is handed over, not copied
 * @param info what the decoded image says about itself
 */
public record AvifPixels(int[] argb, AvifInfo info) {}
