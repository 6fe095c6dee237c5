package io.imgedge.loadtest.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Starting, awaiting and stopping the peer servers' processes. */
final class Processes {
  private Processes() {}

  /** Starts a process with its output in {@code log}. */
  static Process start(List<String> command, Path dir, Path log) throws IOException {
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Waits until something accepts connections on the loopback port, or fails. */
  static void awaitPort(Process p, int port, Duration timeout, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        if (!p.isAlive()) {
          throw new IOException("exited at start-up: " + Files.readString(log).strip());
        }
        Thread.sleep(100);
      }
    }
    throw new IOException("did not listen on port " + port + " within " + timeout + "; see " + log);
  }

  /** Stops a process: politely, then by force. */
  static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  /** A free loopback port. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The first executable found among the candidates, or null. */
  static @Nullable Path which(String... candidates) {
    for (String c : candidates) {
      if (c.contains("/")) {
        if (Files.isExecutable(Path.of(c))) {
          return Path.of(c);
        }
        continue;
      }
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
        Path p = Path.of(dir, c);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }
}
