/**
 * How the shield's tiers (sources, renditions) and the edge's (derivatives) are stored by the disk
 * tier ({@link io.imgedge.cache.disk.DiskStore}): {@link io.imgedge.shield.disk.DiskCodecs}.
 */
@NullMarked
package io.imgedge.shield.disk;

import org.jspecify.annotations.NullMarked;
