package io.imgedge.edge.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code imgedge cluster}: a local cluster on loopback, one process per node: M shield nodes (one
 * shield POP, its own Hazelcast cluster) and N edge nodes (one edge POP) in front of them. Prints
 * one line per node and stops them all on Ctrl-C (or when it is killed: the nodes watch it).
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description =
        "Start a local cluster on loopback (N edges, M shields, one process each); Ctrl-C stops it.")
public final class ClusterCommand implements Callable<Integer> {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  @Option(names = "--edges", defaultValue = "3", description = "Edge nodes (default 3).")
  int edges;

  @Option(names = "--shields", defaultValue = "2", description = "Shield nodes (default 2).")
  int shields;

  @Option(
      names = "--origin",
      paramLabel = "DIR|URL",
      description = "Origin folder or http(s) URL (default: the bundled samples).")
  @Nullable String origin;

  /** One node process and where it answers. */
  private record Started(String role, Process process, String url, int adminPort, Path log) {}

  @Override
  public Integer call() throws Exception {
    if (edges < 1 || edges > 16 || shields < 1 || shields > 16) {
      System.err.println("imgedge cluster: --edges and --shields must be between 1 and 16");
      return 2;
    }
    Path dir = Files.createTempDirectory("imgedge-cluster-");
    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    List<Started> nodes = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(nodes), "imgedge-cluster-stop"));
    LoopbackPorts free = LoopbackPorts.belowEphemeralRange();
    List<Integer> shieldInternal = free.take(shields);
    List<Integer> shieldCluster = free.take(shields);
    String shieldName = "imgedge-shields-" + UUID.randomUUID();
    List<Integer> shieldAdmin = free.take(shields);
    for (int i = 0; i < shields; i++) {
      Path config =
          write(
              dir,
              "shield-" + i,
              shieldYaml(
                  shieldInternal.get(i),
                  shieldAdmin.get(i),
                  shieldCluster.get(i),
                  shieldCluster,
                  shieldName,
                  token));
      nodes.add(
          start(
              "shield",
              i,
              config,
              dir,
              "http://127.0.0.1:" + shieldInternal.get(i),
              shieldAdmin.get(i)));
    }
    List<Integer> edgeCluster = free.take(edges);
    String edgeName = "imgedge-edges-" + UUID.randomUUID();
    List<Integer> edgePublic = free.take(edges);
    List<Integer> edgeAdmin = free.take(edges);
    List<Integer> edgeInternal = free.take(edges);
    for (int i = 0; i < edges; i++) {
      String yaml =
          edgeYaml(
              edgePublic.get(i),
              edgeAdmin.get(i),
              edgeInternal.get(i),
              edgeCluster.get(i),
              edgeCluster,
              edgeName,
              shieldInternal,
              token);
      Path config = write(dir, "edge-" + i, yaml);
      nodes.add(
          start("edge", i, config, dir, "http://127.0.0.1:" + edgePublic.get(i), edgeAdmin.get(i)));
    }
    for (Started n : nodes) {
      awaitReady(n);
      System.out.println(
          n.role() + " " + n.url() + " (admin http://127.0.0.1:" + n.adminPort() + ")");
    }
    System.out.println("purge token: " + token + "   logs and configs: " + dir);
    System.out.println("Ctrl-C stops the cluster.");
    new CountDownLatch(1).await();
    return 0;
  }

  private String originYaml() {
    if (origin == null) {
      return "origins: [{name: samples, type: samples}]\n";
    }
    boolean http = origin.startsWith("http://") || origin.startsWith("https://");
    // The origin is the operator's own choice on the command line, as with `run --origin`: it may
    // be
    // on loopback or a private network (the SSRF guard stays on for configured origins).
    return http
        ? "origins: [{name: origin, type: http, url: '" + origin + "', allow-private: true}]\n"
        : "origins: [{name: origin, type: folder, folder: '"
            + Path.of(origin).toAbsolutePath()
            + "'}]\n";
  }

  private String shieldYaml(
      int internal,
      int admin,
      int clusterPort,
      List<Integer> clusterPorts,
      String name,
      String token) {
    return """
        node: {role: shield, internal-bind: 127.0.0.1, internal-port: %d, admin-port: %d}
        cluster: {name: %s, bind: 127.0.0.1, port: %d, members: [%s]}
        admin: {token: %s}
        """
            .formatted(internal, admin, name, clusterPort, members(clusterPorts), token)
        + originYaml();
  }

  private String edgeYaml(
      int publicPort,
      int admin,
      int internal,
      int clusterPort,
      List<Integer> clusterPorts,
      String name,
      List<Integer> shieldInternal,
      String token) {
    String shieldUrls =
        shieldInternal.stream().map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(", "));
    return """
        node: {role: edge, public-bind: 127.0.0.1, public-port: %d, admin-port: %d, internal-bind: 127.0.0.1, internal-port: %d}
        cluster: {name: %s, bind: 127.0.0.1, port: %d, members: [%s]}
        shield-pops: {local: [%s]}
        admin: {token: %s}
        """
            .formatted(
                publicPort,
                admin,
                internal,
                name,
                clusterPort,
                members(clusterPorts),
                shieldUrls,
                token)
        + originYaml();
  }

  private static String members(List<Integer> ports) {
    return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(", "));
  }

  private static Path write(Path dir, String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name + ".yaml"), yaml);
  }

  private static Started start(String role, int i, Path config, Path dir, String url, int admin)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmFlags());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.imgedge.edge.app.Main",
            role,
            "--config",
            config.toString(),
            "--exit-with-parent"));
    Path log = dir.resolve(role + "-" + i + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // The cluster decides each node's addresses, ports and membership (the lines it prints say
    // them): an IMGEDGE_NODE_* or IMGEDGE_CLUSTER_* variable of this shell would override them.
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("IMGEDGE_NODE_") || k.startsWith("IMGEDGE_CLUSTER_"));
    Process p = pb.start();
    return new Started(role, p, url, admin, log);
  }

  /** The JVM flags this process runs with that its nodes need too (module access, headless). */
  private static List<String> jvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-")
                    || a.startsWith("--enable-native-access")
                    || a.startsWith("--sun-misc")
                    || a.startsWith("-Djava.awt.headless"))
        .toList();
  }

  private static void awaitReady(Started n) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(n.log()) && Files.readString(n.log()).contains("imgedge " + n.role())) {
        return;
      }
      if (!n.process().isAlive()) {
        throw new IllegalStateException(n.role() + " exited during start-up; see " + n.log());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(n.role() + " did not start in time; see " + n.log());
  }

  private static void stopAll(List<Started> nodes) {
    nodes.forEach(n -> n.process().destroy());
    for (Started n : nodes) {
      try {
        if (!n.process().waitFor(15, TimeUnit.SECONDS)) {
          n.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
