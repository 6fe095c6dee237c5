package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example configurations shipped in config/examples/ stay valid, loaded as a user loads them:
 * from the repository's root (relative folders resolve there), with nothing substituted.
 */
class ExampleConfigTest {
  @TempDir Path dir;

  private ImgedgeConfig load(String example) throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String yaml =
        Files.readString(root.resolve("config/examples").resolve(example))
            .replace(
                "folder: ./", "folder: " + root + "/"); // what "./" means when run from the root
    return ConfigLoader.load(
        Files.writeString(dir.resolve(example), yaml), Map.of(), CommandLineOverrides.NONE);
  }

  @Test
  void allInOneExample_loads() throws IOException {
    ImgedgeConfig c = load("all-in-one.yaml");
    assertThat(c.node().role()).isEqualTo(NodeConfig.Role.ALL_IN_ONE);
    assertThat(c.origins())
        .extracting(OriginConfig::name)
        .containsExactly("photos", "local", "samples");
    assertThat(c.origins().get(0).freshness().defaultTtl()).hasHours(24);
    assertThat(c.limits().transformConcurrency()).isEqualTo(2);
    assertThat(c.transform().jpegType()).isEqualTo(TransformConfig.JpegType.AUTO);
    assertThat(c.node().memory().total()).isEqualTo(768L << 20);
  }

  @Test
  void edgePopExample_loads() throws IOException {
    ImgedgeConfig c = load("edge-pop.yaml");
    assertThat(c.node().role()).isEqualTo(NodeConfig.Role.EDGE);
    assertThat(c.cluster().members()).hasSize(3);
    assertThat(c.shield().nodes("us-east")).contains(URI.create("http://10.0.2.21:8082"));
    assertThat(c.origins().get(0).host()).isEqualTo("img.example.com");
    assertThat(c.admin().purgeEnabled()).isFalse();
  }

  @Test
  void shieldPopExample_loads() throws IOException {
    ImgedgeConfig c = load("shield-pop.yaml");
    assertThat(c.node().role()).isEqualTo(NodeConfig.Role.SHIELD);
    assertThat(c.node().internalUrl()).isEqualTo("http://10.0.2.21:8082");
    assertThat(c.cache().shieldMaxBytes()).isEqualTo(2L << 30);
    assertThat(c.origins().get(0).freshness().staleIfError()).hasDays(1);
  }
}
