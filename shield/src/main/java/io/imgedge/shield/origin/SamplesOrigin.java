package io.imgedge.shield.origin;

import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Serves the sample images bundled with imgedge ({@code /samples/} on the class path), so that a
 * node started with no configuration has something to show. Only the listed files are served.
 */
public final class SamplesOrigin implements OriginClient {
  /** The bundled samples, in the order the README lists them. */
  public static final List<String> SAMPLES =
      List.of("photo.jpg", "portrait.jpg", "logo.png", "animated.gif");

  private final SourceFactory sources;
  private final Instant modified;

  /**
   * @param sources builds source objects
   * @param modified the Last-Modified to report (the build or start time)
   */
  public SamplesOrigin(SourceFactory sources, Instant modified) {
    this.sources = sources;
    this.modified = modified;
  }

  @Override
  public CompletableFuture<SourceObject> fetch(SourceId id, @Nullable SourceObject previous) {
    if (!SAMPLES.contains(id.path())) {
      return CompletableFuture.failedFuture(
          new OriginException(
              OriginException.Kind.NOT_FOUND,
              "no sample image at /"
                  + id.path()
                  + "; the samples are "
                  + String.join(", ", SAMPLES)));
    }
    try (InputStream in = SamplesOrigin.class.getResourceAsStream("/samples/" + id.path())) {
      if (in == null) {
        throw new IllegalStateException("sample " + id.path() + " is missing from the class path");
      }
      return CompletableFuture.completedFuture(sources.fromFile(id, in.readAllBytes(), modified));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
