package io.imgedge.edge.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What the README's URL tables say each example does, checked on the answer (sizes from {@code
 * Imgedge-IO-Info}, which {@code PackagedTest} and the corpus tests check against the decoded
 * image). The samples: photo.jpg 1600x1067, portrait.jpg 1600x1067 with EXIF orientation 6,
 * logo.png 800x400 on a transparent background, animated.gif 240x160 in 12 frames.
 */
final class UrlClaims {
  private static final Map<String, Consumer<HttpResponse<byte[]>>> CLAIMS =
      Map.ofEntries(
          Map.entry("/photo.jpg?width=400", r -> size(r, "400x267")),
          Map.entry("/photo.jpg?width=0.5", r -> size(r, "800x534")),
          Map.entry("/photo.jpg?width=200&dpr=2", r -> size(r, "400x267")),
          Map.entry("/photo.jpg?width=300&height=300&fit=crop", r -> size(r, "300x300")),
          Map.entry("/photo.jpg?width=300&height=300&fit=bounds", r -> size(r, "300x200")),
          Map.entry("/photo.jpg?width=300&height=300", r -> size(r, "300x300")),
          Map.entry(
              "/photo.jpg?width=400&format=auto", r -> type(r, "image/jpeg")), // no Accept: JPEG
          Map.entry("/logo.png?format=jpg&bg-color=1e293b", r -> type(r, "image/jpeg")),
          Map.entry("/portrait.jpg?width=300", r -> size(r, "300x450")), // upright
          Map.entry("/photo.jpg?orient=r&resize-filter=bicubic", r -> size(r, "1067x1600")),
          Map.entry("/logo.png?trim-color=auto,t0.1", r -> trimmed(r, 800, 400)),
          Map.entry("/animated.gif?frame=1", r -> frames(r, 1)),
          Map.entry("/photo.jpg?bw=atkinson&format=auto", UrlClaims::oneBitPng),
          Map.entry("/photo.jpg?format=avif", r -> type(r, "image/avif")),
          Map.entry("/animated.gif?format=mp4", r -> type(r, "video/mp4")),
          Map.entry("/animated.gif?format=mp4&profile=high&level=4.0", r -> type(r, "video/mp4")));

  private UrlClaims() {}

  /** Checks what the README says of {@code url}, when it says something this class knows. */
  static void check(String url, HttpResponse<byte[]> r) {
    assertThat(r.headers().firstValue("Imgedge-IO-Info")).as(url).isPresent();
    Consumer<HttpResponse<byte[]>> claim = CLAIMS.get(url);
    if (claim != null) {
      claim.accept(r);
    }
  }

  /** How many of the README's URLs have a specific claim checked (the rest: 200 and an image). */
  static int known() {
    return CLAIMS.size();
  }

  private static String info(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Imgedge-IO-Info").orElse("");
  }

  private static void size(HttpResponse<byte[]> r, String dimensions) {
    assertThat(info(r)).contains("odim=" + dimensions + " ");
  }

  private static void type(HttpResponse<byte[]> r, String mediaType) {
    assertThat(r.headers().firstValue("Content-Type")).hasValue(mediaType);
  }

  private static void trimmed(HttpResponse<byte[]> r, int width, int height) {
    String odim = info(r).replaceAll(".*odim=(\\d+x\\d+).*", "$1");
    String[] wh = odim.split("x");
    assertThat(Integer.parseInt(wh[0])).as("trimmed width").isLessThan(width);
    assertThat(Integer.parseInt(wh[1])).as("trimmed height").isLessThan(height);
  }

  private static void frames(HttpResponse<byte[]> r, int frames) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(r.body()))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      ImageReader reader = readers.next();
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(frames);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** PNG, IHDR bit depth 1, colour type 0 (grayscale). */
  private static void oneBitPng(HttpResponse<byte[]> r) {
    type(r, "image/png");
    assertThat(r.body()[24]).as("bit depth").isEqualTo((byte) 1);
    assertThat(r.body()[25]).as("colour type").isEqualTo((byte) 0);
  }
}
