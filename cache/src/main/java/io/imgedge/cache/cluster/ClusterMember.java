package io.imgedge.cache.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.imgedge.config.ClusterConfig;
import java.net.InetAddress;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * This node's membership in its Hazelcast cluster. The configuration is built here and only here:
 * members join by TCP-IP member list or by the addresses of a DNS name ({@link DnsDiscovery});
 * multicast, auto-detection and phone-home are always off; Hazelcast binds to the configured
 * address only.
 */
public final class ClusterMember implements AutoCloseable {
  private final HazelcastInstance hazelcast;

  private ClusterMember(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  /** The member attribute that holds a node's internal URL, for peers to call it. */
  public static final String INTERNAL_URL = "imgedge.internal-url";

  /**
   * Starts a member and joins (or forms) the cluster. Takes a few seconds.
   *
   * @param internalUrl this node's internal URL, published to the other members
   */
  public static ClusterMember join(ClusterConfig cluster, String internalUrl) {
    Config c = hazelcastConfig(cluster);
    c.getMemberAttributeConfig().setAttribute(INTERNAL_URL, internalUrl);
    ClusterMember member = new ClusterMember(Hazelcast.newHazelcastInstance(c));
    member.warmUpPartitions(java.time.Duration.ofSeconds(10));
    return member;
  }

  /**
   * Hazelcast assigns partitions lazily, on first use; asking for every owner makes the table exist
   * before the node serves, so ownership is known from its first request (bounded wait).
   */
  private void warmUpPartitions(java.time.Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    for (Partition p : hazelcast.getPartitionService().getPartitions()) {
      while (p.getOwner() == null && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
  }

  /**
   * Starts a member that forms a cluster of one and never tries to join anyone (every join method
   * off), for the all-in-one node. Its name is made unique, so no other member joins it either.
   */
  public static ClusterMember standalone(ClusterConfig cluster) {
    Config c = hazelcastConfig(cluster.withName(cluster.name() + "-" + UUID.randomUUID()));
    c.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
    c.getNetworkConfig().getJoin().getDiscoveryConfig().getDiscoveryStrategyConfigs().clear();
    c.setProperty("hazelcast.discovery.enabled", "false");
    // Hazelcast warns "No join method is enabled! Starting standalone." for exactly this intent.
    Logger.getLogger("com.hazelcast.instance.impl.Node")
        .setFilter(
            r -> r.getMessage() == null || !r.getMessage().contains("No join method is enabled"));
    return new ClusterMember(Hazelcast.newHazelcastInstance(c));
  }

  /** The Hazelcast configuration for a cluster config; public for tests that inspect it. */
  public static Config hazelcastConfig(ClusterConfig cluster) {
    Config c = new Config();
    c.setClusterName(cluster.name());
    c.setInstanceName("imgedge-" + cluster.name() + "-" + System.nanoTime());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "jdk");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    // A leaving member hands its partitions over first (close()); bounded, not the default 600 s.
    c.setProperty("hazelcast.graceful.shutdown.max.wait", "30");
    c.setProperty(
        "hazelcast.heartbeat.interval.seconds", Long.toString(cluster.heartbeat().toSeconds()));
    c.setProperty(
        "hazelcast.max.no.heartbeat.seconds", Long.toString(cluster.failureTimeout().toSeconds()));
    c.setProperty(
        "hazelcast.merge.first.run.delay.seconds", Long.toString(cluster.mergeDelay().toSeconds()));
    c.setProperty(
        "hazelcast.merge.next.run.delay.seconds", Long.toString(cluster.mergeDelay().toSeconds()));
    c.getJetConfig().setEnabled(false);
    c.getMetricsConfig().setEnabled(false);
    // Listen on the bound address only, not on every address of the machine.
    c.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(cluster.port()).setPortAutoIncrement(true).setPortCount(20);
    n.getInterfaces().setEnabled(true).addInterface(cluster.bind());
    if (isLoopbackAlias(cluster.bind())) {
      // 127.0.0.2 and the like are this machine's but no interface lists them: name it directly.
      c.setProperty("hazelcast.local.localAddress", cluster.bind());
    }
    n.getRestApiConfig().setEnabled(false);
    JoinConfig join = n.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    switch (cluster.discovery()) {
      case STATIC -> join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
      case DNS -> {
        join.getTcpIpConfig().setEnabled(false);
        c.setProperty("hazelcast.discovery.enabled", "true");
        join.getDiscoveryConfig()
            .addDiscoveryStrategyConfig(
                new DiscoveryStrategyConfig(
                    new DnsDiscovery(
                        cluster.dnsName(), cluster.memberPort(), InetAddress::getAllByName),
                    java.util.Map.of()));
      }
    }
    return c;
  }

  private static boolean isLoopbackAlias(String bind) {
    return bind.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") && !bind.equals("127.0.0.1");
  }

  /**
   * The member that owns a key's partition, or null while ownership is being established. The
   * answer can be stale as soon as it is returned (during migration); callers fall back to local
   * work.
   */
  public @Nullable Member ownerOf(Object key) {
    Partition partition = hazelcast.getPartitionService().getPartition(key);
    return partition.getOwner();
  }

  /** Whether this member owns a key (true also when no owner is known: do the work here). */
  public boolean ownsOrUnknown(Object key) {
    Member owner = ownerOf(key);
    return owner == null || owner.localMember();
  }

  /** A member's internal URL, or null if it published none. */
  public static @Nullable String internalUrlOf(Member member) {
    return member.getAttribute(INTERNAL_URL);
  }

  /**
   * Publishes a message to every member (this one included) listening on a topic. Delivery is best
   * effort and fast (well under a second on a healthy cluster).
   */
  public void publish(String topic, String message) {
    hazelcast.<String>getTopic(topic).publish(message);
  }

  /** Calls {@code listener} with every message published on a topic, by any member. */
  public void subscribe(String topic, java.util.function.Consumer<String> listener) {
    hazelcast
        .<String>getTopic(topic)
        .addMessageListener(m -> listener.accept(m.getMessageObject()));
  }

  /**
   * How many partitions each member owns: its share of the keys (for the status page). Members that
   * own none yet are absent.
   */
  public java.util.Map<Member, Integer> partitionsOwned() {
    java.util.Map<Member, Integer> owned = new java.util.HashMap<>();
    for (Partition p : hazelcast.getPartitionService().getPartitions()) {
      Member owner = p.getOwner();
      if (owner != null) {
        owned.merge(owner, 1, Integer::sum);
      }
    }
    return owned;
  }

  /** This member. */
  public Member self() {
    return hazelcast.getCluster().getLocalMember();
  }

  /** The current members, this one included. */
  public Set<Member> members() {
    return hazelcast.getCluster().getMembers();
  }

  /** A one-line description for the start-up log and the status page. */
  public String describe() {
    return "cluster '%s' as %s, %d member(s): %s"
        .formatted(
            hazelcast.getConfig().getClusterName(),
            self().getAddress(),
            members().size(),
            members().stream()
                .map(m -> m.getAddress().toString())
                .collect(Collectors.joining(", ")));
  }

  /**
   * Whether every partition has an owner and no migration is pending: until then ownership answers
   * may be missing or stale (callers fall back to local work meanwhile).
   */
  public boolean isClusterSafe() {
    return hazelcast.getPartitionService().isClusterSafe();
  }

  /** Whether the member is running. */
  public boolean isRunning() {
    return hazelcast.getLifecycleService().isRunning();
  }

  /** Leaves the cluster abruptly, without migrating anything first (as a crash would). */
  public void terminate() {
    hazelcast.getLifecycleService().terminate();
  }

  /** Leaves the cluster gracefully. */
  @Override
  public void close() {
    if (hazelcast.getLifecycleService().isRunning()) {
      hazelcast.shutdown();
    }
  }
}
