package io.imgedge.shield;

import io.imgedge.cache.Cacheable;
import io.imgedge.cache.Freshness;
import io.imgedge.transform.ImageFormat;
import java.time.Instant;
import java.util.List;
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
 * @param revalidation the origin's own validators, to revalidate with a conditional request
 * @param surrogateKeys the origin's {@code Surrogate-Key}s, for purging groups of objects
 */
public record SourceObject(
    SourceId id,
    byte[] bytes,
    @Nullable ImageFormat declared,
    String validator,
    @Nullable Instant lastModified,
    Freshness freshness,
    Revalidation revalidation,
    List<String> surrogateKeys)
    implements Cacheable {

  /**
   * The validators an origin gave, sent back as {@code If-None-Match} and {@code
   * If-Modified-Since}.
   *
   * @param etag the origin's ETag header, or null
   * @param lastModified the origin's Last-Modified header, or null
   */
  public record Revalidation(@Nullable String etag, @Nullable String lastModified) {
    /** No validators: the source can only be fetched again in full. */
    public static final Revalidation NONE = new Revalidation(null, null);

    /** Whether a conditional request is possible. */
    public boolean possible() {
      return etag != null || lastModified != null;
    }
  }

  /** Copies the keys. */
  public SourceObject {
    surrogateKeys = List.copyOf(surrogateKeys);
  }

  /** The same source, revalidated now with new freshness (after a 304). */
  public SourceObject withFreshness(Freshness refreshed) {
    return new SourceObject(
        id, bytes, declared, validator, lastModified, refreshed, revalidation, surrogateKeys);
  }

  @Override
  public long sizeInBytes() {
    return bytes.length + 256L;
  }
}
