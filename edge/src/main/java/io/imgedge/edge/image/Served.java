package io.imgedge.edge.image;

import io.imgedge.shield.Derivative;

/** What the edge answers for an image request. */
public sealed interface Served {

  /** Where the answer came from ({@code X-Cache}). */
  enum Source {
    /** Fresh from this edge's memory. */
    HIT,
    /** A stale copy, served within stale-while-revalidate or stale-if-error. */
    STALE,
    /** Not in this edge's memory: from the key's owner or the shield. */
    MISS
  }

  /**
   * The derivative itself.
   *
   * @param derivative the image and its metadata
   * @param source where it came from
   * @param waitMillis time spent waiting for the owner or shield on a miss, 0 otherwise
   */
  record Image(Derivative derivative, Source source, double waitMillis) implements Served {}

  /**
   * 304: the client's copy is current.
   *
   * @param metadata the validators and freshness to send
   * @param source where the validators came from
   */
  record NotModified(DerivativeMetadata metadata, Source source) implements Served {}
}
