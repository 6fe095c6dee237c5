package io.imgedge.config;

import java.util.Arrays;
import java.util.List;

/**
 * How a node joins its Hazelcast cluster: by TCP-IP member list only (multicast and
 * auto-detection are always off).
 *
 * @param name cluster name; nodes with another name never join ({@code cluster.name})
 * @param bind interface Hazelcast binds to ({@code cluster.bind})
 * @param port first member port tried; the next few are tried too ({@code cluster.port})
 * @param members addresses of the members, {@code host} or {@code host:port} ({@code
 *     cluster.members}, comma-separated or a YAML list)
 * @param peerTimeout how long an edge waits for the key's owner before doing the work itself
 *     ({@code cluster.peer-timeout})
 */
public record ClusterConfig(
    String name, String bind, int port, List<String> members, java.time.Duration peerTimeout) {

  /** Copies the member list. */
  public ClusterConfig {
    members = List.copyOf(members);
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
    return new ClusterConfig(name, s.string("cluster.bind"), s.integer("cluster.port", 1, 65535), members,
        s.duration("cluster.peer-timeout", java.time.Duration.ofMillis(10)));
  }
}
