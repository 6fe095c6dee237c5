package io.imgedge.shield.origin;

import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Fetches source images from one origin. Implementations are thread-safe. */
public interface OriginClient extends AutoCloseable {

  /**
   * Fetches a source. The future fails with an {@link io.imgedge.shield.OriginException} (not
   * found, unavailable, timeout) or an {@link io.imgedge.transform.ImageTooLargeException}.
   *
   * @param id the source; its path is relative to this origin and already validated
   * @param previous a stale copy to revalidate (a conditional request; on "not modified" it comes
   *     back with new freshness and the same bytes), or null
   */
  CompletableFuture<SourceObject> fetch(SourceId id, @Nullable SourceObject previous);

  /** Releases connections and threads. */
  @Override
  default void close() {}
}
