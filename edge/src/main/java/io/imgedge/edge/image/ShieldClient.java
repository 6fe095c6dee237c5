package io.imgedge.edge.image;

import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.wire.PurgeCommand;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * How an edge reaches the shield tier. The all-in-one node calls its in-process shield (the app
 * package's {@code LocalShieldClient}); edges of a cluster call shield nodes over HTTP ({@link
 * HttpShieldClient}).
 */
public interface ShieldClient {

  /**
   * Where a request leads.
   *
   * @param host the request's Host without port, or null
   * @throws io.imgedge.shield.OriginException if the path is invalid or no origin serves it
   */
  OriginRouter.Routed route(@Nullable String host, String path);

  /**
   * Where a source named by another node leads.
   *
   * @throws io.imgedge.shield.OriginException if this node has no such origin
   */
  OriginRouter.Routed route(io.imgedge.shield.SourceId id);

  /** Renders (or returns the shield's copy of) a derivative. */
  CompletableFuture<Derivative> render(OriginRouter.Routed route, DerivativeRequest request);

  /** What is known of a derivative without rendering or calling anyone, if anything. */
  Optional<DerivativeMetadata> metadataIfKnown(DerivativeRequest request);

  /** Purges at the shield tier (every shield POP); completes when the shields have accepted it. */
  CompletableFuture<Void> purge(PurgeCommand command);
}
