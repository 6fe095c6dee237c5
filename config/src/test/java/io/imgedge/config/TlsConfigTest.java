package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls.*} and {@code node.h2c}: from the environment, both files or none, files that exist.
 */
class TlsConfigTest {
  @TempDir Path dir;

  @Test
  void byDefault_plainHttp_withoutH2c() {
    ImgedgeConfig c = ImgedgeConfig.defaults();
    assertThat(c.tls().enabled()).isFalse();
    assertThat(c.node().h2c()).isFalse();
  }

  @Test
  void environment_namesTheFiles() throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "x");
    Path key = Files.writeString(dir.resolve("tls.key"), "x");
    ImgedgeConfig c =
        ConfigLoader.load(
            null,
            Map.of(
                "IMGEDGE_TLS_CERT", cert.toString(),
                "IMGEDGE_TLS_KEY", key.toString(),
                "IMGEDGE_TLS_RELOAD_CHECK", "2s"),
            CommandLineOverrides.NONE);
    assertThat(c.tls().cert()).isEqualTo(cert);
    assertThat(c.tls().key()).isEqualTo(key);
    assertThat(c.tls().reloadCheck()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aCertificateWithoutKey_isAnError_namingTheMissingKey() throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "x");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null, Map.of("IMGEDGE_TLS_CERT", cert.toString()), CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'tls.key'")
        .hasMessageContaining("set together");
  }

  @Test
  void aMissingFile_isAnError_namingKeyAndPath() throws Exception {
    Path key = Files.writeString(dir.resolve("tls.key"), "x");
    Path missing = dir.resolve("nope.crt");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of(
                        "IMGEDGE_TLS_CERT", missing.toString(), "IMGEDGE_TLS_KEY", key.toString()),
                    CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'tls.cert'")
        .hasMessageContaining("environment variable IMGEDGE_TLS_CERT")
        .hasMessageContaining("an existing PEM file");
  }
}
