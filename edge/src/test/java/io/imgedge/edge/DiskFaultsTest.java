package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.ChildNode;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, faults: a node process whose disk tier is on a real small tmpfs (mounted in a mount
 * namespace of its own with {@code unshare}, which needs no root where user namespaces are allowed)
 * keeps serving, byte for byte what a node without a disk serves, when the disk fills (ENOSPC: the
 * tier shrinks) and when the file system turns read-only under it or is read-only from the start
 * (EROFS: the tier turns off), with a warning and a metric. Permission errors and a slow disk
 * cannot be produced here for a process that runs as root; {@code DiskStoreTest} covers them at the
 * IO boundary.
 */
@Tag("integration")
class DiskFaultsTest {
  /**
   * Run by {@code sh -c} inside the namespace: mounts the tmpfs ($1, size $2), and if a trigger
   * file ($3) is named, remounts it read-only once the file appears (giving up after 2 minutes);
   * then becomes the node.
   */
  private static final String MOUNT_THEN_RUN =
      """
      mount -t tmpfs -o "$2" tmpfs "$1" || exit 97
      if [ -n "$3" ]; then
        (i=0; while [ ! -e "$3" ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done
         [ -e "$3" ] && mount -o remount,ro "$1") &
      fi
      shift 3
      exec "$@"
      """;

  private static TestOrigin origin;
  private static Node reference;

  @BeforeAll
  static void start() throws IOException {
    boolean namespaces = namespacesWork();
    if (!namespaces && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("unshare -rm (user and mount namespaces) is required on CI");
    }
    Assumptions.assumeTrue(namespaces, "unshare -rm is not available here");
    byte[] photo;
    try (InputStream in = DiskFaultsTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    origin = TestOrigin.start();
    for (int i = 0; i < 40; i++) {
      origin.image("/f" + i + ".jpg", photo, "image/jpeg", "ETag", "\"f" + i + "\"");
    }
    reference = TestNodes.start(origin.baseUrl().toString(), Map.of());
  }

  @AfterAll
  static void stop() {
    if (reference != null) {
      reference.close();
    }
    if (origin != null) {
      origin.close();
    }
  }

  private static boolean namespacesWork() {
    try {
      Process p =
          new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt")
              .redirectErrorStream(true)
              .start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ChildNode node(Path dir, String options, @Nullable Path trigger) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("tmpfs"));
    String yaml = "cache: {disk: {path: '" + mount + "', max-bytes: 64MiB}}\n";
    List<String> wrapper =
        List.of(
            "unshare",
            "-rm",
            "sh",
            "-c",
            MOUNT_THEN_RUN,
            "imgedge-in-a-namespace",
            mount.toString(),
            options,
            trigger == null ? "" : trigger.toString());
    return ChildNode.start(dir, "node", origin.baseUrl().toString(), yaml, wrapper);
  }

  /** Asks the node and the reference for a URL: the node answers 200 with the same bytes. */
  private static void sameAsWithoutADisk(ChildNode node, String url) {
    HttpResponse<byte[]> served = node.get(url);
    assertThat(served.statusCode()).as(url).isEqualTo(200);
    HttpResponse<byte[]> fresh = TestNodes.get(reference, url);
    assertThat(served.headers().firstValue("ETag"))
        .as(url)
        .isEqualTo(fresh.headers().firstValue("ETag"));
    assertThat(served.body()).as(url).isEqualTo(fresh.body());
  }

  @Test
  void aFullDisk_shrinksTheTier_andTheNodeKeepsServing(@TempDir Path dir) throws Exception {
    try (ChildNode node = node(dir, "size=3m", null)) {
      for (int i = 0; i < 24; i++) { // 24 originals of 280 KB on 3 MB
        sameAsWithoutADisk(node, "/f" + i + ".jpg?width=60");
      }
      awaitWritesSettled(node);
      assertThat(node.metric("imgedge_disk_errors_total", "kind=\"full\"", "tier=\"source\""))
          .as("ENOSPC met")
          .isPositive();
      boolean shrunk =
          node.metric("imgedge_disk_limit_bytes", "tier=\"source\"") < 32 * 1048576.0
              || node.metric("imgedge_disk_on", "tier=\"source\"") == 0;
      assertThat(shrunk).as("the source tier shrank (or turned off)").isTrue();
      assertThat(node.log()).contains("the disk is full");
      node.log().lines().filter(l -> l.contains("disk tier")).forEach(System.out::println);
      for (int i = 0; i < 24; i += 3) {
        sameAsWithoutADisk(node, "/f" + i + ".jpg?width=60");
        sameAsWithoutADisk(node, "/f" + i + ".jpg?width=61");
      }
      assertThat(node.metric("imgedge_requests_seconds_count", "status=\"5")).isZero();
    }
  }

  @Test
  void aFileSystemTurningReadOnly_turnsTheTierOff_andTheNodeKeepsServing(@TempDir Path dir)
      throws Exception {
    Path trigger = dir.resolve("remount-read-only");
    try (ChildNode node = node(dir, "size=16m", trigger)) {
      for (int i = 0; i < 3; i++) {
        sameAsWithoutADisk(node, "/f" + i + ".jpg?width=70");
      }
      awaitWritesSettled(node);
      assertThat(node.metric("imgedge_disk_writes_total", "result=\"ok\"")).isEqualTo(6);
      Files.createFile(trigger);
      long deadline = System.nanoTime() + 20_000_000_000L;
      int i = 3;
      while (node.metric("imgedge_disk_on", "tier=\"source\"") == 1
          && System.nanoTime() < deadline
          && i < 40) {
        sameAsWithoutADisk(node, "/f" + i++ + ".jpg?width=70");
        Thread.sleep(100); // the remount happens in the node's namespace, on its own time
      }
      assertThat(node.metric("imgedge_disk_on", "tier=\"source\"")).isZero();
      assertThat(node.metric("imgedge_disk_errors_total", "kind=\"read_only\"")).isPositive();
      assertThat(node.admin("/status?format=json").orElseThrow().body())
          .contains("\"tier\":\"source\",\"state\":\"off\"")
          .contains("read_only");
      assertThat(node.log()).contains("disk tier 'source' is off");
      for (int j = 0; j < i; j++) {
        sameAsWithoutADisk(node, "/f" + j + ".jpg?width=70");
      }
      sameAsWithoutADisk(node, "/f39.jpg?width=71");
      assertThat(node.metric("imgedge_requests_seconds_count", "status=\"5")).isZero();
    }
  }

  @Test
  void aReadOnlyFileSystemAtStart_leavesTheTierOff_andTheNodeServes(@TempDir Path dir)
      throws Exception {
    try (ChildNode node = node(dir, "ro,size=1m", null)) {
      assertThat(node.metric("imgedge_disk_on")).isZero();
      List<String> urls = new ArrayList<>(List.of("/f1.jpg?width=90", "/f2.jpg?width=90"));
      for (String url : urls) {
        sameAsWithoutADisk(node, url);
      }
      assertThat(node.log()).contains("is off: cannot use");
    }
  }

  private static void awaitWritesSettled(ChildNode node) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (node.metric("imgedge_disk_pending") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
