package io.imgedge.shield.origin;

import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.transform.ImageTooLargeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Serves sources from a local folder. A path can never leave the folder: it is normalised and
 * checked, and so is the real path after symbolic links are followed.
 */
public final class FolderOrigin implements OriginClient {
  private final Path root;
  private final Path realRoot;
  private final long maxBytes;
  private final SourceFactory sources;
  private final Executor executor;

  /**
   * @param root the folder
   * @param maxBytes largest file served
   * @param sources builds source objects
   * @param executor where file reads run (virtual threads)
   */
  public FolderOrigin(Path root, long maxBytes, SourceFactory sources, Executor executor) {
    this.root = root.toAbsolutePath().normalize();
    try {
      this.realRoot = this.root.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("origin folder " + root + " cannot be read", e);
    }
    this.maxBytes = maxBytes;
    this.sources = sources;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<SourceObject> fetch(SourceId id, @Nullable SourceObject previous) {
    return CompletableFuture.supplyAsync(() -> read(id), executor);
  }

  private SourceObject read(SourceId id) {
    Path file = root.resolve(id.path()).normalize();
    try {
      if (!file.startsWith(root)
          || !Files.isRegularFile(file)
          || !file.toRealPath().startsWith(realRoot)) {
        throw notFound(id);
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new ImageTooLargeException(
            "the source image is %d bytes; the largest accepted is %d bytes"
                .formatted(size, maxBytes));
      }
      byte[] bytes = Files.readAllBytes(file);
      return sources.fromFile(
          id, bytes, Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant());
    } catch (NoSuchFileException e) {
      throw notFound(id);
    } catch (IOException e) {
      throw new OriginException(
          OriginException.Kind.UNAVAILABLE, "the source image cannot be read", e);
    }
  }

  private static OriginException notFound(SourceId id) {
    return new OriginException(OriginException.Kind.NOT_FOUND, "no image at /" + id.path());
  }
}
