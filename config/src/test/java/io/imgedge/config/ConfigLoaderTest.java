package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaults_areFastlysLimitsAndTheSamplesOrigin() {
    ImgedgeConfig c = ImgedgeConfig.defaults();
    assertThat(c.node().publicPort()).isEqualTo(8080);
    assertThat(c.node().adminPort()).isEqualTo(8081);
    assertThat(c.limits().maxInputBytes()).isEqualTo(50_000_000L);
    assertThat(c.limits().maxInputWidth()).isEqualTo(12_000);
    assertThat(c.limits().maxOutputWidth()).isEqualTo(8192);
    assertThat(c.limits().maxFrames()).isEqualTo(1000);
    assertThat(c.transform().jpegQuality()).isEqualTo(85);
    assertThat(c.transform().resizeFilter()).isEqualTo("lanczos3");
    assertThat(c.origins()).containsExactly(OriginConfig.samples());
    assertThat(c.cluster().members()).containsExactly("127.0.0.1");
  }

  @Test
  void file_environment_flags_inIncreasingPrecedence() throws IOException {
    Path file =
        write("node:\n  public-port: 9000\n  admin-port: 9001\ncache:\n  default-ttl: 10m\n");
    Map<String, String> env =
        Map.of("IMGEDGE_NODE_ADMIN_PORT", "9101", "IMGEDGE_CACHE_DEFAULT_TTL", "2h");
    var flags = new CommandLineOverrides(Map.of("node.admin-port", "9201"), null);

    ImgedgeConfig c = ConfigLoader.load(file, env, flags);

    assertThat(c.node().publicPort()).isEqualTo(9000);
    assertThat(c.node().adminPort()).isEqualTo(9201);
    assertThat(c.cache().defaultTtl()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void sizesAndDurations_acceptDecimalAndBinaryUnits() throws IOException {
    Path file =
        write(
            "node:\n  memory: 4GiB\ncache:\n  edge-max-bytes: 1GiB\n  source-max-bytes: 64MB\nfetch:\n  read-timeout: 250ms\n");
    ImgedgeConfig c = ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE);
    assertThat(c.cache().edgeMaxBytes()).isEqualTo(1L << 30);
    assertThat(c.cache().sourceMaxBytes()).isEqualTo(64_000_000L);
    assertThat(c.fetch().readTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void diskTier_isOffByDefault() {
    CacheConfig.Disk disk = ImgedgeConfig.defaults().cache().disk();
    assertThat(disk.enabled()).isFalse();
    assertThat(disk.path()).isNull();
    assertThat(disk.maxBytes()).isEqualTo(1L << 30);
    assertThat(disk.timeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void diskTier_fromTheEnvironment_likeEveryOtherKey() {
    Path folder = dir.resolve("disk");
    Map<String, String> env =
        Map.of(
            "IMGEDGE_CACHE_DISK_PATH", folder.toString(),
            "IMGEDGE_CACHE_DISK_MAX_BYTES", "2GiB",
            "IMGEDGE_CACHE_DISK_TIMEOUT", "250ms");
    CacheConfig.Disk disk = ConfigLoader.load(null, env, CommandLineOverrides.NONE).cache().disk();
    assertThat(disk.enabled()).isTrue();
    assertThat(disk.path()).isEqualTo(folder.toAbsolutePath());
    assertThat(disk.maxBytes()).isEqualTo(2L << 30);
    assertThat(disk.timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(disk.sourceBytes() + disk.shieldBytes()).isEqualTo(disk.maxBytes());
    assertThat(disk.sourceBytes()).isEqualTo(1L << 30);
  }

  @Test
  void diskTier_fromTheFile_andItsErrorsNameTheKey() throws IOException {
    Path file = write("cache:\n  disk:\n    path: %s\n    max-bytes: 64MiB\n".formatted(dir));
    assertThat(ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE).cache().disk())
        .isEqualTo(new CacheConfig.Disk(dir.toAbsolutePath(), 64L << 20, Duration.ofMillis(500)));
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of("IMGEDGE_CACHE_DISK_PATH", notAFolder.toString()),
                    CommandLineOverrides.NONE))
        .hasMessageContaining("'cache.disk.path' (environment variable IMGEDGE_CACHE_DISK_PATH)")
        .hasMessageContaining("a folder");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null, Map.of("IMGEDGE_CACHE_DISK_MAX_BYTES", "1KB"), CommandLineOverrides.NONE))
        .hasMessageContaining("'cache.disk.max-bytes'")
        .hasMessageContaining("a size of at least 1048576 bytes");
  }

  @Test
  void invalidValue_namesKeySourceAndAcceptedForm() {
    var env = Map.of("IMGEDGE_CACHE_EDGE_MAX_BYTES", "lots");
    assertThatThrownBy(() -> ConfigLoader.load(null, env, CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'cache.edge-max-bytes'")
        .hasMessageContaining("environment variable IMGEDGE_CACHE_EDGE_MAX_BYTES")
        .hasMessageContaining("\"lots\"")
        .hasMessageContaining("such as 64MB")
        .hasMessageContaining("README.md#configuration");
  }

  @Test
  void portOutOfRange_isRejected() {
    var flags = new CommandLineOverrides(Map.of("node.public-port", "70000"), null);
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), flags))
        .hasMessageContaining("'node.public-port' (command line)")
        .hasMessageContaining("an integer from 0 to 65535");
  }

  @Test
  void unknownKey_isRejectedWithTheKnownKeys() throws IOException {
    Path file = write("cache:\n  edge-max-byte: 1GiB\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE))
        .hasMessageContaining("unknown configuration key 'cache.edge-max-byte'")
        .hasMessageContaining("cache.edge-max-bytes");
  }

  @Test
  void origins_sortedLongestPrefixFirst() throws IOException {
    Path images = Files.createDirectory(dir.resolve("images"));
    Path file =
        write(
            """
            origins:
              - name: site
                type: http
                url: https://www.example.com/static
                default-ttl: 10m
              - name: local
                type: folder
                folder: %s
                path-prefix: /local
            """
                .formatted(images));
    ImgedgeConfig c = ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE);
    assertThat(c.origins()).extracting(OriginConfig::name).containsExactly("local", "site");
    assertThat(c.origins().get(0).pathPrefix()).isEqualTo("/local/");
    assertThat(c.origins().get(0).folder()).isEqualTo(images);
    assertThat(c.origins().get(1).baseUrl()).hasToString("https://www.example.com/static");
    assertThat(c.origins().get(1).freshness().defaultTtl()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void origin_missingFolder_namesTheEntry() throws IOException {
    Path file = write("origins:\n  - type: folder\n    folder: /no/such/folder\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE))
        .hasMessageContaining("'origins[0].folder'")
        .hasMessageContaining("an existing folder");
  }

  @Test
  void origin_redirectHosts_asAListOrCommaSeparated() throws IOException {
    Path file =
        write(
            """
        origins:
          - name: a
            type: http
            url: https://a.example
            redirect-hosts: [CDN.example, img.example]
          - name: b
            type: http
            url: https://b.example
            path-prefix: /b/
            redirect-hosts: "x.example, y.example"
          - name: c
            type: http
            url: https://c.example
            path-prefix: /c/
        """);
    Map<String, OriginConfig> origins = new java.util.HashMap<>();
    ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE)
        .origins()
        .forEach(o -> origins.put(o.name(), o));
    assertThat(origins.get("a").redirectHosts()).containsExactly("cdn.example", "img.example");
    assertThat(origins.get("b").redirectHosts()).containsExactly("x.example", "y.example");
    assertThat(origins.get("c").redirectHosts()).isEmpty();
  }

  @Test
  void origin_badType_listsTheTypes() throws IOException {
    Path file = write("origins:\n  - type: s3\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE))
        .hasMessageContaining("'origins[0].type'")
        .hasMessageContaining("samples, folder, http");
  }

  @Test
  void commandLineOrigin_replacesConfiguredOrigins() throws IOException {
    Path file = write("origins:\n  - type: http\n    url: https://a.example\n");
    var folder = new CommandLineOverrides(Map.of(), dir.toString());
    assertThat(ConfigLoader.load(file, Map.of(), folder).origins())
        .singleElement()
        .satisfies(o -> assertThat(o.kind()).isEqualTo(OriginConfig.Kind.FOLDER));

    var url = new CommandLineOverrides(Map.of(), "http://127.0.0.1:9999/img");
    assertThat(ConfigLoader.load(file, Map.of(), url).origins().get(0).baseUrl())
        .hasToString("http://127.0.0.1:9999/img");

    var neither = new CommandLineOverrides(Map.of(), "ftp://x");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), neither))
        .hasMessageContaining("'--origin'");
  }

  @Test
  void clusterMembers_fromYamlListOrCommaString() throws IOException {
    Path file = write("cluster:\n  members: [127.0.0.1:5701, 127.0.0.1:5702]\n");
    assertThat(ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE).cluster().members())
        .containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    var env = Map.of("IMGEDGE_CLUSTER_MEMBERS", "127.0.0.1:1, 127.0.0.1:2");
    assertThat(ConfigLoader.load(null, env, CommandLineOverrides.NONE).cluster().members())
        .containsExactly("127.0.0.1:1", "127.0.0.1:2");
  }

  @Test
  void malformedYaml_isReportedWithTheFile() throws IOException {
    Path file = write("node: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not valid YAML");
  }

  /**
   * Issue 14: shield-pop.yaml set 4 GiB of caches on a node left at 768 MiB; that is refused,
   * naming what to change.
   */
  @Test
  void cachesLargerThanTheHeapAllows_areRefused_namingNodeMemory() throws IOException {
    Path file =
        write(
            "node:\n  role: shield\n  internal-url: http://127.0.0.1:8082\n"
                + "cache:\n  source-max-bytes: 2GiB\n  shield-max-bytes: 2GiB\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("4096 MiB together", "node.memory 768 MiB", "raise node.memory");
    var bigger = Map.of("IMGEDGE_NODE_MEMORY", "16GiB");
    assertThat(ConfigLoader.load(file, bigger, CommandLineOverrides.NONE).cache().sourceMaxBytes())
        .isEqualTo(2L << 30);
  }

  @Test
  void environmentName_mapsDotsAndDashes() {
    assertThat(ConfigLoader.environmentName("limits.max-input-bytes"))
        .isEqualTo("IMGEDGE_LIMITS_MAX_INPUT_BYTES");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("imgedge.yaml"), yaml);
  }
}
