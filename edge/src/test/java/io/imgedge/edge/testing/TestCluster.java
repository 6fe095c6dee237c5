package io.imgedge.edge.testing;

import io.imgedge.cache.Time;
import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.edge.app.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A real cluster in one JVM, on loopback: shield nodes (their own Hazelcast cluster) and edge nodes
 * (theirs) in front of them, all configured like production from YAML, with cluster names of their
 * own so that concurrent tests never meet.
 */
public final class TestCluster implements AutoCloseable {
  /** The admin token every node of a test cluster accepts. */
  public static final String TOKEN = "test-admin-token-0123456789";

  private final List<Node> shields = new ArrayList<>();
  private final List<Node> edges = new ArrayList<>();
  private final List<Integer> shieldPorts;
  private final Time time;

  private TestCluster(List<Integer> shieldPorts, Time time) {
    this.shieldPorts = shieldPorts;
    this.time = time;
  }

  /**
   * Starts {@code shieldCount} shields and {@code edgeCount} edges for an HTTP origin.
   *
   * @param extraYaml more configuration for every node (e.g. cache or shield settings), or "";
   *     {@code {node}} in it is replaced by the node's name ({@code shield-0}, {@code edge-1}, ...)
   */
  public static TestCluster start(
      String originUrl, int edgeCount, int shieldCount, String extraYaml) {
    return start(originUrl, edgeCount, shieldCount, extraYaml, "shield: {timeout: 10s}\n");
  }

  /**
   * Like {@link #start(String, int, int, String)}, with the edges' {@code shield:} section given.
   */
  public static TestCluster start(
      String originUrl, int edgeCount, int shieldCount, String extraYaml, String edgeShieldYaml) {
    return start(originUrl, edgeCount, shieldCount, extraYaml, edgeShieldYaml, Time.system());
  }

  /**
   * Like {@link #start(String, int, int, String, String)}, every node reading time from {@code
   * time} (a {@code FakeClock}'s: the test advances it instead of sleeping).
   */
  public static TestCluster start(
      String originUrl,
      int edgeCount,
      int shieldCount,
      String extraYaml,
      String edgeShieldYaml,
      Time time) {
    Path dir = tempDir();
    List<Integer> shieldPorts = freePorts(shieldCount);
    TestCluster cluster = new TestCluster(shieldPorts, time);
    String origins =
        "origins: [{name: site, type: http, url: '" + originUrl + "', allow-private: true}]\n";
    String shieldName = "test-shields-" + UUID.randomUUID();
    List<Integer> shieldHz = freePorts(shieldCount);
    try {
      for (int i = 0; i < shieldCount; i++) {
        cluster.shields.add(
            cluster.start(
                dir,
                "shield-" + i,
                """
            node: {role: shield, internal-bind: 127.0.0.1, internal-port: %d, admin-port: 0}
            cluster: {name: %s, bind: 127.0.0.1, port: %d, members: [%s], peer-timeout: 5s}
            admin: {token: %s}
            """
                        .formatted(
                            shieldPorts.get(i),
                            shieldName,
                            shieldHz.get(i),
                            members(shieldHz),
                            TOKEN)
                    + origins
                    + extraYaml));
      }
      String edgeName = "test-edges-" + UUID.randomUUID();
      List<Integer> edgeHz = freePorts(edgeCount);
      String pops =
          shieldPorts.stream().map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(", "));
      for (int i = 0; i < edgeCount; i++) {
        cluster.edges.add(
            cluster.start(
                dir,
                "edge-" + i,
                """
            node: {role: edge, public-bind: 127.0.0.1, public-port: 0, admin-port: 0, internal-bind: 127.0.0.1, internal-port: 0}
            cluster: {name: %s, bind: 127.0.0.1, port: %d, members: [%s], peer-timeout: 5s}
            shield-pops: {local: [%s]}
            admin: {token: %s}
            """
                        .formatted(edgeName, edgeHz.get(i), members(edgeHz), pops, TOKEN)
                    + edgeShieldYaml
                    + origins
                    + extraYaml));
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private Node start(Path dir, String name, String yaml) {
    try {
      Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml.replace("{node}", name));
      return Node.start(ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE), time);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The edge nodes, in start order. */
  public List<Node> edges() {
    return edges;
  }

  /** The shield nodes, in start order. */
  public List<Node> shields() {
    return shields;
  }

  /** A shield's internal URL, as the edges have it configured. */
  public String shieldUrl(int i) {
    return "http://127.0.0.1:" + shieldPorts.get(i);
  }

  /** Sum of a counter or timer count over the shields. */
  public double shieldCount(String meter) {
    return sum(shields, meter);
  }

  /** Sum of a counter or timer count over the edges. */
  public double edgeCount(String meter) {
    return sum(edges, meter);
  }

  private static double sum(List<Node> nodes, String meter) {
    return nodes.stream()
        .flatMap(n -> n.registry().find(meter).meters().stream())
        .mapToDouble(
            m -> {
              for (var measurement : m.measure()) {
                if (measurement.getStatistic().name().equals("COUNT")) {
                  return measurement.getValue();
                }
              }
              return 0;
            })
        .sum();
  }

  @Override
  public void close() {
    edges.forEach(Node::close);
    shields.forEach(Node::close);
  }

  private static String members(List<Integer> ports) {
    return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(", "));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("imgedge-test-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Free loopback ports (for Hazelcast members, whose list must be known in advance). */
  public static List<Integer> freePorts(int n) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      List<Integer> ports = held.stream().map(ServerSocket::getLocalPort).toList();
      for (ServerSocket s : held) {
        s.close();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
