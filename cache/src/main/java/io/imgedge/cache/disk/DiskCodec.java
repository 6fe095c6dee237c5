package io.imgedge.cache.disk;

import java.io.IOException;

/**
 * How one tier's keys and values are stored on disk. Encoding a key must be stable (the same bytes
 * for equal keys, across restarts and nodes) and unambiguous (different bytes for different keys):
 * the key's bytes name its file and are checked on every read.
 *
 * @param <K> the tier's key
 * @param <V> the tier's value
 */
public interface DiskCodec<K, V> {

  /** The key's stable, unambiguous bytes. */
  byte[] encodeKey(K key);

  /**
   * The key back from its bytes.
   *
   * @throws IOException if the bytes are not a key of this tier (the file is then dropped)
   */
  K decodeKey(byte[] bytes) throws IOException;

  /**
   * The group a key belongs to, for purges by group (e.g. a derivative's source), or {@link
   * io.imgedge.cache.Groups} for several.
   */
  Object groupOf(K key);

  /** The value as stored. */
  DiskObject encode(V value);

  /**
   * The value back from what was stored.
   *
   * @throws IOException if the metadata cannot be read back (the file is then dropped)
   */
  V decode(K key, DiskObject object) throws IOException;
}
