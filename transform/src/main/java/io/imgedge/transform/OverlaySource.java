package io.imgedge.transform;

import org.jspecify.annotations.Nullable;

/**
 * The encoded image an overlay ({@code TransformSpec.overlay()}) is made of, as its origin sent it.
 * It goes through the same header checks and limits as any source before it is decoded.
 *
 * @param bytes the encoded overlay image
 * @param declared the format its origin declared, or null
 */
public record OverlaySource(byte[] bytes, @Nullable ImageFormat declared) {}
