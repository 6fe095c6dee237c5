package io.imgedge.edge.app;

import io.imgedge.edge.image.DerivativeMetadata;
import io.imgedge.edge.image.ShieldClient;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.Shield;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.wire.PurgeCommand;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The all-in-one node's shield client: calls the shield in the same JVM. */
public final class LocalShieldClient implements ShieldClient {
  private final Shield shield;

  /**
   * @param shield the in-process shield
   */
  public LocalShieldClient(Shield shield) {
    this.shield = shield;
  }

  @Override
  public OriginRouter.Routed route(@Nullable String host, String path) {
    return shield.origins().route(host, path);
  }

  @Override
  public OriginRouter.Routed route(io.imgedge.shield.SourceId id) {
    return shield.origins().route(id);
  }

  @Override
  public CompletableFuture<Derivative> render(
      OriginRouter.Routed route, DerivativeRequest request) {
    return shield.render(route, request);
  }

  @Override
  public Optional<DerivativeMetadata> metadataIfKnown(DerivativeRequest request) {
    if (request.key().overlaySource() != null) {
      return Optional.empty(); // its ETag depends on the overlay's version too: render (or hit)
    }
    return shield
        .sourceIfFresh(request.source())
        .map(
            s ->
                new DerivativeMetadata(
                    request.etag(s.validator()), s.lastModified(), s.freshness()));
  }

  @Override
  public CompletableFuture<Void> purge(PurgeCommand command) {
    apply(shield, command);
    return CompletableFuture.completedFuture(null);
  }

  /** Applies a purge to a shield. */
  public static void apply(Shield shield, PurgeCommand command) {
    switch (command) {
      case PurgeCommand.Source s -> shield.purgeSource(s.id());
      case PurgeCommand.SurrogateKey k -> shield.purgeSurrogateKey(k.key());
      case PurgeCommand.All a -> shield.purgeAll();
    }
  }
}
