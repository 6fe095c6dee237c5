package io.imgedge.edge.admin;

import io.imgedge.cache.disk.DiskStatus;
import io.imgedge.edge.image.TopSources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /status} shows about a node.
 *
 * @param role all-in-one, edge or shield
 * @param version imgedge's version
 * @param description the node's start-up line (where it listens, what it serves)
 * @param uptime since the node started
 * @param ready whether it takes traffic
 * @param members the cluster's members and their share of the keys
 * @param tiers cache tiers on this node with hits and misses
 * @param topSources the most requested sources at this node (edges)
 * @param limits the limits in force
 * @param queue the transform pool's state, where this node renders
 * @param counters other figures an operator looks at first (requests, errors, fetches, ...)
 * @param codecs per format that depends on a native library, the codec in use or {@code not
 *     installed} (what then falls back is in the README), where this node renders
 * @param disks the disk tiers (none unless {@code cache.disk.path} is set): state, index rebuilding
 *     progress, objects, bytes
 */
public record NodeStatus(
    String role,
    String version,
    String description,
    Duration uptime,
    boolean ready,
    List<Member> members,
    List<Tier> tiers,
    List<TopSources.Entry> topSources,
    Map<String, String> limits,
    @Nullable Queue queue,
    Map<String, Long> counters,
    Map<String, String> codecs,
    List<DiskStatus> disks) {

  /** Copies the collections. */
  public NodeStatus {
    members = List.copyOf(members);
    tiers = List.copyOf(tiers);
    topSources = List.copyOf(topSources);
    limits = Map.copyOf(limits);
    counters = Map.copyOf(counters);
    codecs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(codecs));
    disks = List.copyOf(disks);
  }

  /**
   * A cluster member.
   *
   * @param address its Hazelcast address
   * @param internalUrl the URL other nodes reach it at, or ""
   * @param self whether it is this node
   * @param share its share of the keys (partitions owned / partitions), 0 to 1
   */
  public record Member(String address, String internalUrl, boolean self, double share) {}

  /**
   * A cache tier.
   *
   * @param name edge, shield (derivatives at a shield) or source (originals)
   * @param hits answers from the tier
   * @param misses look-ups it could not answer
   */
  public record Tier(String name, long hits, long misses) {
    /** hits / (hits + misses), 0 when unused. */
    public double ratio() {
      return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
    }
  }

  /**
   * The transform pool.
   *
   * @param concurrency transforms at once (limits.transform-concurrency)
   * @param capacity transforms that may wait (limits.transform-queue)
   * @param active transforms running now
   * @param queued transforms waiting now
   */
  public record Queue(int concurrency, int capacity, int active, int queued) {}
}
