package io.imgedge.loadtest.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local cluster started through the launcher's {@code imgedge cluster} command (one process per
 * node, all on loopback), as a load test needs it: the nodes' URLs, the purge token, and the means
 * to kill one node as a crash would ({@link #kill}).
 */
public final class LocalCluster implements AutoCloseable {
  private static final Pattern NODE = Pattern.compile("^(edge|shield) (\\S+) \\(admin (\\S+)\\)$");
  private static final Pattern TOKEN =
      Pattern.compile("^purge token: (\\S+)\\s+logs and configs: (\\S+)$");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process launcher;
  private final List<ClusterNode> nodes;
  private final String token;
  private final Path dir;

  private LocalCluster(Process launcher, List<ClusterNode> nodes, String token, Path dir) {
    this.launcher = launcher;
    this.nodes = List.copyOf(nodes);
    this.token = token;
    this.dir = dir;
  }

  /**
   * Starts {@code edges} edges and {@code shields} shields in front of {@code origin} and returns
   * when every node is ready.
   *
   * @param jar the imgedge fat jar
   * @param origin the origin URL or folder the nodes serve
   * @param log where the launcher's output goes
   */
  public static LocalCluster start(Path jar, int edges, int shields, String origin, Path log)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmFlags());
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "cluster",
            "--edges",
            String.valueOf(edges),
            "--shields",
            String.valueOf(shields),
            "--origin",
            origin));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      return read(p, log, edges + shields);
    } catch (IOException | RuntimeException e) {
      p.destroy();
      throw e;
    }
  }

  private static LocalCluster read(Process p, Path log, int expected) throws IOException {
    List<ClusterNode> nodes = new ArrayList<>();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    var reader =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher node = NODE.matcher(line.trim());
      if (node.matches()) {
        int index = (int) nodes.stream().filter(n -> n.role().equals(node.group(1))).count();
        nodes.add(
            new ClusterNode(
                node.group(1), index, URI.create(node.group(2)), URI.create(node.group(3))));
      }
      Matcher token = TOKEN.matcher(line.trim());
      if (token.matches() && nodes.size() == expected) {
        Files.writeString(log, seen);
        drain(reader, log);
        return new LocalCluster(p, nodes, token.group(1), Path.of(token.group(2)));
      }
    }
    Files.writeString(log, seen);
    String[] lines = seen.toString().split("\n");
    String tail =
        String.join(
            "\n",
            java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 20), lines.length));
    throw new IllegalStateException(
        "the local cluster did not start (launcher "
            + (p.isAlive() ? "still running" : "exited with " + p.exitValue())
            + "); see "
            + log
            + "; its last lines:\n"
            + tail);
  }

  /** Keeps reading the launcher's output into the log, so that it never blocks on a full pipe. */
  private static void drain(BufferedReader reader, Path log) {
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                String line;
                while ((line = reader.readLine()) != null) {
                  Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
                }
              } catch (IOException e) {
                // the launcher has gone
              }
            });
  }

  /** Every node, shields first. */
  public List<ClusterNode> nodes() {
    return nodes;
  }

  /** The edges. */
  public List<ClusterNode> edges() {
    return nodes.stream().filter(ClusterNode::isEdge).toList();
  }

  /** The shields. */
  public List<ClusterNode> shields() {
    return nodes.stream().filter(n -> !n.isEdge()).toList();
  }

  /** The admin token (purges). */
  public String token() {
    return token;
  }

  /** Where the nodes' configurations and logs are. */
  public Path dir() {
    return dir;
  }

  /** Kills a node at once (SIGKILL), as a crash would. */
  public void kill(ClusterNode node) {
    String config = dir.resolve(node.name() + ".yaml").toString();
    Optional<ProcessHandle> process =
        launcher
            .descendants()
            .filter(h -> h.info().arguments().map(a -> List.of(a).contains(config)).orElse(false))
            .findFirst();
    process
        .orElseThrow(() -> new IllegalStateException("no process for " + node.name()))
        .destroyForcibly();
  }

  /** Stops the launcher, which stops every node. */
  @Override
  public void close() {
    launcher.destroy();
    try {
      if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** This JVM's module-access flags, which the nodes need too. */
  public static List<String> jvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-")
                    || a.startsWith("--enable-native-access")
                    || a.startsWith("--sun-misc")
                    || a.startsWith("-Djava.awt.headless"))
        .toList();
  }
}
