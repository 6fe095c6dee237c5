package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.ChildNode;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, crash safety: a node process is killed with SIGKILL in the middle of a storm of renders
 * being written to its disk tier; restarted on the same folder, it deletes the unfinished writes
 * (one torn temporary file is always among them), drops a torn object file, and every object it
 * serves is byte-identical (bytes and ETag) to what a node without a disk renders from the origin:
 * none is partial.
 */
@Tag("integration")
class DiskCrashTest {

  @Test
  void killedDuringAWriteStorm_servesOnlyWholeObjectsAfterTheRestart(@TempDir Path dir)
      throws Exception {
    byte[] photo;
    try (InputStream in = DiskCrashTest.class.getResourceAsStream("/samples/photo.jpg")) {
      photo = in.readAllBytes();
    }
    List<String> urls = new ArrayList<>();
    try (TestOrigin origin = TestOrigin.start()) {
      for (int s = 0; s < 8; s++) {
        origin.image("/s" + s + ".jpg", photo, "image/jpeg", "ETag", "\"s" + s + "\"");
        for (int w = 0; w < 8; w++) {
          urls.add("/s" + s + ".jpg?width=" + (200 + 60 * w) + (w % 2 == 0 ? "" : "&format=webp"));
        }
      }
      Path disk = dir.resolve("disk");
      String yaml = "cache: {disk: {path: '" + disk + "', max-bytes: 256MiB}}\n";
      String url = origin.baseUrl().toString();

      int writtenBeforeTheKill;
      try (ChildNode first = ChildNode.start(dir, "first", url, yaml, List.of())) {
        writtenBeforeTheKill = storm(first, urls);
      }
      assertThat(writtenBeforeTheKill).as("killed in the middle of the storm").isPositive();
      System.out.printf(
          "DiskCrashTest: killed after %d writes, leaving %d unfinished temporary files%n",
          writtenBeforeTheKill, temporaries(disk));
      // A write takes a fraction of a millisecond here, so the kill seldom lands inside one: leave
      // what it would leave (a torn temporary file), and what only a power cut without fsync could
      // (a torn object file), so that both are always checked.
      tear(disk.resolve("shield"));

      try (ChildNode second = ChildNode.start(dir, "second", url, yaml, List.of());
          Node reference = TestNodes.start(url, Map.of())) {
        for (String tier : List.of("source", "shield")) {
          try (Stream<Path> temps = Files.list(disk.resolve(tier).resolve("tmp"))) {
            assertThat(temps.toList()).as("unfinished writes deleted at start").isEmpty();
          }
        }
        for (String u : urls) {
          HttpResponse<byte[]> served = second.get(u);
          HttpResponse<byte[]> fresh = TestNodes.get(reference, u);
          assertThat(served.statusCode()).as(u).isEqualTo(200);
          assertThat(served.headers().firstValue("ETag"))
              .as(u)
              .isEqualTo(fresh.headers().firstValue("ETag"));
          assertThat(served.body()).as(u).isEqualTo(fresh.body());
        }
        assertThat(second.metric("imgedge_disk_gets_total", "result=\"hit\"", "tier=\"shield\""))
            .as("renditions answered from disk after the restart")
            .isGreaterThan(0);
        assertThat(second.metric("imgedge_disk_errors_total", "kind=\"corrupt\""))
            .as("the torn object file found and dropped; no other")
            .isOne();
      }
    }
  }

  /**
   * Copies half of one object file into {@code tmp/} (a write cut short) and cuts another in half
   * where it is.
   */
  private static void tear(Path tier) throws java.io.IOException {
    List<Path> objects;
    try (Stream<Path> files = Files.walk(tier.resolve("objects"))) {
      objects = files.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(objects).hasSizeGreaterThanOrEqualTo(2);
    byte[] first = Files.readAllBytes(objects.get(0));
    Files.write(
        tier.resolve("tmp").resolve(objects.get(0).getFileName() + ".7"),
        java.util.Arrays.copyOf(first, first.length / 2));
    byte[] second = Files.readAllBytes(objects.get(1));
    Files.write(objects.get(1), java.util.Arrays.copyOf(second, second.length / 2));
  }

  private static long temporaries(Path disk) throws java.io.IOException {
    long n = 0;
    for (String tier : List.of("source", "shield")) {
      try (Stream<Path> temps = Files.list(disk.resolve(tier).resolve("tmp"))) {
        n += temps.count();
      }
    }
    return n;
  }

  /**
   * Asks for every URL, 12 at a time, and kills the node once some renditions are on disk while the
   * rest are still being rendered and written; returns how many were written by then.
   */
  private static int storm(ChildNode node, List<String> urls) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < 12; c++) {
        clients.submit(
            () -> {
              for (int i; !killed.get() && (i = next.getAndIncrement()) < urls.size(); ) {
                try {
                  node.get(urls.get(i));
                } catch (RuntimeException e) {
                  // the node was killed under this request
                }
              }
            });
      }
      long deadline = System.nanoTime() + 60_000_000_000L;
      double written = 0;
      while (System.nanoTime() < deadline
          && (written = node.metric("imgedge_disk_writes_total", "result=\"ok\"")) < 20) {
        Thread.sleep(20);
      }
      assertThat(next.get()).as("still storming when killed").isLessThan(urls.size());
      node.kill();
      killed.set(true);
      return (int) written;
    }
  }
}
