package io.imgedge.edge.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * An all-in-one node in a process of its own, started from the test class path ({@code imgedge run
 * --config FILE}), so that a test can kill it as a crash would ({@code SIGKILL}) or start it under
 * a wrapper command (e.g. in a mount namespace with a small tmpfs). Loopback only; its output goes
 * to a log file that failures quote; it exits with the test JVM. Its origin is named as {@code
 * --origin} names one, so its keys and ETags are those of a {@link TestNodes} node.
 */
public final class ChildNode implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int port;
  private final int adminPort;

  private ChildNode(Process process, Path log, int port, int adminPort) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.adminPort = adminPort;
  }

  /**
   * Starts a node serving an HTTP origin, with more YAML, and waits until it is ready.
   *
   * @param dir where its configuration and log go
   * @param name the files' names
   * @param origin the origin's base URL (on loopback)
   * @param yaml more configuration (e.g. {@code cache: {disk: ...}})
   * @param wrapper a command the java command line is appended to (e.g. {@code unshare ...}), or
   *     empty
   */
  public static ChildNode start(
      Path dir, String name, String origin, String yaml, List<String> wrapper) throws Exception {
    List<Integer> ports = TestCluster.freePorts(4);
    String config =
        """
        node: {public-bind: 127.0.0.1, public-port: %d, admin-port: %d, internal-port: %d}
        cluster: {name: child-%s-%d, port: %d}
        limits: {request-timeout: 20s}
        origins: [{name: origin, type: http, url: '%s', allow-private: true}]
        """
                .formatted(
                    ports.get(0),
                    ports.get(1),
                    ports.get(2),
                    name,
                    System.nanoTime(),
                    ports.get(3),
                    origin)
            + yaml;
    Path file = Files.writeString(dir.resolve(name + ".yaml"), config);
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>(wrapper);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-Dhazelcast.phone.home.enabled=false"));
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-opens") || a.startsWith("--enable-native-access"))
            .toList());
    command.addAll(
        List.of(
            "-cp",
            classPath(),
            "io.imgedge.edge.app.Main",
            "run",
            "--config",
            file.toString(),
            "--exit-with-parent"));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ChildNode node = new ChildNode(p, log, ports.get(0), ports.get(1));
    try {
      node.awaitReady(Duration.ofSeconds(60));
    } catch (Exception | AssertionError e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** The test class path (surefire's, not its booter jar). */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  private void awaitReady(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the node exited at start-up:\n" + log());
      }
      if (admin("/health/ready").map(r -> r.statusCode() == 200).orElse(false)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the node was not ready within " + max + ":\n" + log());
  }

  /** A GET on the public port. */
  public HttpResponse<byte[]> get(String pathAndQuery) {
    return TestNodes.send(port, "GET", pathAndQuery);
  }

  /** A GET on the admin port, or empty if it does not answer within 2 s. */
  public Optional<HttpResponse<String>> admin(String path) {
    try {
      return Optional.of(
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * The sum of a metric's samples whose labels contain every one of {@code labels} (e.g. {@code
   * tier="source"}), from {@code /metrics}.
   */
  public double metric(String name, String... labels) {
    String text = admin("/metrics").orElseThrow(() -> new AssertionError("no metrics")).body();
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(text);
    double sum = 0;
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      if (List.of(labels).stream().allMatch(found::contains)) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }

  /** Kills the process at once ({@code SIGKILL}), as a crash would, and waits for it to end. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
  }

  /** Whether the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The node's output so far. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Stops the node (SIGTERM: it drains and writes what waits), then kills it if it must. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
