/**
 * The disk tier: {@link io.imgedge.cache.disk.DiskStore} keeps a tier's objects in files (written
 * to a temporary file and renamed, with a header whose CRC32C checksums are verified on every
 * read), bounded in bytes by an index that Caffeine weighs and evicts, rebuilt from the files in
 * the background at start. A {@link io.imgedge.cache.disk.DiskCodec} per tier turns its keys and
 * values into {@link io.imgedge.cache.disk.DiskObject}s. It sits below a {@link
 * io.imgedge.cache.ReadThrough}'s memory tier as its {@link io.imgedge.cache.LowerTier}.
 */
@NullMarked
package io.imgedge.cache.disk;

import org.jspecify.annotations.NullMarked;
