package io.imgedge.transform.codec;

/**
 * How to encode.
 *
 * @param quality lossy quality 1-100 (ignored by lossless formats)
 * @param progressive progressive JPEG (ignored by other formats)
 */
public record EncodeOptions(int quality, boolean progressive) {}
