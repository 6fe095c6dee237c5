package io.imgedge.edge.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artefacts a user runs: the launcher script and the fat jar it starts. Runs after {@code
 * package} (failsafe), so the jar under test is the one just built.
 */
@Tag("packaged")
class PackagedTest {
  private static final Path ROOT =
      Path.of(System.getProperty("imgedge.root.dir", "..")).toAbsolutePath().normalize();
  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  @Test
  void launcher_help_listsTheCommands() throws Exception {
    Result r = run(launcher("--help"), 120);
    assertThat(r.exit()).isZero();
    assertThat(r.output()).contains("Usage: imgedge", "run", "Run an all-in-one node");
  }

  @Test
  void launcher_withoutASuitableJdk_saysWhatItNeedsAndWhereItLooked(@TempDir Path dir)
      throws Exception {
    Path fakeJdk = Files.createDirectories(dir.resolve("jdk-17/bin"));
    Path java = fakeJdk.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
    java.toFile().setExecutable(true);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : new String[] {"dirname", "awk"}) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
    }
    ProcessBuilder pb = launcher("--help");
    pb.environment().put("PATH", bin.toString());
    pb.environment().remove("JAVA_HOME");
    pb.environment()
        .put("IMGEDGE_JDK_SEARCH_DIRS", dir.resolve("jdk-17") + " " + dir.resolve("none"));
    Result r = run(pb, 30);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.output())
        .contains("needs a JDK 25 or newer", fakeJdk.resolve("java") + " (17)", "JAVA_HOME");
  }

  /** Issue 14: a busy port is one line naming the port and the setting, not a stack trace. */
  @Test
  void launcher_run_onABusyPort_saysSoInOneLine() throws Exception {
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Result r =
          run(
              launcher(
                  "run",
                  "--bind",
                  "127.0.0.1",
                  "--port",
                  String.valueOf(busy.getLocalPort()),
                  "--admin-port",
                  "0",
                  "--internal-port",
                  "0"),
              120);
      assertThat(r.exit()).isEqualTo(2);
      List<String> notInfo =
          r.output()
              .lines()
              .filter(l -> !l.contains(" INFO ") && !l.startsWith("imgedge: building"))
              .filter(l -> !l.isBlank())
              .toList();
      assertThat(notInfo)
          .singleElement()
          .asString()
          .contains("port " + busy.getLocalPort(), "in use", "node.public-port", "--port");
    }
  }

  @Test
  void fatJar_servesResizedSamples_withEveryCodecRegistered() throws Exception {
    Path jar = ROOT.resolve("edge/target/imgedge.jar");
    assertThat(jar).exists();
    ProcessBuilder pb =
        new ProcessBuilder(
            javaBinary(),
            "--enable-native-access=ALL-UNNAMED",
            "-jar",
            jar.toString(),
            "run",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--admin-port",
            "0");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    try {
      int port = awaitPort(p);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<byte[]> jpeg =
          client.send(
              request(port, "/photo.jpg?width=200"), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(jpeg.statusCode()).isEqualTo(200);
      assertThat(jpeg.headers().firstValue("Imgedge-IO-Info"))
          .hasValueSatisfying(v -> assertThat(v).contains("odim=200x133"));
      HttpResponse<byte[]> webp =
          client.send(
              request(port, "/logo.png?width=100&format=webp"),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(webp.statusCode()).isEqualTo(200);
      assertThat(new String(webp.body(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    } finally {
      p.destroy();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the node stops on SIGTERM").isTrue();
    }
  }

  @Test
  void clusterCommand_startsEveryNode_andTheyStopWhenItIsKilled() throws Exception {
    Path jar = ROOT.resolve("edge/target/imgedge.jar");
    ProcessBuilder pb =
        new ProcessBuilder(
            javaBinary(),
            "--enable-native-access=ALL-UNNAMED",
            "-jar",
            jar.toString(),
            "cluster",
            "--edges",
            "2",
            "--shields",
            "1");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> edges = new java.util.ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null && !line.startsWith("purge token"); ) {
        if (line.startsWith("edge http://127.0.0.1:")) {
          edges.add(line.split(" ")[1]);
        }
      }
      assertThat(edges).hasSize(2);
      HttpClient client = HttpClient.newHttpClient();
      List<String> etags = new java.util.ArrayList<>();
      for (String edge : edges) {
        HttpResponse<byte[]> r =
            client.send(
                HttpRequest.newBuilder(URI.create(edge + "/photo.jpg?width=64"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        etags.add(r.headers().firstValue("ETag").orElseThrow());
      }
      assertThat(etags).containsOnly(etags.get(0));
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook runs; the nodes must notice by themselves
      p.waitFor(20, TimeUnit.SECONDS);
    }
    for (String edge : edges) {
      assertThat(refusesWithin(edge, Duration.ofSeconds(20))).as(edge + " stopped").isTrue();
    }
  }

  private static boolean refusesWithin(String url, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      try (var socket = new java.net.Socket()) {
        URI u = URI.create(url);
        socket.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()), 500);
      } catch (IOException e) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private static int awaitPort(Process p) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                      log.append(line).append('\n');
                      Matcher m = LISTENING.matcher(line);
                      if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                      }
                    }
                  } catch (IOException e) {
                    port.completeExceptionally(e);
                  }
                  port.completeExceptionally(
                      new AssertionError("the node exited without listening:\n" + log));
                });
    try {
      return port.get(60, TimeUnit.SECONDS);
    } finally {
      reader.setName("node-log");
    }
  }

  private static ProcessBuilder launcher(String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "/bin/bash";
    command[1] = ROOT.resolve("imgedge").toString();
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return pb.redirectErrorStream(true);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int exit, String output) {}

  private static Result run(ProcessBuilder pb, int seconds) throws Exception {
    Process p = pb.start();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + pb.command());
    }
    return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS));
  }
}
