package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import io.imgedge.edge.testing.WebDriver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground in a real headless Chromium: a control changes, the image and the URL follow. */
@Tag("integration")
class PlaygroundBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void changingTheWidth_loadsTheImageAtThatWidth_andShowsItsUrl(@TempDir Path dir)
      throws Exception {
    try (Node node = TestNodes.start(null, Map.of());
        WebDriver browser = WebDriver.start(dir.resolve("profile"))) {
      browser.open(URI.create("http://127.0.0.1:" + node.publicPort() + "/playground"));
      assertThat(
              browser.await(
                  "return document.getElementById('state').textContent === 'ready'", WAIT))
          .as("the first image loads")
          .isTrue();

      browser.type(browser.element("#width"), "320");

      assertThat(
              browser.await(
                  "const img = document.getElementById('result');"
                      + " return document.getElementById('state').textContent === 'ready' && img.naturalWidth === 320",
                  WAIT))
          .as("the image is reloaded at width 320")
          .isTrue();
      assertThat(browser.script("return document.getElementById('url').textContent"))
          .isEqualTo("\"/photo.jpg?width=320\"");
      assertThat(browser.script("return document.getElementById('result').dataset.url"))
          .isEqualTo("\"/photo.jpg?width=320\"");
      assertThat(browser.script("return document.getElementById('out-dims').textContent"))
          .isEqualTo("\"320x213\"");
      assertThat(browser.script("return document.getElementById('orig-dims').textContent"))
          .isEqualTo("\"1600x1067\"");
    }
  }

  @Test
  void choosingAFormat_changesTheUrlAndTheResultFormat(@TempDir Path dir) throws Exception {
    try (Node node = TestNodes.start(null, Map.of());
        WebDriver browser = WebDriver.start(dir.resolve("profile"))) {
      browser.open(URI.create("http://127.0.0.1:" + node.publicPort() + "/playground"));
      assertThat(
              browser.await(
                  "return document.getElementById('state').textContent === 'ready'", WAIT))
          .isTrue();

      browser.script(
          "const s = document.getElementById('format'); s.value = 'webp';"
              + " s.dispatchEvent(new Event('change')); return true");

      assertThat(
              browser.await(
                  "return document.getElementById('state').textContent === 'ready'"
                      + " && document.getElementById('result').dataset.url.endsWith('format=webp')",
                  WAIT))
          .isTrue();
      assertThat(browser.script("return document.getElementById('out-format').textContent"))
          .isEqualTo("\"webp\"");
    }
  }

  @Test
  void anOverlayHeader_isSentWithTheRequest_andChangesTheImage(@TempDir Path dir) throws Exception {
    try (Node node = TestNodes.start(null, Map.of("security.trust-overlay-header", "true"));
        WebDriver browser = WebDriver.start(dir.resolve("profile"))) {
      browser.open(URI.create("http://127.0.0.1:" + node.publicPort() + "/playground"));
      assertThat(
              browser.await(
                  "return document.getElementById('state').textContent === 'ready'", WAIT))
          .isTrue();
      String plain = browser.script("return document.getElementById('out-bytes').textContent");

      browser.script(
          "const o = document.getElementById('overlay');"
              + " o.value = 'overlay=/logo.png&overlay-align=bottom,right&overlay-width=0.5';"
              + " o.dispatchEvent(new Event('change')); return true");

      assertThat(
              browser.await(
                  "return document.getElementById('state').textContent === 'ready'"
                      + " && !document.getElementById('header').hidden"
                      + " && document.getElementById('out-bytes').textContent !== "
                      + plain,
                  WAIT))
          .as(
              "the image with the watermark has other bytes: %s",
              browser.script(
                  "return [document.getElementById('state').textContent,"
                      + " document.getElementById('message').textContent,"
                      + " document.getElementById('header').textContent,"
                      + " document.getElementById('out-bytes').textContent].join(' | ')"))
          .isTrue();
      assertThat(browser.script("return document.getElementById('header').textContent"))
          .isEqualTo(
              "\"X-Fastly-Imageopto-Overlay:"
                  + " overlay=/logo.png&overlay-align=bottom,right&overlay-width=0.5\"");
      assertThat(browser.script("return document.getElementById('url').textContent"))
          .isEqualTo("\"/photo.jpg?width=400\"");
    }
  }
}
