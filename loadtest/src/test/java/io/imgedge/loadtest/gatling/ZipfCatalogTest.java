package io.imgedge.loadtest.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfCatalogTest {

  @Test
  void catalog_isSourcesTimesWidthsTimesFormats() {
    ZipfCatalog c = new ZipfCatalog(4, List.of(100, 200, 300), List.of("jpg", "webp"), 1.0, 1);
    assertThat(c.size()).isEqualTo(24);
  }

  @Test
  void draw_followsZipf_theTopRankAboutTwiceTheSecond() {
    ZipfCatalog c = new ZipfCatalog(10, List.of(100, 200), List.of("jpg"), 1.0, 1);
    SplittableRandom random = new SplittableRandom(3);
    Map<ZipfCatalog.Item, Integer> counts = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      counts.merge(c.draw(random), 1, Integer::sum);
    }
    double first = counts.get(c.rank(0));
    double second = counts.get(c.rank(1));
    double last = counts.getOrDefault(c.rank(19), 0);
    assertThat(first / second).isBetween(1.85, 2.15);
    assertThat(first / last).isBetween(17.0, 23.0);
  }

  @Test
  void draw_isRepeatableForASeed() {
    ZipfCatalog a = new ZipfCatalog(5, List.of(100), List.of("jpg", "webp"), 1.0, 9);
    ZipfCatalog b = new ZipfCatalog(5, List.of(100), List.of("jpg", "webp"), 1.0, 9);
    SplittableRandom ra = new SplittableRandom(4);
    SplittableRandom rb = new SplittableRandom(4);
    for (int i = 0; i < 100; i++) {
      assertThat(a.draw(ra)).isEqualTo(b.draw(rb));
    }
  }

  @Test
  void urlStyles_spellTheSameDerivativeForEachServer() {
    assertThat(UrlStyle.IMGEDGE.path("/img/3.jpg", "http://127.0.0.1:9", 640, "webp"))
        .isEqualTo("/img/3.jpg?width=640&format=webp");
    assertThat(UrlStyle.IPX.path("/img/3.jpg", "http://127.0.0.1:9", 640, "jpg"))
        .isEqualTo("/w_640,f_jpeg/http%3A%2F%2F127.0.0.1%3A9%2Fimg%2F3.jpg");
    assertThat(UrlStyle.NGINX_FILTER.path("/img/3.jpg", "http://127.0.0.1:9", 640, "webp"))
        .isEqualTo("/resize/640/img/3.jpg");
    assertThat(UrlStyle.parse("nginx-filter")).isEqualTo(UrlStyle.NGINX_FILTER);
  }

  @Test
  void workload_roundTripsThroughSystemProperties_andRefusesNonLoopback() {
    Workload w =
        new Workload(
            List.of("http://127.0.0.1:1", "http://localhost:2"),
            UrlStyle.IMGEDGE,
            "http://127.0.0.1:3",
            5,
            List.of(100, 200),
            List.of("jpg"),
            1.0,
            7,
            12.5,
            30,
            0,
            3,
            Path.of("r.tsv"),
            List.of("http://127.0.0.1:4"),
            "token-token-token",
            2);
    assertThat(Workload.fromProperties(w.toProperties()::get)).isEqualTo(w);
    assertThatThrownBy(
            () ->
                new Workload(
                    List.of("http://192.0.2.1:1"),
                    UrlStyle.IMGEDGE,
                    "http://127.0.0.1:3",
                    5,
                    List.of(100),
                    List.of("jpg"),
                    1.0,
                    7,
                    1,
                    30,
                    0,
                    3,
                    Path.of("r.tsv"),
                    List.of(),
                    "",
                    0))
        .hasMessageContaining("loopback only");
    assertThatThrownBy(
            () ->
                new Workload(
                    List.of("http://127.0.0.1:1"),
                    UrlStyle.IMGEDGE,
                    "http://127.0.0.1:3",
                    5,
                    List.of(100),
                    List.of("jpg"),
                    1.0,
                    7,
                    1,
                    7200,
                    0,
                    3,
                    Path.of("r.tsv"),
                    List.of(),
                    "",
                    0))
        .hasMessageContaining("duration");
    assertThat(URI.create(w.targets().get(1)).getHost()).isEqualTo("localhost");
  }
}
