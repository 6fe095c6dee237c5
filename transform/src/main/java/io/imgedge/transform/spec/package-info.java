/**
 * {@link io.imgedge.transform.spec.TransformSpec}, the canonical value that describes a derivative,
 * and its parser for Fastly Image Optimizer query parameters.
 */
@NullMarked
package io.imgedge.transform.spec;

import org.jspecify.annotations.NullMarked;
