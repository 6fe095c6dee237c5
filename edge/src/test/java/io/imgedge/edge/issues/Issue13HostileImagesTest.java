package io.imgedge.edge.issues;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, "cost is not estimated before work": images small on the wire that would cost minutes
 * of CPU or gigabytes of memory are refused from their header and the request, in well under the 2
 * s the issue allows, with a 4xx that names the limit; the next ordinary request is served.
 */
@Tag("integration")
class Issue13HostileImagesTest {
  static Path dir;
  static Node node;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("hostile");
    for (String name :
        new String[] {
          "bomb-webp-50-frames-12000x12000.webp",
          "bomb-gif-12000-canvas-1000-frames.gif",
          "bomb-png-16bit-12000x12000.png"
        }) {
      try (InputStream in =
          Issue13HostileImagesTest.class.getResourceAsStream("/hostile/" + name)) {
        Files.write(dir.resolve(name), in.readAllBytes());
      }
    }
    try (InputStream in =
        Issue13HostileImagesTest.class.getResourceAsStream("/samples/photo.jpg")) {
      Files.write(dir.resolve("photo.jpg"), in.readAllBytes());
    }
    node = TestNodes.start(dir.toString(), Map.of("node.memory", "768MiB"));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /bomb-webp-50-frames-12000x12000.webp?width=100        | limits.max-decode-pixels
      /bomb-webp-50-frames-12000x12000.webp?width=100&frame=1 | limits.max-render-memory
      /bomb-gif-12000-canvas-1000-frames.gif?width=100       | limits.max-decode-pixels
      /bomb-gif-12000-canvas-1000-frames.gif?format=png      | limits.max-render-memory
      /bomb-png-16bit-12000x12000.png?width=100              | limits.max-render-memory
      """)
  void refusedFromTheHeader_fast_withTheLimitNamed(String url, String limit) {
    long start = System.nanoTime();
    HttpResponse<byte[]> r = get(node, url);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(new String(r.body())).contains(limit);
    assertThat(millis).as("refused before any decoding").isLessThan(2_000);
    assertThat(get(node, "/photo.jpg?width=120").statusCode()).isEqualTo(200);
  }
}
