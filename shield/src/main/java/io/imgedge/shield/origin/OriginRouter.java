package io.imgedge.shield.origin;

import io.imgedge.config.OriginConfig;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.OriginException.Kind;
import io.imgedge.shield.SourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Maps a request path to the origin serving it (longest {@code path-prefix} first) and to the
 * source's path within that origin, refusing paths that could escape it.
 */
public final class OriginRouter implements AutoCloseable {

  /** A configured origin and its client. */
  private record Route(OriginConfig config, OriginClient client) {}

  /**
   * Where a request path leads.
   *
   * @param id the source
   * @param client the client that fetches it
   */
  public record Routed(SourceId id, OriginClient client) {}

  private final List<Route> routes;

  /**
   * @param origins the configured origins, longest prefix first
   * @param clients builds the client for each origin
   */
  public OriginRouter(List<OriginConfig> origins, Function<OriginConfig, OriginClient> clients) {
    List<Route> list = new ArrayList<>();
    for (OriginConfig origin : origins) {
      list.add(new Route(origin, clients.apply(origin)));
    }
    list.sort(
        (a, b) -> Integer.compare(b.config.pathPrefix().length(), a.config.pathPrefix().length()));
    this.routes = List.copyOf(list);
  }

  /** Routes a request path for any host; see {@link #route(String, String)}. */
  public Routed route(String requestPath) {
    return route(null, requestPath);
  }

  /**
   * Routes a request such as {@code Host: img.example.com}, {@code /photos/cat.jpg}: origins for
   * that host first, then origins for any host; within each, the longest path prefix.
   *
   * @param host the request's Host without port, or null
   * @throws OriginException {@link Kind#INVALID_PATH} for a path that cannot name an image, {@link
   *     Kind#NOT_FOUND} when no origin serves it
   */
  public Routed route(@Nullable String host, String requestPath) {
    String path = validate(requestPath);
    for (boolean hostSpecific : new boolean[] {true, false}) {
      for (Route r : routes) {
        String prefix = r.config.pathPrefix();
        boolean hostMatches =
            hostSpecific
                ? r.config.host() != null
                    && r.config.host().equalsIgnoreCase(host == null ? "" : host)
                : r.config.host() == null;
        if (hostMatches && path.startsWith(prefix) && path.length() > prefix.length()) {
          return new Routed(
              new SourceId(r.config.name(), path.substring(prefix.length())), r.client);
        }
      }
    }
    throw new OriginException(Kind.NOT_FOUND, "no origin serves " + path);
  }

  /**
   * Routes a source named by another node (origin name and path within it).
   *
   * @throws OriginException if no origin has that name or the path is invalid
   */
  public Routed route(SourceId id) {
    validate("/" + id.path());
    for (Route r : routes) {
      if (r.config.name().equals(id.origin())) {
        return new Routed(id, r.client);
      }
    }
    throw new OriginException(Kind.NOT_FOUND, "this node has no origin named " + id.origin());
  }

  /** The configuration of the origin a source comes from. */
  public OriginConfig config(SourceId id) {
    return routes.stream()
        .filter(r -> r.config.name().equals(id.origin()))
        .findFirst()
        .orElseThrow(
            () ->
                new OriginException(Kind.NOT_FOUND, "this node has no origin named " + id.origin()))
        .config;
  }

  /** The origins, for the start-up log. */
  public Map<String, String> describe() {
    java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
    routes.forEach(r -> out.put(r.config.pathPrefix(), r.config.describe()));
    return out;
  }

  static String validate(String path) {
    if (path.isEmpty() || path.charAt(0) != '/' || path.length() > 2048) {
      throw invalid();
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw invalid();
      }
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7F || c == '\\') {
        throw invalid();
      }
    }
    return path;
  }

  private static OriginException invalid() {
    return new OriginException(
        Kind.INVALID_PATH,
        "the path is not a valid image path (empty, '.' or '..' segments, backslashes or control characters)");
  }

  @Override
  public void close() {
    routes.forEach(r -> r.client.close());
  }
}
