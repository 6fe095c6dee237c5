package io.imgedge.transform.codec;

/**
 * How to encode.
 *
 * @param quality lossy quality 1-100 (ignored by lossless formats)
 * @param progressive progressive JPEG (ignored by other formats)
 * @param lossless lossless WebP ({@code format=webpll})
 * @param palette PNG with a palette of at most 256 colours ({@code format=png8})
 */
public record EncodeOptions(int quality, boolean progressive, boolean lossless, boolean palette) {

  /** Lossy (for WebP), full-colour (for PNG) options. */
  public EncodeOptions(int quality, boolean progressive) {
    this(quality, progressive, false, false);
  }
}
