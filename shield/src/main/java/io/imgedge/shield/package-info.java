/**
 * The shield role: fetch each source from its origin once ({@link io.imgedge.shield.SourceCache},
 * {@link io.imgedge.shield.origin}), render each derivative once ({@link
 * io.imgedge.shield.Shield}), on a bounded pool of transform threads ({@link
 * io.imgedge.shield.TransformPool}).
 */
@NullMarked
package io.imgedge.shield;

import org.jspecify.annotations.NullMarked;
