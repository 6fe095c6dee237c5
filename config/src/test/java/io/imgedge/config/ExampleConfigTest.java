package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example configurations shipped in config/examples/ stay valid. */
class ExampleConfigTest {
  @TempDir Path dir;

  @Test
  void allInOneExample_loads() throws IOException {
    String yaml = Files.readString(Path.of("examples/all-in-one.yaml"))
        .replace("./examples-images-folder-that-must-exist", dir.toString());
    Path file = Files.writeString(dir.resolve("all-in-one.yaml"), yaml);
    ImgedgeConfig c = ConfigLoader.load(file, java.util.Map.of(), CommandLineOverrides.NONE);
    assertThat(c.origins()).extracting(OriginConfig::name).containsExactly("photos", "local", "samples");
    assertThat(c.origins().get(0).freshness().defaultTtl()).hasHours(24);
    assertThat(c.limits().transformConcurrency()).isEqualTo(2);
    assertThat(c.transform().jpegType()).isEqualTo(TransformConfig.JpegType.AUTO);
  }
}
