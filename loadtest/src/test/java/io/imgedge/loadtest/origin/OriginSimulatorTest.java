package io.imgedge.loadtest.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OriginSimulatorTest {

  private static HttpResponse<byte[]> get(HttpClient client, URI url, String ifNoneMatch)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url);
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void serves_distinctJpegs_withValidators_andCountsFetchesPerPath() throws Exception {
    OriginKnobs knobs = new OriginKnobs(3, 120, Duration.ZERO, Duration.ZERO, 0, true, 60, 1);
    try (OriginSimulator origin = OriginSimulator.start(knobs, 0);
        HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<byte[]> a = get(client, origin.url().resolve("/img/0.jpg"), null);
      HttpResponse<byte[]> b = get(client, origin.url().resolve("/img/1.jpg"), null);
      assertThat(a.statusCode()).isEqualTo(200);
      assertThat(a.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      assertThat(a.body()).startsWith((byte) 0xFF, (byte) 0xD8).isNotEqualTo(b.body());
      assertThat(a.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
      String etag = a.headers().firstValue("ETag").orElseThrow();
      assertThat(get(client, origin.url().resolve("/img/0.jpg"), etag).statusCode()).isEqualTo(304);
      assertThat(get(client, origin.url().resolve("/img/9.jpg"), null).statusCode()).isEqualTo(404);
      OriginStats stats = origin.stats();
      assertThat(stats.gets()).isEqualTo(2);
      assertThat(stats.getsPerPath())
          .containsEntry("/img/0.jpg", 1L)
          .containsEntry("/img/1.jpg", 1L);
      assertThat(stats.notModified()).isEqualTo(1);
      assertThat(stats.errors()).isEqualTo(1);
      String json = new String(get(client, origin.url().resolve("/__stats"), null).body());
      assertThat(json).contains("\"gets\":2", "\"/img/0.jpg\":1");
      origin.reset();
      assertThat(origin.stats().gets()).isZero();
    }
  }

  @Test
  void errorRateOne_answersEvery_request_500_andWithoutValidators_never304() throws Exception {
    OriginKnobs failing = new OriginKnobs(1, 64, Duration.ZERO, Duration.ZERO, 1, false, 60, 1);
    try (OriginSimulator origin = OriginSimulator.start(failing, 0);
        HttpClient client = HttpClient.newHttpClient()) {
      assertThat(get(client, origin.url().resolve("/img/0.jpg"), null).statusCode()).isEqualTo(500);
    }
    OriginKnobs plain = new OriginKnobs(1, 64, Duration.ZERO, Duration.ZERO, 0, false, 60, 1);
    try (OriginSimulator origin = OriginSimulator.start(plain, 0);
        HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<byte[]> r = get(client, origin.url().resolve("/img/0.jpg"), "\"1-0\"");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("ETag")).isEmpty();
    }
  }
}
