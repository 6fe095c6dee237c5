package io.imgedge.edge.image;

import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.Shield;
import io.imgedge.shield.origin.OriginRouter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The all-in-one node's shield client: calls the shield in the same JVM. */
public final class LocalShieldClient implements ShieldClient {
  private final Shield shield;

  /** @param shield the in-process shield */
  public LocalShieldClient(Shield shield) {
    this.shield = shield;
  }

  @Override
  public OriginRouter.Routed route(String path) {
    return shield.route(path);
  }

  @Override
  public CompletableFuture<Derivative> render(OriginRouter.Routed route, DerivativeRequest request) {
    return shield.render(route, request);
  }

  @Override
  public Optional<DerivativeMetadata> metadataIfKnown(DerivativeRequest request) {
    return shield.sourceIfFresh(request.source())
        .map(s -> new DerivativeMetadata(request.etag(s.validator()), s.lastModified(), s.freshness()));
  }
}
