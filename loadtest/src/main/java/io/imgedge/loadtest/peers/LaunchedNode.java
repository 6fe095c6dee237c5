package io.imgedge.loadtest.peers;

import io.imgedge.loadtest.cluster.LocalCluster;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One all-in-one node ({@code imgedge run --origin DIR}) in its own process, started the way the
 * launcher ({@code ./imgedge run}) starts it: the node is first asked which JVM options its {@code
 * node.memory} implies ({@code --print-jvm-options}: {@code -Xmx}, direct memory), and then started
 * with them. Without {@code memory} the node's own default applies (a container's limit, else 768
 * MiB). The node stops when this JVM does ({@code --exit-with-parent}).
 */
public final class LaunchedNode implements AutoCloseable {
  private final Process process;
  private final int port;
  private final int admin;
  private final Path log;
  private final List<String> memoryOptions;

  private LaunchedNode(Process process, int port, int admin, Path log, List<String> memoryOptions) {
    this.process = process;
    this.port = port;
    this.admin = admin;
    this.log = log;
    this.memoryOptions = List.copyOf(memoryOptions);
  }

  /**
   * Starts the node and returns once it accepts connections.
   *
   * @param jar the imgedge fat jar
   * @param origin the folder it serves
   * @param dir where its log goes
   * @param memory {@code --memory} (e.g. {@code 1GiB}), or null for the node's default
   * @param name the log's name, without {@code .log}
   */
  public static LaunchedNode start(
      Path jar, Path origin, Path dir, @Nullable String memory, String name)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("run", "--origin", origin.toString()));
    if (memory != null) {
      args.addAll(List.of("--memory", memory));
    }
    List<String> options = memoryOptions(jar, args, dir);
    int port = Processes.freePort();
    int admin = Processes.freePort();
    List<String> command = new ArrayList<>(List.of(LocalCluster.javaBinary()));
    command.addAll(LocalCluster.jvmFlags());
    command.addAll(options);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(args);
    command.addAll(
        List.of(
            "--bind",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--admin-port",
            String.valueOf(admin),
            "--internal-port",
            String.valueOf(Processes.freePort()),
            "--exit-with-parent"));
    Path log = dir.resolve(name + ".log");
    Process p = Processes.start(command, dir, log);
    try {
      Processes.awaitPort(p, port, Duration.ofMinutes(2), log);
    } catch (IOException | InterruptedException e) {
      Processes.stop(p);
      throw e;
    }
    return new LaunchedNode(p, port, admin, log, options);
  }

  /**
   * What the launcher asks the node: the JVM options its memory setting implies (the last line
   * printed).
   */
  private static List<String> memoryOptions(Path jar, List<String> args, Path dir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LocalCluster.javaBinary()));
    command.addAll(LocalCluster.jvmFlags());
    command.addAll(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    command.addAll(args);
    command.add("--print-jvm-options");
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1).strip();
    if (!last.startsWith("-Xmx")) {
      throw new IOException("the node did not say which JVM options its memory implies: " + out);
    }
    return Arrays.asList(last.split("\\s+"));
  }

  /** The public base URL. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The admin base URL ({@code /metrics}). */
  public URI adminUrl() {
    return URI.create("http://127.0.0.1:" + admin);
  }

  /** The node's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The node's output (standard output and error). */
  public Path log() {
    return log;
  }

  /**
   * The JVM options it was started with, from its memory setting (e.g. {@code -Xmx460m
   * -XX:MaxDirectMemorySize=64m}).
   */
  public List<String> memoryOptions() {
    return memoryOptions;
  }

  /** The node's log lines that contain {@code text}. */
  public List<String> logLines(String text) {
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(text)).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
