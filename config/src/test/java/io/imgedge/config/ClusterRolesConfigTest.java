package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles, shield POPs, per-origin TTL rules and the admin token. */
class ClusterRolesConfigTest {
  @TempDir Path dir;

  private ImgedgeConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(
        Files.writeString(dir.resolve("c.yaml"), yaml), env, CommandLineOverrides.NONE);
  }

  @Test
  void edge_withShieldPopsAndOriginRules() throws IOException {
    ImgedgeConfig c =
        load(
            """
        node: {role: edge, internal-port: 9182}
        shield-pops:
          us-east: [http://127.0.0.1:9282, http://127.0.0.1:9283]
          eu: http://127.0.0.1:9382
        origins:
          - {name: photos, type: http, url: https://img.example.com, host: img.example.com, shield: eu,
             override-ttl: 10m, stale-while-revalidate: 30s, stale-if-error: 1d}
        shield: {fallback: stale, timeout: 5s}
        """,
            Map.of());
    assertThat(c.node().role()).isEqualTo(NodeConfig.Role.EDGE);
    assertThat(c.node().internalPort()).isEqualTo(9182);
    assertThat(c.shield().nodes("us-east"))
        .containsExactly(URI.create("http://127.0.0.1:9282"), URI.create("http://127.0.0.1:9283"));
    assertThat(c.shield().nodes(null)).hasSize(2);
    assertThat(c.shield().nodes("eu")).containsExactly(URI.create("http://127.0.0.1:9382"));
    assertThat(c.shield().fallback()).isEqualTo(ShieldConfig.Fallback.STALE);
    OriginConfig o = c.origins().get(0);
    assertThat(o.host()).isEqualTo("img.example.com");
    assertThat(o.shield()).isEqualTo("eu");
    assertThat(o.freshness().overrideTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(o.freshness().staleWhileRevalidate()).hasSeconds(30);
    assertThat(o.freshness().staleIfError()).isEqualTo(Duration.ofDays(1));
    assertThat(o.describe()).contains("for host img.example.com");
  }

  @Test
  void edgeWithoutShields_isRefused() {
    assertThatThrownBy(() -> load("node: {role: edge}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs at least one shield POP");
  }

  @Test
  void originNamingAnUnknownPop_isRefused() {
    assertThatThrownBy(
            () ->
                load(
                    """
        shield-pops: {a: [http://127.0.0.1:1]}
        origins: [{type: samples, shield: b}]
        """,
                    Map.of()))
        .hasMessageContaining("names shield POP 'b'")
        .hasMessageContaining("[a]");
  }

  @Test
  void failureDetection_defaultsAndOverrides() throws IOException {
    ClusterConfig defaults = load("", Map.of()).cluster();
    assertThat(defaults.heartbeat()).hasSeconds(2);
    assertThat(defaults.failureTimeout()).hasSeconds(15);
    assertThat(defaults.mergeDelay()).hasSeconds(30);
    ClusterConfig fast =
        load("cluster: {heartbeat: 1s, failure-timeout: 4s, merge-delay: 5s}\n", Map.of())
            .cluster();
    assertThat(fast.heartbeat()).hasSeconds(1);
    assertThat(fast.failureTimeout()).hasSeconds(4);
    assertThat(fast.mergeDelay()).hasSeconds(5);
  }

  @Test
  void failureDetection_isValidated() {
    assertThatThrownBy(() -> load("cluster: {heartbeat: 1500ms}\n", Map.of()))
        .hasMessageContaining("'cluster.heartbeat'")
        .hasMessageContaining("a whole number of seconds");
    assertThatThrownBy(() -> load("cluster: {heartbeat: 5s, failure-timeout: 8s}\n", Map.of()))
        .hasMessageContaining("'cluster.failure-timeout'")
        .hasMessageContaining("at least twice cluster.heartbeat (5s)");
    assertThatThrownBy(() -> load("cluster: {merge-delay: 0s}\n", Map.of()))
        .hasMessageContaining("'cluster.merge-delay'");
  }

  @Test
  void role_isValidated() {
    assertThatThrownBy(() -> load("node: {role: router}\n", Map.of()))
        .hasMessageContaining("'node.role'")
        .hasMessageContaining("all-in-one, edge, shield");
  }

  @Test
  void adminToken_fromTheEnvironment_andNeverEchoed() throws IOException {
    assertThat(
            load("", Map.of("IMGEDGE_ADMIN_TOKEN", "0123456789abcdef0123")).admin().purgeEnabled())
        .isTrue();
    assertThat(load("", Map.of()).admin().purgeEnabled()).isFalse();
    assertThatThrownBy(() -> load("", Map.of("IMGEDGE_ADMIN_TOKEN", "short-secret")))
        .hasMessageContaining("'admin.token'")
        .hasMessageContaining("at least 16 characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-secret"));
    assertThat(load("", Map.of("IMGEDGE_ADMIN_TOKEN", "0123456789abcdef0123")).admin().toString())
        .doesNotContain("0123456789abcdef0123");
  }

  @Test
  void badShieldUrl_namesThePopAndIndex() {
    assertThatThrownBy(() -> load("shield-pops: {a: [http://127.0.0.1:1, not-a-url]}\n", Map.of()))
        .hasMessageContaining("'shield-pops.a[1]'");
  }
}
