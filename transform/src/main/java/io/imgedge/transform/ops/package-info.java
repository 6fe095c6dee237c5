/**
 * Pixel operations on pipeline images ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, sRGB): the
 * algorithms behind the pipeline's steps, kept apart from them so that each can be tested alone.
 * Every operation returns a new image and leaves its input unchanged.
 */
@NullMarked
package io.imgedge.transform.ops;

import org.jspecify.annotations.NullMarked;
