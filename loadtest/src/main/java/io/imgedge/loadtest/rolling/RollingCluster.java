package io.imgedge.loadtest.rolling;

import io.imgedge.loadtest.cluster.ClusterNode;
import io.imgedge.loadtest.cluster.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Edges and shields on loopback, one process each, that can be stopped as Kubernetes stops a pod
 * (SIGTERM, then wait) and started again at the same addresses and ports with the same
 * configuration. Each node's output is appended to its log across restarts.
 */
final class RollingCluster implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** How one node runs: its configuration file, log, and the process now running it. */
  static final class Member {
    final ClusterNode node;
    final Path config;
    final Path log;
    @Nullable Process process;

    Member(ClusterNode node, Path config, Path log) {
      this.node = node;
      this.config = config;
      this.log = log;
    }
  }

  private final Path jar;
  private final List<String> jvm;
  private final Map<String, Member> members = new LinkedHashMap<>();

  private RollingCluster(Path jar, List<String> jvm) {
    this.jar = jar;
    this.jvm = List.copyOf(jvm);
  }

  /**
   * Writes every node's configuration and starts them all (shields first), returning once each is
   * ready.
   *
   * @param drainDelay the edges' node.drain-delay (shields take none: edges do not ask them)
   */
  static RollingCluster start(
      Path jar,
      Path dir,
      int edges,
      int shields,
      String originUrl,
      Duration drainDelay,
      List<String> jvmOptions,
      Duration startTimeout)
      throws IOException, InterruptedException {
    List<String> jvm = new ArrayList<>(LocalCluster.jvmFlags());
    jvm.addAll(jvmOptions);
    RollingCluster c = new RollingCluster(jar, jvm);
    String origins =
        "origins: [{name: origin, type: http, url: '" + originUrl + "', allow-private: true}]\n";
    String timing = "heartbeat: 1s, failure-timeout: 5s, merge-delay: 5s, peer-timeout: 5s";
    // Every port at once, held until all are chosen: lists chosen one after the other can share a
    // port, and a node would then find its port taken by another's.
    List<Integer> ports = freePorts(3 * shields + 4 * edges);
    List<Integer> shieldInternal = ports.subList(0, shields);
    List<Integer> shieldHz = ports.subList(shields, 2 * shields);
    List<Integer> shieldAdmin = ports.subList(2 * shields, 3 * shields);
    String shieldName = "rolling-shields-" + UUID.randomUUID();
    for (int i = 0; i < shields; i++) {
      String yaml =
          """
          node: {role: shield, internal-bind: 127.0.0.1, internal-port: %d, admin-port: %d, drain: 20s}
          cluster: {name: %s, bind: 127.0.0.1, port: %d, members: [%s], %s}
          """
                  .formatted(
                      shieldInternal.get(i),
                      shieldAdmin.get(i),
                      shieldName,
                      shieldHz.get(i),
                      members(shieldHz),
                      timing)
              + origins;
      c.add(
          dir,
          new ClusterNode(
              "shield",
              i,
              URI.create("http://127.0.0.1:" + shieldInternal.get(i)),
              URI.create("http://127.0.0.1:" + shieldAdmin.get(i))),
          yaml);
    }
    int first = 3 * shields;
    List<Integer> edgePublic = ports.subList(first, first + edges);
    List<Integer> edgeAdmin = ports.subList(first + edges, first + 2 * edges);
    List<Integer> edgeInternal = ports.subList(first + 2 * edges, first + 3 * edges);
    List<Integer> edgeHz = ports.subList(first + 3 * edges, first + 4 * edges);
    String edgeName = "rolling-edges-" + UUID.randomUUID();
    String pops =
        shieldInternal.stream().map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(", "));
    for (int i = 0; i < edges; i++) {
      String yaml =
          """
          node: {role: edge, public-bind: 127.0.0.1, public-port: %d, admin-port: %d, internal-bind: 127.0.0.1, internal-port: %d, drain: 20s, drain-delay: %dms}
          cluster: {name: %s, bind: 127.0.0.1, port: %d, members: [%s], %s}
          shield-pops: {local: [%s]}
          shield: {timeout: 20s}
          """
                  .formatted(
                      edgePublic.get(i),
                      edgeAdmin.get(i),
                      edgeInternal.get(i),
                      drainDelay.toMillis(),
                      edgeName,
                      edgeHz.get(i),
                      members(edgeHz),
                      timing,
                      pops)
              + origins;
      c.add(
          dir,
          new ClusterNode(
              "edge",
              i,
              URI.create("http://127.0.0.1:" + edgePublic.get(i)),
              URI.create("http://127.0.0.1:" + edgeAdmin.get(i))),
          yaml);
    }
    try {
      for (Member m : c.members.values()) {
        c.launch(m);
      }
      for (Member m : c.members.values()) {
        c.awaitReady(m, startTimeout);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void add(Path dir, ClusterNode node, String yaml) throws IOException {
    Path config = Files.writeString(dir.resolve(node.name() + ".yaml"), yaml);
    members.put(node.name(), new Member(node, config, dir.resolve(node.name() + ".log")));
  }

  /** Every node, shields first. */
  List<ClusterNode> nodes() {
    return members.values().stream().map(m -> m.node).toList();
  }

  /** The edges. */
  List<ClusterNode> edges() {
    return nodes().stream().filter(ClusterNode::isEdge).toList();
  }

  /** Starts a node's process (again). */
  void launch(Member m) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(LocalCluster.javaBinary());
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            m.node.role(),
            "--config",
            m.config.toString(),
            "--exit-with-parent"));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(m.log.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("IMGEDGE_"));
    m.process = pb.start();
  }

  /** The member running a node. */
  Member member(ClusterNode node) {
    Member m = members.get(node.name());
    if (m == null) {
      throw new IllegalArgumentException("no node " + node.name());
    }
    return m;
  }

  /**
   * Stops a node as Kubernetes stops a pod: SIGTERM, then waits for the process to end; after
   * {@code grace} it is killed (SIGKILL) and false returned.
   */
  boolean terminate(Member m, Duration grace) throws InterruptedException {
    Process p = m.process;
    if (p == null) {
      return true;
    }
    p.destroy(); // SIGTERM
    if (p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
    return false;
  }

  /** Waits until a node's {@code /health/ready} answers 200. */
  void awaitReady(Member m, Duration max) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      Process p = m.process;
      if (p == null || !p.isAlive()) {
        throw new IllegalStateException(
            m.node.name() + " exited during start-up; see " + m.log + ":\n" + tail(m.log));
      }
      if (ready(m.node)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        m.node.name() + " not ready after " + max.toSeconds() + " s; see " + m.log);
  }

  /** Whether a node answers 200 on {@code /health/ready} now. */
  static boolean ready(ClusterNode node) {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(node.admin() + "/health/ready"))
                      .timeout(Duration.ofMillis(500))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  /** Stops every node (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() {
    List<Member> all = new ArrayList<>(members.values());
    for (Member m : all) {
      if (m.process != null) {
        m.process.destroy();
      }
    }
    for (Member m : all) {
      Process p = m.process;
      if (p != null) {
        try {
          if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static String members(List<Integer> ports) {
    return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(", "));
  }

  private static List<Integer> freePorts(int n) {
    List<Integer> ports = new ArrayList<>();
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports.add(s.getLocalPort());
      }
      for (ServerSocket s : held) {
        s.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ports;
  }
}
