package io.imgedge.edge.http;

import io.imgedge.cache.Freshness;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The encoded heads of one request line's answers from memory (a 200 and a 304), kept with its
 * parse, for the hit front. Each is remembered with the validators and freshness it was encoded
 * for, and encoded again when the held derivative changes (refreshed, re-rendered). Holds only
 * header bytes, never the image.
 */
final class EncodedHeads {
  private record Encoded(
      String etag, @Nullable Instant lastModified, Freshness freshness, byte[] bytes) {
    boolean isFor(String e, @Nullable Instant lm, Freshness f) {
      return etag.equals(e) && Objects.equals(lastModified, lm) && freshness.equals(f);
    }
  }

  private volatile @Nullable Encoded ok;
  private volatile @Nullable Encoded notModified;

  /** The head of a 200 for these validators, encoded on first use. */
  byte[] ok(String etag, @Nullable Instant lastModified, Freshness f, Supplier<byte[]> encode) {
    Encoded e = ok;
    if (e == null || !e.isFor(etag, lastModified, f)) {
      e = new Encoded(etag, lastModified, f, encode.get());
      ok = e;
    }
    return e.bytes();
  }

  /** The head of a 304 for these validators, encoded on first use. */
  byte[] notModified(
      String etag, @Nullable Instant lastModified, Freshness f, Supplier<byte[]> encode) {
    Encoded e = notModified;
    if (e == null || !e.isFor(etag, lastModified, f)) {
      e = new Encoded(etag, lastModified, f, encode.get());
      notModified = e;
    }
    return e.bytes();
  }
}
