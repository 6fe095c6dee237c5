package io.imgedge.edge.packaged;

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
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One imgedge node running as its own process from the packaged jar, so that a test can pause it
 * ({@code SIGSTOP}), resume it and kill it as an operator's machine would. Its output goes to a log
 * file that failures quote.
 */
final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;
  private final int adminPort;

  private NodeProcess(String name, Process process, Path log, int adminPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.adminPort = adminPort;
  }

  /**
   * Starts {@code java -jar imgedge.jar ROLE --config FILE} with the YAML written to {@code dir}.
   *
   * @param adminPort the admin port the YAML gives the node (for health and metrics)
   */
  static NodeProcess start(Path jar, Path dir, String name, String role, String yaml, int adminPort)
      throws IOException {
    Path config = Files.writeString(dir.resolve(name + ".yaml"), yaml);
    Path log = dir.resolve(name + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString(),
                role,
                "--config",
                config.toString(),
                "--exit-with-parent"));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new NodeProcess(name, p, log, adminPort);
  }

  String name() {
    return name;
  }

  /** Waits until {@code /health/ready} answers 200. */
  void awaitReady(Duration max) throws Exception {
    await(
        max,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " exited during start-up:\n" + log());
          }
          return admin("/health/ready").map(r -> r.statusCode() == 200).orElse(false);
        },
        "ready");
  }

  /**
   * The {@code imgedge_cluster_members} gauge, or empty when the node does not answer within 1 s.
   */
  OptionalDouble members() {
    return admin("/metrics")
        .filter(r -> r.statusCode() == 200)
        .map(
            r -> {
              Matcher m =
                  Pattern.compile("(?m)^imgedge_cluster_members(?:\\{[^}]*})? (\\S+)$")
                      .matcher(r.body());
              return m.find()
                  ? OptionalDouble.of(Double.parseDouble(m.group(1)))
                  : OptionalDouble.empty();
            })
        .orElse(OptionalDouble.empty());
  }

  boolean hasMembers(int n) {
    OptionalDouble m = members();
    return m.isPresent() && m.getAsDouble() == n;
  }

  private java.util.Optional<HttpResponse<String>> admin(String path) {
    try {
      return java.util.Optional.of(
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  /** {@code kill -STOP}: the process freezes, sockets stay open, nothing answers. */
  void pause() throws Exception {
    signal("STOP");
  }

  /** {@code kill -CONT}. */
  void resume() throws Exception {
    signal("CONT");
  }

  private void signal(String signal) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
    }
  }

  /** The node's output so far. */
  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() {
    try {
      signal("CONT"); // a stopped process only handles SIGTERM once it runs again
    } catch (Exception ignored) {
      // already gone
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Polls every 100 ms until the condition holds; fails with {@code what} after {@code max}. */
  static Duration await(Duration max, BooleanSupplier condition, String what)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not " + what + " within " + max);
  }

  /** {@code n} loopback ports free at the time of the call. */
  static List<Integer> freePorts(int n) {
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
