package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.testing.ModernImages;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Format negotiation over HTTP on a real node serving the bundled samples: {@code format=auto},
 * {@code auto=avif,webp}, explicit AVIF and JPEG XL, {@code Vary}, and one cache entry per
 * negotiated outcome (not per {@code Accept} string).
 */
@Tag("integration")
class NegotiationOverHttpTest {
  private static final String CHROME =
      "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
  private static final String FIREFOX = "image/avif,image/webp,*/*";
  private static final String SAFARI_JXL =
      "image/webp,image/avif,image/jxl,image/heic,image/*;q=0.8";
  private static final String JXL_NOT_AVIF = "image/jxl,image/webp,*/*";
  private static final String WEBP_ONLY = "image/webp,*/*";
  private static final String OLD = "image/png,image/*;q=0.8,*/*;q=0.5";

  static Node node;

  @BeforeAll
  static void start() {
    node = TestNodes.start(null, Map.of());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  private static HttpResponse<byte[]> accept(String pathAndQuery, String accept) {
    return get(node, pathAndQuery, "Accept", accept);
  }

  @Test
  void formatAuto_table() {
    String url = "/photo.jpg?width=400&format=auto";
    assertThat(header(accept(url, CHROME), "Content-Type")).isEqualTo("image/avif");
    assertThat(header(accept(url, SAFARI_JXL), "Content-Type")).isEqualTo("image/avif");
    assertThat(header(accept(url, JXL_NOT_AVIF), "Content-Type")).isEqualTo("image/jxl");
    assertThat(header(accept(url, WEBP_ONLY), "Content-Type")).isEqualTo("image/webp");
    assertThat(header(accept(url, OLD), "Content-Type")).isEqualTo("image/jpeg");
    assertThat(header(accept("/logo.png?width=200&format=auto", OLD), "Content-Type"))
        .isEqualTo("image/png");
    for (String a : new String[] {CHROME, SAFARI_JXL, JXL_NOT_AVIF, WEBP_ONLY, OLD}) {
      assertThat(header(accept(url, a), "Vary")).as(a).isEqualTo("Accept");
    }
  }

  @Test
  void formatAuto_avifIsARealAvif_ofTheRequestedSize() {
    HttpResponse<byte[]> r = accept("/photo.jpg?width=300&format=auto", CHROME);
    assertThat(ImageFormat.sniff(r.body())).isEqualTo(ImageFormat.AVIF);
    assertThat(ModernImages.avif(r.body()).getWidth()).isEqualTo(300);
    assertThat(header(r, "Imgedge-IO-Info")).contains("ofmt=avif", "odim=300x200");
  }

  @Test
  void formatAuto_keepsAnimationsAndTinyImagesOnWebp() {
    HttpResponse<byte[]> anim = accept("/animated.gif?format=auto", CHROME);
    assertThat(header(anim, "Content-Type")).isEqualTo("image/webp");
    assertThat(new String(anim.body(), 12, 4)).as("an animated WebP").isEqualTo("VP8X");
    assertThat(header(accept("/photo.jpg?width=32&format=auto", CHROME), "Content-Type"))
        .isEqualTo("image/webp");
  }

  @Test
  void differentAcceptStrings_forTheSameFormats_shareOneCacheEntry() {
    String url = "/photo.jpg?width=222&format=auto";
    HttpResponse<byte[]> first = accept(url, CHROME);
    HttpResponse<byte[]> second = accept(url, FIREFOX);
    assertThat(header(first, "X-Cache")).isEqualTo("MISS");
    assertThat(header(second, "X-Cache")).isEqualTo("HIT");
    assertThat(header(second, "ETag")).isEqualTo(header(first, "ETag"));
    assertThat(second.body()).isEqualTo(first.body());

    HttpResponse<byte[]> jxlClient = accept(url, JXL_NOT_AVIF);
    assertThat(header(jxlClient, "X-Cache"))
        .as("another set of formats is another entry")
        .isEqualTo("MISS");
    assertThat(header(jxlClient, "ETag")).isNotEqualTo(header(first, "ETag"));

    String autoAvif = "/photo.jpg?width=223&auto=avif";
    HttpResponse<byte[]> a = accept(autoAvif, CHROME);
    HttpResponse<byte[]> b = accept(autoAvif, "image/avif");
    assertThat(header(b, "X-Cache")).isEqualTo("HIT");
    assertThat(header(b, "ETag")).isEqualTo(header(a, "ETag"));
  }

  @Test
  void autoAvif_fallsBackToTheFormatOrTheSource_andVaries() {
    HttpResponse<byte[]> avif = accept("/photo.jpg?width=200&auto=avif", CHROME);
    assertThat(header(avif, "Content-Type")).isEqualTo("image/avif");
    assertThat(header(avif, "Vary")).isEqualTo("Accept");
    HttpResponse<byte[]> source = accept("/photo.jpg?width=200&auto=avif", OLD);
    assertThat(header(source, "Content-Type")).isEqualTo("image/jpeg");
    assertThat(header(source, "Vary")).isEqualTo("Accept");
    assertThat(
            header(accept("/photo.jpg?width=200&auto=avif&format=png", WEBP_ONLY), "Content-Type"))
        .isEqualTo("image/png");
  }

  @Test
  void autoList_takesTheFirstAcceptedInItsOrder() {
    assertThat(header(accept("/photo.jpg?width=201&auto=avif,webp", WEBP_ONLY), "Content-Type"))
        .isEqualTo("image/webp");
    assertThat(header(accept("/photo.jpg?width=201&auto=webp,avif", CHROME), "Content-Type"))
        .isEqualTo("image/webp");
    assertThat(header(accept("/photo.jpg?width=201&auto=avif,webp", CHROME), "Content-Type"))
        .isEqualTo("image/avif");
  }

  @Test
  void explicitFormats_doNotVary() {
    HttpResponse<byte[]> avif = accept("/photo.jpg?width=200&format=avif", OLD);
    assertThat(header(avif, "Content-Type")).isEqualTo("image/avif");
    assertThat(header(avif, "Vary")).isNull();
    for (String jxl : new String[] {"jxl", "jpegxl", "pjxl", "pjpegxl"}) {
      HttpResponse<byte[]> r = accept("/photo.jpg?width=200&format=" + jxl, OLD);
      assertThat(header(r, "Content-Type")).as(jxl).isEqualTo("image/jxl");
      assertThat(ImageFormat.sniff(r.body())).isEqualTo(ImageFormat.JXL);
      assertThat(header(r, "Vary")).isNull();
    }
  }

  @Test
  void notModified_carriesVaryToo() {
    String url = "/photo.jpg?width=150&format=auto";
    String etag = header(accept(url, CHROME), "ETag");
    HttpResponse<byte[]> r = get(node, url, "Accept", FIREFOX, "If-None-Match", etag);
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(header(r, "Vary")).isEqualTo("Accept");
  }
}
