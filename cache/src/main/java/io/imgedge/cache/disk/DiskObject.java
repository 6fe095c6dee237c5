package io.imgedge.cache.disk;

import io.imgedge.cache.Freshness;
import java.util.List;

/**
 * A value as the disk tier stores it: the parts its file's header shows (freshness, ETag, surrogate
 * keys), the value's other fields as its codec encodes them, and the body.
 *
 * @param freshness how long it stays fresh (from when it was received)
 * @param etag what identifies this version (a derivative's ETag, a source's validator)
 * @param metadata the value's other fields, encoded by its {@link DiskCodec} ({@link Fields})
 * @param surrogateKeys the origin's surrogate keys, for purges
 * @param body the payload (the image's bytes)
 */
public record DiskObject(
    Freshness freshness, String etag, byte[] metadata, List<String> surrogateKeys, byte[] body) {

  /** Copies the keys. */
  public DiskObject {
    surrogateKeys = List.copyOf(surrogateKeys);
  }
}
