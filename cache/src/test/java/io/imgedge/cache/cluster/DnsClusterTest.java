package io.imgedge.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.config.ClusterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a real cluster forms through DNS discovery on loopback names. The JDK resolves from a
 * hosts file this test writes ({@code -Djdk.net.hosts.file}, given to this JVM by the {@code
 * dns-hosts-file} surefire execution): one name, three loopback addresses; three members, each
 * bound to its own address at the same port, find each other through the name alone.
 */
@Tag("dns-hosts-file")
class DnsClusterTest {
  private static final String NAME = "imgedge-members.test";

  @Test
  void threeMembers_formOneCluster_throughTheAddressesOfOneName() throws Exception {
    String file = System.getProperty("imgedge.dns.hosts.file");
    Assumptions.assumeTrue(
        file != null && file.equals(System.getProperty("jdk.net.hosts.file")),
        "needs -Djdk.net.hosts.file (the dns-hosts-file surefire execution)");
    List<String> addresses = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");
    StringBuilder hosts = new StringBuilder();
    addresses.forEach(a -> hosts.append(a).append(' ').append(NAME).append('\n'));
    Files.writeString(Path.of(file), hosts);

    String cluster = "test-dns-" + UUID.randomUUID();
    int port = 5880;
    List<ClusterMember> members = new ArrayList<>();
    try {
      for (String address : addresses) {
        ClusterConfig config =
            new ClusterConfig(
                    cluster,
                    address,
                    port,
                    List.of(),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5))
                .withDns(NAME, port);
        members.add(ClusterMember.join(config, "http://" + address + ":1"));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (members.stream().anyMatch(m -> m.members().size() < 3)
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      for (ClusterMember m : members) {
        assertThat(m.members())
            .extracting(x -> x.getAddress().getHost() + ":" + x.getAddress().getPort())
            .containsExactlyInAnyOrder("127.0.0.2:5880", "127.0.0.3:5880", "127.0.0.4:5880");
      }
      assertThat(members.getFirst().describe()).contains("3 member(s)");
    } finally {
      members.forEach(ClusterMember::terminate);
    }
  }
}
