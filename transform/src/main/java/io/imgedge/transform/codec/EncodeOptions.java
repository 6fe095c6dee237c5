package io.imgedge.transform.codec;

import io.imgedge.transform.spec.H264;

/**
 * How to encode.
 *
 * @param quality lossy quality 1-100 (ignored by lossless formats)
 * @param progressive progressive JPEG (ignored by other formats)
 * @param lossless lossless WebP ({@code format=webpll})
 * @param palette PNG with a palette of at most 256 colours ({@code format=png8})
 * @param h264 the H.264 profile and level of MP4 ({@code profile=}, {@code level=})
 */
public record EncodeOptions(
    int quality, boolean progressive, boolean lossless, boolean palette, H264 h264) {

  /** For any format but MP4. */
  public EncodeOptions(int quality, boolean progressive, boolean lossless, boolean palette) {
    this(quality, progressive, lossless, palette, H264.DEFAULT);
  }

  /** Lossy (for WebP), full-colour (for PNG) options. */
  public EncodeOptions(int quality, boolean progressive) {
    this(quality, progressive, false, false);
  }
}
