package io.imgedge.edge.image;

import io.imgedge.shield.Derivative;

/** What the edge answers for an image request. */
public sealed interface Served {

  /**
   * The derivative itself.
   *
   * @param derivative the image and its metadata
   * @param hit whether the edge had it in memory (X-Cache: HIT)
   * @param renderMillis time spent waiting for the shield on a miss, 0 on a hit
   */
  record Image(Derivative derivative, boolean hit, double renderMillis) implements Served {}

  /**
   * 304: the client's copy is current.
   *
   * @param metadata the validators and freshness to send
   * @param hit whether the edge had the derivative in memory
   */
  record NotModified(DerivativeMetadata metadata, boolean hit) implements Served {}
}
