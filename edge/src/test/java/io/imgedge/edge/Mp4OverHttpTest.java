package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.admin;
import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.transform.testing.Ffprobe;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code format=mp4} over HTTP on a real node serving the bundled samples (issue 19): the animated
 * sample answers {@code video/mp4} whose frames and durations ffprobe reads back, cached like any
 * derivative; profile and level reach the stream; a still image keeps its format with a warning; a
 * bad level is a 400 that is not cached; {@code /status} and the metrics name MP4. Skipped only
 * where ffmpeg is not installed.
 */
@Tag("integration")
class Mp4OverHttpTest {
  static Node node;

  @BeforeAll
  static void start() {
    Ffprobe.assumeInstalled();
    node = TestNodes.start(null, Map.of());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void animatedSample_isAnMp4_withItsTwelveFramesOf80Ms_andIsCached() {
    HttpResponse<byte[]> r = get(node, "/animated.gif?format=mp4&width=120");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).isEqualTo("video/mp4");
    assertThat(header(r, "Imgedge-IO-Info")).contains("ifmt=gif", "ofmt=mp4", "odim=120x80");
    assertThat(header(r, "Imgedge-IO-Warning")).isNull();
    assertThat(Ffprobe.stream(r.body()))
        .containsEntry("codec_name", "h264")
        .containsEntry("pix_fmt", "yuv420p")
        .containsEntry("width", "120");
    assertThat(Ffprobe.frameMillis(r.body())).isEqualTo(Collections.nCopies(12, 80));

    HttpResponse<byte[]> again = get(node, "/animated.gif?format=mp4&width=120");
    assertThat(header(again, "X-Cache")).isEqualTo("HIT");
    assertThat(again.body()).isEqualTo(r.body());
  }

  @Test
  void profileAndLevel_reachTheStream() {
    HttpResponse<byte[]> r = get(node, "/animated.gif?format=mp4&profile=high&level=4.0");
    assertThat(Ffprobe.stream(r.body()))
        .containsEntry("profile", "High")
        .containsEntry("level", "40");
  }

  @Test
  void stillImage_keepsItsFormat_withAWarning() {
    HttpResponse<byte[]> r = get(node, "/photo.jpg?format=mp4&width=100");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).isEqualTo("image/jpeg");
    assertThat(header(r, "Imgedge-IO-Warning")).contains("format=mp4 is for animations");
  }

  @Test
  void badLevel_isA400_notCached_andTheNextRequestIsServed() {
    HttpResponse<byte[]> bad = get(node, "/animated.gif?format=mp4&profile=main&level=9.9");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(header(bad, "Imgedge-IO-Error")).contains("'level'");
    assertThat(header(bad, "Cache-Control")).contains("no-store");
    assertThat(get(node, "/animated.gif?format=mp4&profile=main&level=4.1").statusCode())
        .isEqualTo(200);
  }

  @Test
  void statusAndMetrics_nameTheMp4Encoder() {
    get(node, "/animated.gif?format=mp4&width=60");
    assertThat(admin(node, "/status").body()).contains("mp4").contains("libx264");
    assertThat(admin(node, "/metrics").body()).contains("format=\"mp4\"");
  }

  @Test
  void withoutFfmpeg_theNodeStarts_saysSo_andKeepsTheAnimationsFormat() {
    try (Node without = TestNodes.start(null, Map.of("transform.ffmpeg", ""))) {
      assertThat(admin(without, "/status").body()).contains("unavailable");
      HttpResponse<byte[]> r = get(without, "/animated.gif?format=mp4");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(header(r, "Content-Type")).isEqualTo("image/gif");
      assertThat(header(r, "Imgedge-IO-Warning")).contains("ffmpeg is not installed");
    }
  }
}
