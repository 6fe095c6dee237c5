package io.imgedge.shield.wire;

import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.cache.cluster.Rendezvous;
import io.imgedge.shield.SourceId;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Which shield node owns a source: the first by rendezvous hash of the source over the live
 * members' internal URLs. Edges rank their configured shield URLs the same way, so a request
 * normally lands on the owner at once; a shield that gets one for another owner forwards it once.
 */
public final class ShieldPeers {
  private final ClusterMember cluster;
  private final URI self;

  /**
   * @param cluster the shield cluster
   * @param self this node's internal URL, as edges have it configured
   */
  public ShieldPeers(ClusterMember cluster, URI self) {
    this.cluster = cluster;
    this.self = self;
  }

  /** The owner of a source, by rendezvous over the live shield nodes. */
  public URI ownerOf(SourceId id) {
    List<URI> live =
        cluster.members().stream()
            .map(ClusterMember::internalUrlOf)
            .filter(Objects::nonNull)
            .map(URI::create)
            .toList();
    return live.isEmpty() ? self : Rendezvous.rank(id.key(), live, URI::toString).get(0);
  }

  /** Whether a URL is this node. */
  public boolean isSelf(URI node) {
    return self.equals(node);
  }
}
