package io.imgedge.edge.image;

import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.origin.OriginRouter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How an edge reaches the shield tier. The all-in-one node calls its in-process shield ({@link
 * LocalShieldClient}); edges of a cluster call shield nodes over HTTP.
 */
public interface ShieldClient {

  /**
   * Where a request path leads.
   *
   * @throws io.imgedge.shield.OriginException if the path is invalid or no origin serves it
   */
  OriginRouter.Routed route(String path);

  /** Renders (or returns the shield's copy of) a derivative. */
  CompletableFuture<Derivative> render(OriginRouter.Routed route, DerivativeRequest request);

  /** What the shield knows of a derivative without rendering it, if anything. */
  Optional<DerivativeMetadata> metadataIfKnown(DerivativeRequest request);
}
