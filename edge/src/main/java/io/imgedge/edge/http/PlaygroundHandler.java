package io.imgedge.edge.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /playground} on the public port: one static page (HTML and plain JavaScript, no build
 * step) where a web developer picks a sample or a path of a configured origin, moves controls for
 * the query parameters, and sees the URL, the image, and its bytes and dimensions against the
 * original (from {@code Imgedge-IO-Info}). The controls are one list in the page's script, so a new
 * parameter is one more line there.
 */
public final class PlaygroundHandler implements HttpHandler {
  private final String page;

  /**
   * @param samples the sample image paths offered in the picker (may be empty)
   */
  public PlaygroundHandler(List<String> samples) {
    String json =
        samples.stream()
            .map(s -> "\"" + s.replace("\\", "").replace("\"", "").replace("<", "") + "\"")
            .collect(Collectors.joining(",", "[", "]"));
    this.page = template().replace("__SAMPLES__", json);
  }

  private static String template() {
    try (InputStream in = PlaygroundHandler.class.getResourceAsStream("playground.html")) {
      if (in == null) {
        throw new IllegalStateException("playground.html is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=60");
    exchange.getResponseSender().send(page);
  }

  @Override
  public String toString() {
    return "Playground";
  }
}
