package io.imgedge.edge.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Free ports on loopback for the nodes of a local cluster, chosen below the kernel's ephemeral
 * range ({@code /proc/sys/net/ipv4/ip_local_port_range}).
 *
 * <p>A port taken from the ephemeral range ({@code new ServerSocket(0)}) is free when chosen but
 * may be given to some process's outgoing connection (the first nodes' cluster and HTTP clients) in
 * the seconds before the node that was to listen on it starts: that node then cannot bind. The
 * kernel never hands out ports below its range for outgoing connections, so a port found free there
 * stays free unless a program asks for it by number.
 */
final class LoopbackPorts {
  private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final int LINUX_EPHEMERAL_START = 32_768;
  private static final int ATTEMPTS = 2_000;

  private final int low;
  private final int high;
  private final Random random;
  private final Set<Integer> given = new HashSet<>();

  /**
   * @param low the lowest port to choose
   * @param high the highest port to choose
   * @param random where choices come from
   */
  LoopbackPorts(int low, int high, Random random) {
    if (low < 1 || high > 65_535 || low > high) {
      throw new IllegalArgumentException("bad port range " + low + "-" + high);
    }
    this.low = low;
    this.high = high;
    this.random = random;
  }

  /** Ports from 10000 to just below this machine's ephemeral range. */
  static LoopbackPorts belowEphemeralRange() {
    return new LoopbackPorts(LOWEST, ephemeralStart(RANGE) - 1, new Random());
  }

  /** The first port of the ephemeral range the file names, or Linux's default. */
  static int ephemeralStart(Path range) {
    try {
      String[] parts = Files.readString(range).trim().split("\\s+");
      int start = Integer.parseInt(parts[0]);
      return start > LOWEST + 1_000 ? start : LINUX_EPHEMERAL_START;
    } catch (IOException | RuntimeException e) {
      return LINUX_EPHEMERAL_START;
    }
  }

  /** {@code n} distinct ports, none given before by this object, each free on loopback now. */
  List<Integer> take(int n) {
    List<Integer> ports = new ArrayList<>();
    for (int attempt = 0; ports.size() < n && attempt < ATTEMPTS; attempt++) {
      int port = low + random.nextInt(high - low + 1);
      if (!given.contains(port) && free(port)) {
        given.add(port);
        ports.add(port);
      }
    }
    if (ports.size() < n) {
      throw new UncheckedIOException(
          new IOException(
              "found only " + ports.size() + " of " + n + " free ports in " + low + "-" + high));
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
