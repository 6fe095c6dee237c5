package io.imgedge.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.logging.Logger;
import com.hazelcast.spi.discovery.DiscoveryNode;
import io.imgedge.config.ClusterConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The DNS discovery's configuration and lookups, with a resolver of the test's own. */
class DnsDiscoveryTest {

  private static ClusterConfig dns() {
    return new ClusterConfig(
            "test-" + UUID.randomUUID(),
            "127.0.0.1",
            5801,
            List.of(),
            java.time.Duration.ofSeconds(5))
        .withDns("imgedge-shield.imgedge.svc.cluster.local", 5701);
  }

  @Test
  void config_dns_replacesTheMemberList_andKeepsMulticastAndAutoDetectionOff() {
    Config c = ClusterMember.hazelcastConfig(dns());
    var join = c.getNetworkConfig().getJoin();

    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(c.getProperty("hazelcast.discovery.enabled")).isEqualTo("true");
    assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(join.getDiscoveryConfig().getDiscoveryStrategyConfigs())
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.getDiscoveryStrategyFactory())
                    .hasToString("DnsDiscovery[imgedge-shield.imgedge.svc.cluster.local:5701]"));
  }

  @Test
  void members_everyAddressOfTheName_atThePort_lookedUpOnEachCall() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    InetAddress[] three = {
      InetAddress.getByName("127.0.0.2"),
      InetAddress.getByName("127.0.0.3"),
      InetAddress.getByName("127.0.0.4")
    };
    DnsDiscovery d =
        new DnsDiscovery(
            "members.test",
            5777,
            name -> {
              lookups.incrementAndGet();
              assertThat(name).isEqualTo("members.test");
              return three;
            });

    List<DiscoveryNode> first = d.members(Logger.getLogger(DnsDiscoveryTest.class));
    d.members(Logger.getLogger(DnsDiscoveryTest.class));

    assertThat(first)
        .extracting(n -> n.getPrivateAddress().toString())
        .containsExactly("[127.0.0.2]:5777", "[127.0.0.3]:5777", "[127.0.0.4]:5777");
    assertThat(lookups).hasValue(2);
  }

  @Test
  void members_aNameThatDoesNotResolve_givesNone() {
    DnsDiscovery d =
        new DnsDiscovery(
            "nothing.test",
            5701,
            name -> {
              throw new UnknownHostException(name);
            });
    assertThat(d.members(Logger.getLogger(DnsDiscoveryTest.class))).isEmpty();
  }
}
