package io.imgedge.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How a node joins its Hazelcast cluster: by TCP-IP member list only (multicast and auto-detection
 * are always off).
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
 */
public record ClusterConfig(
    String name,
    String bind,
    int port,
    List<String> members,
    Duration peerTimeout,
    Duration heartbeat,
    Duration failureTimeout,
    Duration mergeDelay) {

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
        newName, bind, port, members, peerTimeout, heartbeat, failureTimeout, mergeDelay);
  }

  static ClusterConfig from(Settings s) {
    Setting raw = s.raw("cluster.members");
    List<String> members =
        Arrays.stream(raw.value().split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    if (members.isEmpty()) {
      throw ConfigException.invalid(raw, "at least one member address such as 127.0.0.1");
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
        seconds(s, "cluster.merge-delay"));
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
