package io.imgedge.edge.testing;

import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.config.ImgedgeConfig;
import io.imgedge.edge.app.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts real all-in-one nodes for tests: loopback only, free ports, a cluster name of their own,
 * and helpers to call them over HTTP.
 */
public final class TestNodes {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestNodes() {}

  /**
   * Starts a node serving an origin (a folder or an http URL; null for the bundled samples), with
   * extra settings (dotted keys) on top of the test defaults.
   */
  public static Node start(String origin, Map<String, String> settings) {
    Map<String, String> s = new HashMap<>();
    s.put("node.public-bind", "127.0.0.1");
    s.put("node.public-port", "0");
    s.put("node.admin-port", "0");
    s.put("cluster.name", "test-" + UUID.randomUUID());
    s.put("cluster.port", "5950");
    s.put("limits.request-timeout", "20s");
    s.putAll(settings);
    ImgedgeConfig config = ConfigLoader.load(null, Map.of(), new CommandLineOverrides(s, origin));
    return Node.start(config);
  }

  /** Sends a GET to the node's public port. */
  public static HttpResponse<byte[]> get(Node node, String pathAndQuery, String... headers) {
    return send(node.publicPort(), "GET", pathAndQuery, headers);
  }

  /** Sends a GET to the node's admin port. */
  public static HttpResponse<String> admin(Node node, String path) {
    HttpResponse<byte[]> r = send(node.adminPort(), "GET", path);
    return new StringResponse(r);
  }

  /** Sends a request with a method to a loopback port. */
  public static HttpResponse<byte[]> send(
      int port, String method, String pathAndQuery, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A byte response viewed as text. */
  private record StringResponse(HttpResponse<byte[]> raw) implements HttpResponse<String> {
    @Override
    public int statusCode() {
      return raw.statusCode();
    }

    @Override
    public HttpRequest request() {
      return raw.request();
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return raw.headers();
    }

    @Override
    public String body() {
      return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return raw.sslSession();
    }

    @Override
    public URI uri() {
      return raw.uri();
    }

    @Override
    public HttpClient.Version version() {
      return raw.version();
    }
  }
}
