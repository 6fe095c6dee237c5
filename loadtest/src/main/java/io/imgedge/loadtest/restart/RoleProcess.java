package io.imgedge.loadtest.restart;

import io.imgedge.loadtest.cluster.LocalCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One node ({@code imgedge shield} or {@code imgedge edge} from the jar) in its own process, with
 * the JVM options its {@code node.memory} implies, as the launcher starts it; it exits with this
 * JVM. Its output goes to a log file.
 */
final class RoleProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int adminPort;
  private final Path log;

  private RoleProcess(Process process, int adminPort, Path log) {
    this.process = process;
    this.adminPort = adminPort;
    this.log = log;
  }

  /**
   * Starts {@code java -jar JAR ROLE --config CONFIG} and returns once {@code /health/ready}
   * answers 200 (or fails after a minute).
   *
   * @param jvmOptions the options {@code node.memory} implies ({@code -Xmx...})
   */
  static RoleProcess start(
      Path jar, String role, Path config, int adminPort, Path log, String jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LocalCluster.javaBinary()));
    command.addAll(LocalCluster.jvmFlags());
    command.addAll(Arrays.asList(jvmOptions.split("\\s+")));
    command.addAll(
        List.of("-jar", jar.toString(), role, "--config", config.toString(), "--exit-with-parent"));
    Process p =
        new ProcessBuilder(command)
            .directory(
                java.util.Objects.requireNonNull(
                        config.toAbsolutePath().getParent(), "a configuration file is in a folder")
                    .toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    RoleProcess node = new RoleProcess(p, adminPort, log);
    try {
      node.awaitReady(Duration.ofMinutes(1));
    } catch (IOException | InterruptedException | RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void awaitReady(Duration max) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("exited at start-up: " + tail());
      }
      if (admin("/health/ready").map(r -> r.statusCode() == 200).orElse(false)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IOException("not ready within " + max + ": " + tail());
  }

  /** An admin GET, or empty when the node does not answer within 2 s. */
  Optional<HttpResponse<String>> admin(String path) {
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

  /** The node's {@code /metrics}, or "" when it does not answer. */
  String metrics() {
    return admin("/metrics").map(HttpResponse::body).orElse("");
  }

  /** Kills the process at once (SIGKILL), as a crash would, and waits for it to end. */
  void kill() {
    try {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the process with SIGTERM (it drains) and waits for it to end. */
  void terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** The last lines of its log. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the process at once (a run's figures are read by then: nothing to drain). */
  @Override
  public void close() {
    kill();
  }
}
