package io.imgedge.edge.image;

import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.shield.DerivativeKey;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Who renders a key in the edge cluster: another member's internal URL, or null for this node. */
@FunctionalInterface
public interface KeyOwners {

  /**
   * The owner's internal URL when another member owns the key; null when this node does (or none is
   * known).
   */
  @Nullable URI remoteOwner(DerivativeKey key);

  /** Ownership by Hazelcast partition of the key's encoded form, among the cluster's members. */
  static KeyOwners of(ClusterMember cluster) {
    return key -> {
      var owner = cluster.ownerOf(key.encoded());
      if (owner == null || owner.localMember()) {
        return null;
      }
      String url = ClusterMember.internalUrlOf(owner);
      return url == null ? null : URI.create(url);
    };
  }

  /** A node alone: it owns every key. */
  static KeyOwners alone() {
    return key -> null;
  }
}
