package io.imgedge.shield.origin;

import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import java.util.concurrent.CompletableFuture;

/** Fetches source images from one origin. Implementations are thread-safe. */
public interface OriginClient extends AutoCloseable {

  /**
   * Fetches a source. The future fails with an {@link io.imgedge.shield.OriginException} (not
   * found, unavailable, timeout) or an {@link io.imgedge.transform.ImageTooLargeException}.
   *
   * @param id the source; its path is relative to this origin and already validated
   */
  CompletableFuture<SourceObject> fetch(SourceId id);

  /** Releases connections and threads. */
  @Override
  default void close() {}
}
