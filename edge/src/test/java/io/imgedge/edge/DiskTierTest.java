package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.admin;
import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestCluster;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's acceptance for the disk tier, on real nodes over loopback in front of a real HTTP
 * origin: the byte bound, a restart answered from disk, a flipped byte refetched, purges reaching
 * the disk (on one node and across a shield cluster), and what {@code /status} shows. (A node
 * killed with SIGKILL, and a full or read-only disk, need a node process: DiskCrashTest,
 * DiskFaultsTest.)
 */
@Tag("integration")
class DiskTierTest {
  private static final long MIB = 1 << 20;

  @TempDir Path dir;
  private TestOrigin origin;
  private byte[] photo;
  private final List<Node> nodes = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    try (InputStream in = DiskTierTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    origin = TestOrigin.start();
    for (int i = 0; i < 40; i++) {
      origin.image("/p" + i + ".jpg", photo, "image/jpeg", "ETag", "\"p" + i + "\"");
    }
  }

  @AfterEach
  void stop() {
    nodes.forEach(Node::close);
    origin.close();
  }

  private Node node(Map<String, String> settings) {
    Map<String, String> s = new HashMap<>(settings);
    s.putIfAbsent("cache.disk.path", dir.resolve("disk").toString());
    Node node = TestNodes.start(origin.baseUrl().toString(), s);
    nodes.add(node);
    return node;
  }

  private Node node() {
    return node(Map.of());
  }

  /** Stops a node as an operator does (what waits to be written is written). */
  private void stop(Node node) {
    node.close();
    nodes.remove(node);
  }

  private static void written(Node node) {
    Await.until(
        "every disk write done", () -> gauges(node.registry(), "imgedge.disk.pending") == 0);
  }

  private static double gauges(MeterRegistry r, String name) {
    return r.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
  }

  private static double counters(MeterRegistry r, String name, String... tags) {
    return r.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static long transforms(Node node) {
    return node.registry().find("imgedge.transform").timers().stream()
        .mapToLong(Timer::count)
        .sum();
  }

  /** The bytes of the files under a folder now, as files come and go. */
  private static long bytesUnder(Path folder) throws IOException {
    long[] total = {0};
    Files.walkFileTree(
        folder,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
            total[0] += attributes.size();
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e)
              throws IOException {
            if (e instanceof NoSuchFileException) {
              return java.nio.file.FileVisitResult.CONTINUE; // evicted since the listing
            }
            throw e;
          }
        });
    return total[0];
  }

  private List<Path> objectFiles(String tier) throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("disk").resolve(tier).resolve("objects"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void fillingBeyondTheCap_keepsTheBytesOnDiskUnderIt() throws IOException {
    long max = 16 * MIB; // sources 8 MiB (about 29 originals of 280 KB), derivatives 8 MiB
    Node node = node(Map.of("cache.disk.max-bytes", "16MiB"));
    for (int i = 0; i < 40; i++) {
      assertThat(get(node, "/p" + i + ".jpg?width=40").statusCode()).isEqualTo(200);
      assertThat(bytesUnder(dir.resolve("disk"))).isLessThanOrEqualTo(max);
    }
    written(node);
    long sources = bytesUnder(dir.resolve("disk/source"));
    assertThat(sources).as("the originals' share").isLessThanOrEqualTo(max / 2);
    assertThat(sources).isGreaterThan(max / 4);
    assertThat(bytesUnder(dir.resolve("disk"))).isLessThanOrEqualTo(max);
    assertThat(counters(node.registry(), "imgedge.disk.evictions", "tier", "source"))
        .as("40 originals of 280 KB do not fit in 8 MiB")
        .isGreaterThan(5);
    assertThat(counters(node.registry(), "imgedge.disk.writes", "tier", "source", "result", "ok"))
        .isEqualTo(40);
  }

  @Test
  void aRestartedNode_answersFromDisk_withoutTheOrigin() throws IOException {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (String q : List.of("width=100", "width=64&format=webp", "width=80&height=80&fit=crop")) {
        urls.add("/p" + i + ".jpg?" + q);
      }
    }
    Node first = node();
    Map<String, HttpResponse<byte[]>> before = new HashMap<>();
    for (String url : urls) {
      before.put(url, get(first, url));
    }
    written(first);
    stop(first);
    int fetched = origin.requests();
    assertThat(fetched).isEqualTo(4);

    Node second = node();
    for (String url : urls) {
      HttpResponse<byte[]> after = get(second, url);
      assertThat(after.statusCode()).as(url).isEqualTo(200);
      assertThat(after.body()).as(url).isEqualTo(before.get(url).body());
      assertThat(after.headers().firstValue("ETag"))
          .isEqualTo(before.get(url).headers().firstValue("ETag"));
    }
    assertThat(origin.requests()).as("no origin fetch after the restart").isEqualTo(fetched);
    assertThat(counters(second.registry(), "imgedge.origin.fetches")).isZero();
    assertThat(transforms(second)).as("no render after the restart").isZero();
    assertThat(counters(second.registry(), "imgedge.disk.gets", "tier", "shield", "result", "hit"))
        .isEqualTo(urls.size());
  }

  @Test
  void aFlippedByteInAnObjectFile_isRefetchedNotServed() throws IOException {
    Node first = node();
    HttpResponse<byte[]> reference = get(first, "/p1.jpg?width=120");
    written(first);
    stop(first);
    for (String tier : List.of("source", "shield")) {
      Path file = objectFiles(tier).getFirst();
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
        long at = f.length() - 50; // in the body (the image's last bytes)
        f.seek(at);
        int b = f.read();
        f.seek(at);
        f.write(b ^ 0x01);
      }
    }

    Node second = node();
    HttpResponse<byte[]> after = get(second, "/p1.jpg?width=120");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(reference.body());
    assertThat(after.headers().firstValue("ETag"))
        .isEqualTo(reference.headers().firstValue("ETag"));
    assertThat(origin.requests("/p1.jpg")).as("the original fetched again").isEqualTo(2);
    assertThat(transforms(second)).as("the derivative rendered again").isOne();
    assertThat(counters(second.registry(), "imgedge.disk.gets", "result", "corrupt")).isEqualTo(2);
    written(second);
    stop(second);
    Node third = node();
    assertThat(get(third, "/p1.jpg?width=120").body()).isEqualTo(reference.body());
    assertThat(origin.requests("/p1.jpg")).as("the refetched copy is on disk").isEqualTo(2);
  }

  @Test
  void aPurge_reachesTheDisk_soARestartFetchesAgain() {
    Node first = node(Map.of("admin.token", TestCluster.TOKEN, "cache.disk.max-bytes", "64MiB"));
    get(first, "/p2.jpg?width=90");
    get(first, "/p3.jpg?width=90");
    written(first);
    HttpResponse<byte[]> purge =
        TestNodes.send(
            first.adminPort(),
            "POST",
            "/purge?path=/p2.jpg",
            "Authorization",
            "Bearer " + TestCluster.TOKEN);
    assertThat(purge.statusCode()).isEqualTo(200);
    stop(first);

    Node second = node(Map.of("cache.disk.max-bytes", "64MiB"));
    get(second, "/p2.jpg?width=90");
    get(second, "/p3.jpg?width=90");
    assertThat(origin.requests("/p2.jpg")).as("purged: fetched again").isEqualTo(2);
    assertThat(origin.requests("/p3.jpg")).as("kept: from disk").isEqualTo(1);
  }

  @Test
  void aPurgeAtAnEdge_reachesEveryShieldsDisk() throws IOException {
    String yaml = "cache: {disk: {path: '" + dir.resolve("{node}") + "', max-bytes: 64MiB}}\n";
    try (TestCluster cluster = TestCluster.start(origin.baseUrl().toString(), 1, 2, yaml)) {
      Node edge = cluster.edges().getFirst();
      for (int i = 0; i < 6; i++) {
        assertThat(get(edge, "/p" + i + ".jpg?width=50").statusCode()).isEqualTo(200);
      }
      for (Node shield : cluster.shields()) {
        written(shield);
      }
      assertThat(sourcesOnDisk(cluster)).isEqualTo(6);
      for (int i = 0; i < 6; i++) {
        HttpResponse<byte[]> purge =
            TestNodes.send(
                edge.adminPort(),
                "POST",
                "/purge?path=/p" + i + ".jpg",
                "Authorization",
                "Bearer " + TestCluster.TOKEN);
        assertThat(purge.statusCode()).isEqualTo(200);
      }
      Await.until("every shield's disk purged", () -> sourcesOnDisk(cluster) == 0);
      for (int s = 0; s < 2; s++) {
        try (Stream<Path> files = Files.walk(dir.resolve("shield-" + s))) {
          assertThat(files.filter(Files::isRegularFile).toList()).as("shield-" + s).isEmpty();
        }
      }
    }
  }

  private static double sourcesOnDisk(TestCluster cluster) {
    return cluster.shields().stream()
        .mapToDouble(
            n ->
                n.registry().find("imgedge.disk.objects").tag("tier", "source").gauges().stream()
                    .mapToDouble(Gauge::value)
                    .sum())
        .sum();
  }

  @Test
  void status_showsEachDiskTier() {
    Node node = node();
    get(node, "/p5.jpg?width=30");
    written(node);
    Await.until(
        "the indexes loaded",
        () -> !admin(node, "/status?format=json").body().contains("\"state\":\"loading\""));
    String json = admin(node, "/status?format=json").body();
    assertThat(json)
        .contains("\"disk\":[{\"tier\":\"source\",\"state\":\"on\",\"reason\":null")
        .contains("{\"tier\":\"shield\",\"state\":\"on\"")
        .contains("\"objects\":1");
    assertThat(admin(node, "/status").body()).contains("<h2>Disk tiers</h2>");
    String metrics = admin(node, "/metrics").body();
    assertThat(metrics)
        .contains("imgedge_disk_gets_total{result=\"miss\",tier=\"source\"}")
        .contains("imgedge_disk_size_bytes{tier=\"shield\"}")
        .contains("imgedge_disk_index_load_seconds{tier=\"source\"}")
        .contains("imgedge_disk_on{tier=\"source\"} 1.0");
    for (String name :
        List.of(
            "imgedge_disk_writes_total{result=\"ok\",tier=\"source\"} 1.0",
            "imgedge_disk_read_bytes_total{tier=",
            "imgedge_disk_written_bytes_total{tier=",
            "imgedge_disk_evictions_total{tier=",
            "imgedge_disk_limit_bytes{tier=",
            "imgedge_disk_objects{tier=\"shield\"} 1.0",
            "imgedge_disk_pending{tier=",
            "imgedge_disk_errors_total{kind=\"full\",tier=",
            "imgedge_disk_index_progress{tier=")) {
      assertThat(metrics).as("the README's metric " + name).contains(name);
    }
  }

  @Test
  void withoutAPath_thereIsNoDiskTier() {
    Node node = TestNodes.start(origin.baseUrl().toString(), Map.of());
    nodes.add(node);
    assertThat(get(node, "/p6.jpg?width=30").statusCode()).isEqualTo(200);
    assertThat(admin(node, "/status?format=json").body()).contains("\"disk\":[]");
    assertThat(admin(node, "/metrics").body()).doesNotContain("imgedge_disk_");
  }
}
