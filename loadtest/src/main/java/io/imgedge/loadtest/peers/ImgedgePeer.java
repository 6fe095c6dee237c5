package io.imgedge.loadtest.peers;

import io.imgedge.loadtest.cluster.LocalCluster;
import io.imgedge.loadtest.gatling.UrlStyle;
import io.imgedge.loadtest.metrics.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * imgedge as one all-in-one node ({@code imgedge run}), in its own process, in front of the origin.
 */
public final class ImgedgePeer implements Peer {
  private final Process process;
  private final int port;
  private final int admin;

  private ImgedgePeer(Process process, int port, int admin) {
    this.process = process;
    this.port = port;
    this.admin = admin;
  }

  /** Starts the node. */
  public static ImgedgePeer start(Path jar, URI origin, Path dir)
      throws IOException, InterruptedException {
    int port = Processes.freePort();
    int admin = Processes.freePort();
    List<String> command = new ArrayList<>(List.of(LocalCluster.javaBinary()));
    command.addAll(LocalCluster.jvmFlags());
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "run",
            "--origin",
            origin.toString(),
            "--bind",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--admin-port",
            String.valueOf(admin),
            "--internal-port",
            String.valueOf(Processes.freePort())));
    Path log = dir.resolve("imgedge.log");
    Process p = Processes.start(command, dir, log);
    Processes.awaitPort(p, port, Duration.ofMinutes(2), log);
    return new ImgedgePeer(p, port, admin);
  }

  @Override
  public String name() {
    return "imgedge";
  }

  @Override
  public UrlStyle style() {
    return UrlStyle.IMGEDGE;
  }

  @Override
  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public OptionalLong transforms() throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      String text =
          client
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return OptionalLong.of(
          Math.round(
              PrometheusText.parse(text).stream()
                  .filter(s -> s.name().equals("imgedge_transform_seconds_count"))
                  .mapToDouble(s -> s.value())
                  .sum()));
    }
  }

  @Override
  public String note() {
    return "imgedge: one all-in-one node (edge and shield in one JVM), JDK "
        + Runtime.version().feature()
        + "; caches derivatives in memory";
  }

  @Override
  public OptionalLong pid() {
    return OptionalLong.of(process.pid());
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
