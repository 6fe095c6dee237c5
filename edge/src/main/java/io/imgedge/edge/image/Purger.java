package io.imgedge.edge.image;

import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.shield.wire.PurgeCommand;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;

/**
 * Spreads a purge: to every edge of the cluster (a Hazelcast topic, each member applying it to its
 * own memory) and to the shield tier. Purging is idempotent: purging twice is the same as once.
 */
public final class Purger {
  /** The cluster topic purges travel on. */
  public static final String TOPIC = "imgedge.purge";

  private static final Logger LOG = System.getLogger(Purger.class.getName());

  private final ClusterMember cluster;
  private final ShieldClient shield;

  /**
   * Subscribes this node's image service to the cluster's purges.
   *
   * @param service applies purges to this edge's memory
   * @param cluster the edge cluster
   * @param shield the shield tier
   */
  public Purger(ImageService service, ClusterMember cluster, ShieldClient shield) {
    this.cluster = cluster;
    this.shield = shield;
    cluster.subscribe(
        TOPIC,
        text -> {
          PurgeCommand command = PurgeCommand.decode(text);
          if (command != null) {
            service.purge(command);
          } else {
            LOG.log(Level.WARNING, "ignored a malformed purge message: " + text);
          }
        });
  }

  /** Purges on every edge and shield; completes when the shield tier has accepted it. */
  public CompletableFuture<Void> purge(PurgeCommand command) {
    cluster.publish(TOPIC, command.encode());
    return shield.purge(command);
  }
}
