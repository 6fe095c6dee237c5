package io.imgedge.edge.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;

/**
 * The page at {@code /}: what imgedge is and example URLs for the bundled samples (when they are
 * served), so that a developer who opens the node in a browser sees how to use it.
 */
public final class IndexHandler implements HttpHandler {
  private final String page;

  /**
   * @param samples sample image paths to link to (empty when the samples origin is not at /)
   */
  public IndexHandler(List<String> samples) {
    this.page = render(samples);
  }

  private static String render(List<String> samples) {
    StringBuilder html =
        new StringBuilder(
            """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>imgedge</title>
        <style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
        code{background:#f3f3f3;padding:.1rem .3rem}figure{display:inline-block;margin:.5rem}</style>
        </head><body><h1>imgedge</h1>
        <p>An image optimization edge. Ask for any image of the origin with
        <a href="https://www.fastly.com/documentation/reference/io/">Fastly Image Optimizer</a>
        query parameters, e.g. <code>/photo.jpg?width=400&amp;format=auto</code>.</p>
        """);
    if (!samples.isEmpty()) {
      html.append("<h2>Samples</h2>\n");
      for (String s : samples) {
        String url = "/" + s + "?width=240&amp;format=auto";
        html.append("<figure><a href=\"/")
            .append(s)
            .append("\"><img src=\"")
            .append(url)
            .append("\" alt=\"")
            .append(s)
            .append("\"></a><figcaption><code>")
            .append(url)
            .append("</code></figcaption></figure>\n");
      }
    }
    return html.append("</body></html>\n").toString();
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=60");
    exchange.getResponseSender().send(page);
  }

  @Override
  public String toString() {
    return "Index";
  }
}
