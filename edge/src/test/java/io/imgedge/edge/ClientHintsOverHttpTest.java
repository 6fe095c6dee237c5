package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Client hints ({@code transform.client-hints}) over HTTP: off by default, and what they fill in.
 */
@Tag("integration")
class ClientHintsOverHttpTest {

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void off_byDefault_hintsChangeNothing() {
    try (Node node = TestNodes.start(null, Map.of())) {
      HttpResponse<byte[]> r =
          get(node, "/photo.jpg?format=jpg", "Sec-CH-Width", "300", "Save-Data", "on");
      assertThatImage(r.body()).hasSize(1600, 1067);
      assertThat(header(r, "Accept-CH")).isNull();
      assertThat(header(r, "Vary")).isNull();
    }
  }

  @Test
  void on_widthDprAndSaveDataFillWhatTheUrlLeavesOpen() {
    try (Node node = TestNodes.start(null, Map.of("transform.client-hints", "true"))) {
      HttpResponse<byte[]> slot = get(node, "/photo.jpg?format=jpg", "Sec-CH-Width", "300");
      assertThatImage(slot.body()).hasSize(300, 200);
      assertThat(header(slot, "Accept-CH")).isEqualTo("Sec-CH-DPR, Sec-CH-Width");
      assertThat(header(slot, "Vary")).isEqualTo("Sec-CH-Width, Save-Data");

      HttpResponse<byte[]> dpr = get(node, "/photo.jpg?width=100&format=jpg", "Sec-CH-DPR", "2");
      assertThatImage(dpr.body()).hasSize(200, 133);
      assertThat(header(dpr, "Vary")).isEqualTo("Sec-CH-DPR, Save-Data");
      HttpResponse<byte[]> sameDpr =
          get(node, "/photo.jpg?width=100&format=jpg", "Sec-CH-DPR", "2.0");
      assertThat(header(sameDpr, "X-Cache")).as("2 and 2.0 are one entry").isEqualTo("HIT");
      HttpResponse<byte[]> explicit =
          get(node, "/photo.jpg?width=100&dpr=1.5&format=jpg", "Sec-CH-DPR", "3");
      assertThatImage(explicit.body()).as("the URL's dpr wins").hasSize(150, 100);

      int full = get(node, "/photo.jpg?width=400&format=jpg").body().length;
      HttpResponse<byte[]> saving = get(node, "/photo.jpg?width=400&format=jpg", "Save-Data", "on");
      assertThat(saving.body().length).isLessThan(full);
      HttpResponse<byte[]> quality =
          get(node, "/photo.jpg?width=400&format=jpg&quality=85", "Save-Data", "on");
      assertThat(header(quality, "Vary"))
          .as("an explicit quality leaves nothing to Save-Data")
          .isEqualTo("Sec-CH-DPR");
    }
  }

  @Test
  void on_withFormatAuto_variesOnAcceptAndTheHints() {
    try (Node node = TestNodes.start(null, Map.of("transform.client-hints", "true"))) {
      HttpResponse<byte[]> r =
          get(
              node,
              "/photo.jpg?format=auto",
              "Accept",
              "image/webp",
              "Sec-CH-Width",
              "640",
              "Sec-CH-DPR",
              "not-a-number");
      assertThat(header(r, "Content-Type")).isEqualTo("image/webp");
      assertThat(header(r, "Vary")).isEqualTo("Accept, Sec-CH-Width, Save-Data");
      assertThat(header(r, "Imgedge-IO-Info")).contains("odim=640x427");
    }
  }
}
