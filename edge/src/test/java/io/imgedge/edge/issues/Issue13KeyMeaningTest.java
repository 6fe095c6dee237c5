package io.imgedge.edge.issues;

import static io.imgedge.edge.testing.TestNodes.get;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.transform.testing.TestImages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "one key per meaning": {@code /q.png?.png?width=20} (the object {@code q.png} with an
 * unknown parameter) and {@code /q.png%3F.png?width=20} (the object {@code q.png?.png}) are two
 * objects, whatever came first, and after a purge too.
 */
@Tag("integration")
class Issue13KeyMeaningTest {

  private static Node node(Path dir) throws IOException {
    Files.write(dir.resolve("q.png"), TestImages.png(TestImages.solid(40, 20, 0xFFFF0000)));
    Files.write(dir.resolve("q.png?.png"), TestImages.png(TestImages.solid(80, 80, 0xFF0000FF)));
    return TestNodes.start(dir.toString(), Map.of());
  }

  @Test
  void encodedQuestionMark_isItsOwnObject_afterTheOther(@TempDir Path dir) throws IOException {
    try (Node node = node(dir)) {
      HttpResponse<byte[]> plain = get(node, "/q.png?.png?width=20");
      HttpResponse<byte[]> named = get(node, "/q.png%3F.png?width=20");
      assertThatImage(plain.body()).hasSize(40, 20);
      assertThatImage(named.body()).hasSize(20, 20);
      assertThat(named.headers().firstValue("X-Cache")).contains("MISS");
      assertThat(TestImages.decode(named.body()).getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x0000FF);
    }
  }

  @Test
  void encodedQuestionMark_isItsOwnObject_beforeTheOther_andAfterAPurge(@TempDir Path dir)
      throws IOException {
    try (Node node = node(dir)) {
      assertThatImage(get(node, "/q.png%3F.png?width=20").body()).hasSize(20, 20);
      HttpResponse<byte[]> plain = get(node, "/q.png?.png?width=20");
      assertThatImage(plain.body()).hasSize(40, 20);
      assertThat(plain.headers().firstValue("X-Cache")).contains("MISS");
      for (int i = 0; i < 2; i++) {
        assertThatImage(get(node, "/q.png%3F.png?width=20").body()).hasSize(20, 20);
        assertThatImage(get(node, "/q.png?.png?width=20").body()).hasSize(40, 20);
      }
    }
  }
}
