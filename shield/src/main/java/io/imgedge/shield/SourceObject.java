package io.imgedge.shield;

import io.imgedge.cache.Cacheable;
import io.imgedge.cache.Freshness;
import io.imgedge.transform.ImageFormat;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An original image as fetched from its origin.
 *
 * @param id which source
 * @param bytes the body
 * @param declared the format its origin declared (Content-Type or file extension), or null
 * @param validator what identifies this version of the source: the origin's strong ETag, or a hash
 *     of the bytes; the same on every node
 * @param lastModified the origin's Last-Modified (or file time), or null
 * @param freshness how long it stays fresh
 */
public record SourceObject(
    SourceId id,
    byte[] bytes,
    @Nullable ImageFormat declared,
    String validator,
    @Nullable Instant lastModified,
    Freshness freshness)
    implements Cacheable {

  @Override
  public long sizeInBytes() {
    return bytes.length + 256L;
  }
}
