package io.imgedge.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How a node joins its Hazelcast cluster: by a static TCP-IP member list, or by the addresses a DNS
 * name resolves to (a Kubernetes headless service), looked up again whenever Hazelcast looks for
 * members. Multicast and auto-detection are always off.
 *
 * @param name cluster name; nodes with another name never join ({@code cluster.name})
 * @param bind interface Hazelcast binds to ({@code cluster.bind})
 * @param port first member port tried; the next few are tried too ({@code cluster.port})
 * @param members addresses of the members, {@code host} or {@code host:port} ({@code
 *     cluster.members}, comma-separated or a YAML list)
 * @param peerTimeout how long an edge waits for the key's owner before doing the work itself
 *     ({@code cluster.peer-timeout})
 * @param heartbeat how often members tell each other they are alive, whole seconds ({@code
 *     cluster.heartbeat})
 * @param failureTimeout how long without a heartbeat before a member is removed: a hung (paused,
 *     partitioned) member is dropped after this, whole seconds ({@code cluster.failure-timeout})
 * @param mergeDelay how often a cluster looks for the other side of a split brain to merge with,
 *     whole seconds ({@code cluster.merge-delay})
 * @param discovery how members find each other ({@code cluster.discovery}: {@code static} uses
 *     {@code members}, {@code dns} the addresses of {@code dns.name})
 * @param dnsName the name whose addresses are the members, e.g. a headless service's {@code
 *     imgedge-shield.imgedge.svc.cluster.local} ({@code cluster.dns.name})
 * @param dnsPort the member port at each of those addresses ({@code cluster.dns.port}; 0 for {@code
 *     port})
 */
public record ClusterConfig(
    String name,
    String bind,
    int port,
    List<String> members,
    Duration peerTimeout,
    Duration heartbeat,
    Duration failureTimeout,
    Duration mergeDelay,
    Discovery discovery,
    String dnsName,
    int dnsPort) {

  /** How members find each other. */
  public enum Discovery {
    /** The {@code cluster.members} list. */
    STATIC,
    /** Every address {@code cluster.dns.name} resolves to, at {@code cluster.dns.port}. */
    DNS
  }

  /** The defaults of {@code cluster.heartbeat}, {@code failure-timeout} and {@code merge-delay}. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);

  /** See {@link #DEFAULT_HEARTBEAT}. */
  public static final Duration DEFAULT_FAILURE_TIMEOUT = Duration.ofSeconds(15);

  /** See {@link #DEFAULT_HEARTBEAT}. */
  public static final Duration DEFAULT_MERGE_DELAY = Duration.ofSeconds(30);

  /** Copies the member list and checks that failure detection can work. */
  public ClusterConfig {
    members = List.copyOf(members);
    if (failureTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("failure-timeout must be at least twice the heartbeat");
    }
    if (discovery == Discovery.DNS && dnsName.isBlank()) {
      throw new IllegalArgumentException("DNS discovery needs a name");
    }
  }

  /** A cluster found by a static member list. */
  public ClusterConfig(
      String name,
      String bind,
      int port,
      List<String> members,
      Duration peerTimeout,
      Duration heartbeat,
      Duration failureTimeout,
      Duration mergeDelay) {
    this(
        name,
        bind,
        port,
        members,
        peerTimeout,
        heartbeat,
        failureTimeout,
        mergeDelay,
        Discovery.STATIC,
        "",
        0);
  }

  /** The port members listen on at the addresses DNS gives. */
  public int memberPort() {
    return dnsPort == 0 ? port : dnsPort;
  }

  /** The same cluster found through DNS: {@code dnsName}'s addresses at {@code dnsPort}. */
  public ClusterConfig withDns(String newDnsName, int newDnsPort) {
    return new ClusterConfig(
        name,
        bind,
        port,
        members,
        peerTimeout,
        heartbeat,
        failureTimeout,
        mergeDelay,
        Discovery.DNS,
        newDnsName,
        newDnsPort);
  }

  /** A cluster with the default failure detection and merge delay. */
  public ClusterConfig(
      String name, String bind, int port, List<String> members, Duration peerTimeout) {
    this(
        name,
        bind,
        port,
        members,
        peerTimeout,
        DEFAULT_HEARTBEAT,
        DEFAULT_FAILURE_TIMEOUT,
        DEFAULT_MERGE_DELAY);
  }

  /** The same cluster under another name. */
  public ClusterConfig withName(String newName) {
    return new ClusterConfig(
        newName,
        bind,
        port,
        members,
        peerTimeout,
        heartbeat,
        failureTimeout,
        mergeDelay,
        discovery,
        dnsName,
        dnsPort);
  }

  static ClusterConfig from(Settings s) {
    Setting raw = s.raw("cluster.members");
    List<String> members =
        Arrays.stream(raw.value().split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    Discovery discovery = s.choice("cluster.discovery", Discovery.class);
    String dnsName = s.string("cluster.dns.name");
    if (discovery == Discovery.STATIC && members.isEmpty()) {
      throw ConfigException.invalid(raw, "at least one member address such as 127.0.0.1");
    }
    if (discovery == Discovery.DNS && dnsName.isEmpty()) {
      throw ConfigException.invalid(
          s.raw("cluster.dns.name"),
          "a DNS name whose addresses are the members (cluster.discovery is dns), such as a"
              + " headless service's imgedge-shield.NAMESPACE.svc.cluster.local");
    }
    String name = s.string("cluster.name");
    if (name.isEmpty()) {
      throw ConfigException.invalid(s.raw("cluster.name"), "a non-empty name");
    }
    Duration heartbeat = seconds(s, "cluster.heartbeat");
    Duration failureTimeout = seconds(s, "cluster.failure-timeout");
    if (failureTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw ConfigException.invalid(
          s.raw("cluster.failure-timeout"),
          "at least twice cluster.heartbeat ("
              + heartbeat.toSeconds()
              + "s), so that one late heartbeat is not a failure");
    }
    return new ClusterConfig(
        name,
        s.string("cluster.bind"),
        s.integer("cluster.port", 1, 65535),
        members,
        s.duration("cluster.peer-timeout", Duration.ofMillis(10)),
        heartbeat,
        failureTimeout,
        seconds(s, "cluster.merge-delay"),
        discovery,
        dnsName,
        s.integer("cluster.dns.port", 0, 65535));
  }

  /** Hazelcast counts these in whole seconds. */
  private static Duration seconds(Settings s, String key) {
    Duration d = s.duration(key, Duration.ofSeconds(1));
    if (d.toMillis() % 1000 != 0) {
      throw ConfigException.invalid(s.raw(key), "a whole number of seconds, such as 1s, 5s or 1m");
    }
    return d;
  }
}
