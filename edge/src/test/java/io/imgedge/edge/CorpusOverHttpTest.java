package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.admin;
import static io.imgedge.edge.testing.TestNodes.get;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared corpus served through a real node whose origin is the corpus folder ({@code --origin
 * ../shared/corpus}): orientation, colour management and bad input, end to end over HTTP.
 */
@Tag("integration")
class CorpusOverHttpTest {
  static Node node;

  @BeforeAll
  static void start() {
    Corpus.assumeAvailable();
    node = TestNodes.start(Corpus.requireDirectory().toString(), Map.of());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static Stream<String> badAndBombFiles() {
    Corpus.assumeAvailable();
    return Stream.concat(Corpus.files("bad-").stream(), Corpus.files("bomb-").stream());
  }

  @ParameterizedTest
  @MethodSource("badAndBombFiles")
  void badOrBomb_is4xxWithinASecond_andTheNodeStaysHealthy(String file) {
    long start = System.nanoTime();
    HttpResponse<byte[]> r = get(node, "/" + file + "?width=100");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.statusCode()).as(file + ": " + new String(r.body())).isBetween(400, 499);
    assertThat(r.headers().firstValue("Imgedge-IO-Error")).isPresent();
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(took).as(file).isLessThan(Duration.ofSeconds(1));
    assertThat(get(node, "/" + file + "?width=100").statusCode())
        .as("still refused")
        .isEqualTo(r.statusCode());
    assertThat(admin(node, "/health/ready").statusCode()).isEqualTo(200);
    assertThat(get(node, "/jpeg-422-small.jpg?width=10").statusCode()).isEqualTo(200);
  }

  /**
   * Bad and bomb files, over and over: the heap retained after a collection stays where it was, and
   * each refusal allocates little — limits come from the header, nothing is decoded.
   */
  @Test
  void badAndBombFiles_repeated_leaveTheHeapWhereItWas_andAllocateLittle() {
    List<String> files = badAndBombFiles().toList();
    files.forEach(f -> get(node, "/" + f + "?width=123"));
    long before = retainedHeap();
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getTotalThreadAllocatedBytes();
    int rounds = 8;
    for (int round = 0; round < rounds; round++) {
      for (String f : files) {
        // a new width each round: a new derivative, so the source is probed again, not just the
        // negative cache hit
        assertThat(get(node, "/" + f + "?width=" + (200 + round)).statusCode())
            .as(f)
            .isBetween(400, 499);
      }
    }
    long perRequest =
        (threads.getTotalThreadAllocatedBytes() - allocatedBefore) / ((long) rounds * files.size());
    long growth = retainedHeap() - before;
    System.out.printf(
        "%d bad/bomb requests: %d KiB allocated per request (all threads), retained heap %+d KiB%n",
        rounds * files.size(), perRequest / 1024, growth / 1024);
    assertThat(perRequest).as("bytes allocated per refused request").isLessThan(1L << 20);
    assertThat(growth).as("retained heap growth").isLessThan(16L << 20);
    assertThat(admin(node, "/health/ready").statusCode()).isEqualTo(200);
  }

  private static long retainedHeap() {
    var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  static Stream<Integer> orientations() {
    return Stream.of(0, 2, 3, 4, 5, 6, 7, 8);
  }

  @ParameterizedTest
  @MethodSource("orientations")
  void everyExifOrientation_isServedUpright(int n) {
    BufferedImage upright = png("/orient-landscape-1.jpg?width=300&format=png");
    BufferedImage image = png("/orient-landscape-" + n + ".jpg?width=300&format=png");
    assertThatImage(image).hasSize(300, 200);
    assertThat(Pixels.rmsePercent(image, upright)).as("RMSE vs orientation 1").isLessThan(10);
  }

  /**
   * Expected sRGB colours from the manifest: box (x, y, size) and RGB, for every cmyk- and icc-
   * file.
   */
  static Stream<Arguments> colours() {
    return Stream.of(
        Arguments.of("cmyk-adobe-plain-swop-icc.jpg", 190, 100, 10, new Rgb(153, 213, 214)),
        Arguments.of("cmyk-ycck-no-icc.jpg", 90, 250, 20, new Rgb(85, 105, 69)),
        Arguments.of("cmyk-ycck-swop-icc.jpg", 90, 250, 20, new Rgb(85, 105, 69)),
        Arguments.of("cmyk-ycck-swop-icc.jpg", 321, 233, 4, new Rgb(177, 63, 70)),
        Arguments.of("cmyk-ycck-swop-icc.jpg", 400, 300, 20, new Rgb(161, 164, 168)),
        Arguments.of("icc-adobergb-photo-progressive-444.jpg", 1680, 580, 20, new Rgb(0, 145, 200)),
        Arguments.of("icc-adobergb-small.jpg", 29, 54, 1, new Rgb(0, 102, 209)),
        Arguments.of("icc-displayp3-small.jpg", 29, 54, 1, new Rgb(31, 103, 212)),
        Arguments.of("icc-png-prophoto-1x1.png", 0, 0, 1, new Rgb(117, 160, 209)),
        Arguments.of("icc-xyb-jpegli.jpg", 50, 50, 10, new Rgb(165, 144, 107)),
        // the manifest allows the perceptual result of this v4 profile: ~(12,93,195)
        Arguments.of("icc-srgb-v4-small-reference.jpg", 29, 54, 1, new Rgb(12, 93, 195)),
        Arguments.of("icc-mismatch-rgb-jpeg-gray-profile.jpg", 29, 54, 1, new Rgb(53, 102, 205)),
        Arguments.of("icc-mismatch-gray-jpeg-rgb-profile.jpg", 200, 200, 50, new Rgb(0, 0, 0)));
  }

  @ParameterizedTest
  @MethodSource("colours")
  void colourManagedFiles_matchTheManifest(String file, int x, int y, int size, Rgb expected) {
    BufferedImage image = png("/" + file + "?format=png");
    assertThatImage(image).hasBoxMeanCloseTo(x, y, size, size, expected, 6);
  }

  @Test
  void cmykWithOrientation_isRotatedAndConverted() {
    assertThatImage(png("/cmyk-ycck-orient-6-no-icc.jpg?format=png")).hasSize(533, 800);
    assertThatImage(png("/cmyk-ycck-orient-6-srgb-reference.jpg?format=png")).hasSize(800, 533);
  }

  @Test
  void everyCmykAndIccFile_isCovered() {
    List<String> covered =
        Stream.concat(
                colours().map(a -> (String) a.get()[0]),
                Stream.of("cmyk-ycck-orient-6-no-icc.jpg", "cmyk-ycck-orient-6-srgb-reference.jpg"))
            .toList();
    assertThat(covered).containsAll(Corpus.files("cmyk-")).containsAll(Corpus.files("icc-"));
  }

  private static BufferedImage png(String pathAndQuery) {
    HttpResponse<byte[]> r = get(node, pathAndQuery);
    assertThat(r.statusCode())
        .as(pathAndQuery + ": " + (r.statusCode() == 200 ? "" : new String(r.body())))
        .isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
    return TestImages.decode(r.body());
  }
}
