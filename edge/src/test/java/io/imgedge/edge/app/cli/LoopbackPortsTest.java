package io.imgedge.edge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackPortsTest {

  @Test
  void ports_areDistinct_free_andBelowTheEphemeralRange() throws IOException {
    LoopbackPorts ports = LoopbackPorts.belowEphemeralRange();
    List<Integer> first = ports.take(20);
    List<Integer> second = ports.take(20);
    HashSet<Integer> all = new HashSet<>(first);
    all.addAll(second);
    assertThat(all).hasSize(40);
    int start = LoopbackPorts.ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    assertThat(all).allSatisfy(p -> assertThat(p).isBetween(10_000, start - 1));
    for (int p : all) {
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        assertThat(s.getLocalPort()).isEqualTo(p);
      }
    }
  }

  @Test
  void aPortInUse_isNotGiven() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int p = taken.getLocalPort();
      LoopbackPorts ports = new LoopbackPorts(p, p, new Random(1));
      assertThatThrownBy(() -> ports.take(1))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("found only 0 of 1 free ports in " + p + "-" + p);
    }
  }

  @Test
  void aPortIsGivenOnce() throws IOException {
    int p;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      p = s.getLocalPort();
    }
    LoopbackPorts ports = new LoopbackPorts(p, p, new Random(1));
    assertThat(ports.take(1)).containsExactly(p);
    assertThatThrownBy(() -> ports.take(1)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void ephemeralStart_readsTheKernelsRange_orFallsBackToLinuxDefault(@TempDir Path dir)
      throws IOException {
    assertThat(LoopbackPorts.ephemeralStart(Files.writeString(dir.resolve("a"), "40000\t60999\n")))
        .isEqualTo(40_000);
    assertThat(LoopbackPorts.ephemeralStart(Files.writeString(dir.resolve("b"), "nonsense")))
        .isEqualTo(32_768);
    assertThat(LoopbackPorts.ephemeralStart(Files.writeString(dir.resolve("c"), "1024 65535")))
        .isEqualTo(32_768);
    assertThat(LoopbackPorts.ephemeralStart(dir.resolve("missing"))).isEqualTo(32_768);
  }
}
