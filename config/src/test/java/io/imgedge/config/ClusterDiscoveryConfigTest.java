package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cluster.discovery}: the static list by default, or a DNS name with its port. */
class ClusterDiscoveryConfigTest {

  @Test
  void byDefault_theStaticList() {
    ClusterConfig c = ImgedgeConfig.defaults().cluster();
    assertThat(c.discovery()).isEqualTo(ClusterConfig.Discovery.STATIC);
    assertThat(c.members()).containsExactly("127.0.0.1");
  }

  @Test
  void dns_fromTheEnvironment_withThePortDefaultingToTheClusterPort() {
    ClusterConfig c =
        ConfigLoader.load(
                null,
                Map.of(
                    "IMGEDGE_CLUSTER_DISCOVERY", "dns",
                    "IMGEDGE_CLUSTER_DNS_NAME", "imgedge-shield.imgedge.svc.cluster.local",
                    "IMGEDGE_CLUSTER_PORT", "5701"),
                CommandLineOverrides.NONE)
            .cluster();
    assertThat(c.discovery()).isEqualTo(ClusterConfig.Discovery.DNS);
    assertThat(c.dnsName()).isEqualTo("imgedge-shield.imgedge.svc.cluster.local");
    assertThat(c.memberPort()).isEqualTo(5701);
  }

  @Test
  void dns_withoutAName_isAnError_namingTheKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null, Map.of("IMGEDGE_CLUSTER_DISCOVERY", "dns"), CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'cluster.dns.name'")
        .hasMessageContaining("headless service");
  }

  @Test
  void anUnknownDiscovery_isAnError_listingTheChoices() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of("IMGEDGE_CLUSTER_DISCOVERY", "multicast"),
                    CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("one of: static, dns");
  }
}
