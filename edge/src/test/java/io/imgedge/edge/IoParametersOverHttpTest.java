package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.shield.testing.TestOrigin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Fastly IO parameters over HTTP: invalid values are a 400 whose body names the parameter and
 * the accepted form (with the error header), ignored ones add the warning header, and every
 * transformed response carries the info header.
 */
@Tag("integration")
class IoParametersOverHttpTest {
  static TestOrigin origin;
  static Node node;

  @BeforeAll
  static void start() throws IOException {
    origin =
        TestOrigin.start().image("/img/photo.jpg", EdgeNodeTest.sample("photo.jpg"), "image/jpeg");
    node = TestNodes.start(origin.baseUrl() + "/img", Map.of());
  }

  @AfterAll
  static void stop() {
    node.close();
    origin.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      width=-1          | width      | pixels from 1 to 8192
      crop=5:0          | crop       | a ratio W:H
      bg-color=zzz      | bg-color   | a hex colour (3 or 6 digits
      dpr=11            | dpr        | a number from 1 to 10
      sharpen=a20       | sharpen    | a{amount 0-10},r{radius 0.5-1000},t{threshold 0-255}
      crop=9000,10,x0,y0 | crop      | a region inside the
      """)
  void invalidValue_is400_namingTheParameterAndTheAcceptedForm(
      String query, String parameter, String accepted) {
    HttpResponse<byte[]> r = get(node, "/photo.jpg?" + query);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(body).contains("'" + parameter + "'").contains(accepted);
    assertThat(r.headers().firstValue("Imgedge-IO-Error"))
        .get()
        .asString()
        .contains("IMGEDGE-0101");
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void ignoredParameters_addTheWarningHeader_andTheInfoHeaderIsThere() {
    HttpResponse<byte[]> r = get(node, "/photo.jpg?width=100&pad=10&canvas=120,120&profile=high");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Imgedge-IO-Warning"))
        .get()
        .asString()
        .contains("pad is ignored")
        .contains("profile");
    assertThat(r.headers().firstValue("Imgedge-IO-Info")).get().asString().contains("odim=120x120");
    assertThatImage(r.body()).hasSize(120, 120);
    HttpResponse<byte[]> hit = get(node, "/photo.jpg?width=100&pad=10&canvas=120,120&profile=high");
    assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
    assertThat(hit.headers().firstValue("Imgedge-IO-Warning"))
        .get()
        .asString()
        .contains("pad is ignored");
  }
}
