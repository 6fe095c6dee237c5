package io.imgedge.loadtest.peers;

import io.imgedge.loadtest.gatling.UrlStyle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ipx (Node.js, sharp/libvips) through {@code loadtest/peers/ipx/server.mjs}, which counts its
 * transforms. Installed with npm into that folder on first use when Node.js is present.
 */
public final class IpxPeer implements Peer {
  private final Process process;
  private final int port;
  private final String version;

  private IpxPeer(Process process, int port, String version) {
    this.process = process;
    this.port = port;
    this.version = version;
  }

  /** Starts ipx, or explains why it cannot (no Node.js, install failed). */
  public static IpxPeer start(Path folder, Path dir) throws IOException, InterruptedException {
    Path node = Processes.which("node");
    if (node == null) {
      throw new IOException("Node.js is not installed");
    }
    if (!Files.isDirectory(folder.resolve("node_modules/ipx"))) {
      install(folder, dir);
    }
    int port = Processes.freePort();
    Path log = dir.resolve("ipx.log");
    Process p =
        Processes.start(
            List.of(node.toString(), "server.mjs", String.valueOf(port), "127.0.0.1"), folder, log);
    Processes.awaitPort(p, port, Duration.ofSeconds(60), log);
    return new IpxPeer(p, port, version(folder));
  }

  private static void install(Path folder, Path dir) throws IOException, InterruptedException {
    Path npm = Processes.which("npm");
    if (npm == null) {
      throw new IOException("npm is not installed, and loadtest/peers/ipx/node_modules is missing");
    }
    System.out.println("  installing ipx with npm into " + folder + " ...");
    Process p =
        Processes.start(
            List.of(npm.toString(), "install", "--no-audit", "--no-fund"),
            folder,
            dir.resolve("npm-install.log"));
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("npm install failed; see " + dir.resolve("npm-install.log"));
    }
  }

  private static String version(Path folder) throws IOException {
    Matcher m =
        Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(Files.readString(folder.resolve("node_modules/ipx/package.json")));
    return m.find() ? m.group(1) : "?";
  }

  @Override
  public String name() {
    return "ipx";
  }

  @Override
  public UrlStyle style() {
    return UrlStyle.IPX;
  }

  @Override
  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public OptionalLong transforms() throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      String json =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(url() + "/__stats")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = Pattern.compile("\"transforms\":(\\d+)").matcher(json);
      return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
  }

  @Override
  public String note() {
    return "ipx "
        + version
        + " (sharp/libvips) on Node.js "
        + nodeVersion()
        + ", one process; keeps no derivative cache, so every request is a transform"
        + " (and a HEAD + GET to the origin)";
  }

  private static String nodeVersion() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return new String(p.getInputStream().readAllBytes()).strip();
    } catch (IOException e) {
      return "?";
    }
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
