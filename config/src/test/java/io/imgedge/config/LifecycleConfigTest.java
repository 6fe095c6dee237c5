package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code node.drain}, {@code node.drain-delay} and {@code security.trusted-proxies}. */
class LifecycleConfigTest {

  @Test
  void defaults_tenSecondsOfDrain_noDelay_noTrustedProxy() {
    ImgedgeConfig c = ImgedgeConfig.defaults();
    assertThat(c.node().drain()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.node().drainDelay()).isZero();
    assertThat(c.security().trustedProxies()).isEmpty();
  }

  @Test
  void fromTheEnvironment() {
    ImgedgeConfig c =
        ConfigLoader.load(
            null,
            Map.of(
                "IMGEDGE_NODE_DRAIN", "20s",
                "IMGEDGE_NODE_DRAIN_DELAY", "5s",
                "IMGEDGE_SECURITY_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1,fd00::/8"),
            CommandLineOverrides.NONE);
    assertThat(c.node().drain()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.node().drainDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.security().trustedProxies())
        .extracting(Cidr::toString)
        .containsExactly("10.0.0.0/8", "127.0.0.1/32", "fd00:0:0:0:0:0:0:0/8");
  }

  @Test
  void aBadBlock_isAnError_namingTheKeyAndTheEntry() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of("IMGEDGE_SECURITY_TRUSTED_PROXIES", "10.0.0.0/8, proxy.example.com"),
                    CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'security.trusted-proxies'")
        .hasMessageContaining("proxy.example.com");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of("IMGEDGE_SECURITY_TRUSTED_PROXIES", "10.0.0.0/33"),
                    CommandLineOverrides.NONE))
        .hasMessageContaining("beyond 32 bits");
  }

  @Test
  void overlayHeader_isUntrustedByDefault_andTrustedFromTheEnvironment() {
    assertThat(ImgedgeConfig.defaults().security().trustOverlayHeader()).isFalse();
    ImgedgeConfig c =
        ConfigLoader.load(
            null,
            Map.of("IMGEDGE_SECURITY_TRUST_OVERLAY_HEADER", "true"),
            CommandLineOverrides.NONE);
    assertThat(c.security().trustOverlayHeader()).isTrue();
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of("IMGEDGE_SECURITY_TRUST_OVERLAY_HEADER", "maybe"),
                    CommandLineOverrides.NONE))
        .hasMessageContaining("security.trust-overlay-header");
  }
}
