package io.imgedge.shield.origin;

import io.imgedge.config.FetchConfig;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.OriginException.Kind;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.TransformException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Fetches sources from an HTTP(S) server: {@code GET <base URL>/<path>}.
 *
 * <ul>
 *   <li>Only this origin's base URL is fetched; redirects are followed by hand, at most {@value
 *       #MAX_REDIRECTS}, only to the origin's own host or a host the operator lists ({@code
 *       redirect-hosts}; {@code allow-private} never widens this), each hop checked like the first.
 *   <li>Every address a host resolves to is checked ({@link AddressGuard}) and the connection is
 *       pinned to the checked address (the request goes to the IP, with the real {@code Host}; over
 *       TLS the real name is sent as SNI and the certificate checked against it), so a DNS answer
 *       cannot change between the check and the connection.
 *   <li>Connect, header, idle-read and total timeouts apply, and bodies are capped.
 * </ul>
 *
 * A 2xx is the only success (a 304 revalidates); 404 and 410 mean not found, anything else (or no
 * answer) means the origin is unavailable.
 */
public final class HttpOrigin implements OriginClient {
  /** Most redirects followed. */
  public static final int MAX_REDIRECTS = 3;

  private static final String USER_AGENT = "imgedge";

  static {
    allowHostHeader();
  }

  private final URI base;
  private final FetchConfig timeouts;
  private final long maxBytes;
  private final SourceFactory sources;
  private final AddressGuard guard;
  private final boolean allowPrivate;
  private final java.util.List<String> redirectHosts;
  private final TrustManager trust;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService watchdogs;
  private final LongSupplier nanoTime;

  /**
   * @param base the base URL; the source path is appended to it
   * @param timeouts connect, header, read and total timeouts
   * @param maxBytes largest body accepted
   * @param sources builds source objects
   * @param guard checks the addresses connected to
   * @param allowPrivate whether this origin may be on a private (or loopback) address
   * @param nanoTime the clock timeouts are measured on
   */
  public HttpOrigin(
      URI base,
      FetchConfig timeouts,
      long maxBytes,
      SourceFactory sources,
      AddressGuard guard,
      boolean allowPrivate,
      LongSupplier nanoTime) {
    this(base, timeouts, maxBytes, sources, guard, allowPrivate, java.util.List.of(), nanoTime);
  }

  /**
   * As above, allowing redirects to the listed hosts besides the origin's own (lower case).
   *
   * @param redirectHosts other hosts redirects may go to ({@code redirect-hosts})
   */
  public HttpOrigin(
      URI base,
      FetchConfig timeouts,
      long maxBytes,
      SourceFactory sources,
      AddressGuard guard,
      boolean allowPrivate,
      java.util.List<String> redirectHosts,
      LongSupplier nanoTime) {
    this(
        base,
        timeouts,
        maxBytes,
        sources,
        guard,
        allowPrivate,
        redirectHosts,
        SniHostnameTrustManager.withDefaultAnchors(),
        nanoTime);
  }

  /** As above, with the trust manager that validates TLS certificates (tests use their own). */
  HttpOrigin(
      URI base,
      FetchConfig timeouts,
      long maxBytes,
      SourceFactory sources,
      AddressGuard guard,
      boolean allowPrivate,
      TrustManager trust,
      LongSupplier nanoTime) {
    this(
        base,
        timeouts,
        maxBytes,
        sources,
        guard,
        allowPrivate,
        java.util.List.of(),
        trust,
        nanoTime);
  }

  private HttpOrigin(
      URI base,
      FetchConfig timeouts,
      long maxBytes,
      SourceFactory sources,
      AddressGuard guard,
      boolean allowPrivate,
      java.util.List<String> redirectHosts,
      TrustManager trust,
      LongSupplier nanoTime) {
    this.base = base;
    this.timeouts = timeouts;
    this.maxBytes = maxBytes;
    this.sources = sources;
    this.guard = guard;
    this.allowPrivate = allowPrivate;
    this.redirectHosts = redirectHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.trust = trust;
    this.nanoTime = nanoTime;
    this.watchdogs =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "imgedge-origin-watchdog");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Pinning sends the real host in a {@code Host} header, which the JDK client refuses unless told
   * otherwise before its first use; {@code Main} sets this first thing, this is the backstop.
   */
  static void allowHostHeader() {
    String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
    if (!allowed.toLowerCase(Locale.ROOT).contains("host")) {
      System.setProperty(
          "jdk.httpclient.allowRestrictedHeaders", allowed.isEmpty() ? "host" : allowed + ",host");
    }
  }

  @Override
  public CompletableFuture<SourceObject> fetch(SourceId id, @Nullable SourceObject previous) {
    long deadline = nanoTime.getAsLong() + timeouts.totalTimeout().toNanos();
    try {
      return hop(uri(id.path()), previous, deadline, 0)
          .handle(
              (response, error) -> {
                if (error != null) {
                  throw translate(error);
                }
                return source(id, response, previous);
              });
    } catch (URISyntaxException | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new OriginException(
              Kind.INVALID_PATH, "the path cannot be requested from the origin", e));
    } catch (OriginException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<HttpResponse<byte[]>> hop(
      URI target, @Nullable SourceObject previous, long deadline, int redirects) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new OriginException(Kind.REFUSED, "the origin redirected to a non-HTTP URL");
    }
    if (target.getHost() == null) {
      throw new OriginException(
          Kind.REFUSED, "the origin redirected to a URL without a valid host");
    }
    if (redirects > 0 && !redirectHostAllowed(target.getHost())) {
      throw new OriginException(
          Kind.REFUSED,
          "the origin redirected to another host ("
              + target.getHost()
              + "), which is not in its redirect-hosts");
    }
    InetAddress address = guard.pick(target.getHost(), allowPrivate);
    HttpRequest request = request(target, address, previous);
    HttpClient client = client(scheme, target.getHost());
    return send(client, request, deadline)
        .thenCompose(
            response -> {
              String location =
                  isRedirect(response.statusCode())
                      ? response.headers().firstValue("Location").orElse(null)
                      : null;
              if (location == null) {
                return CompletableFuture.completedFuture(response);
              }
              if (redirects >= MAX_REDIRECTS) {
                throw new OriginException(
                    Kind.UNAVAILABLE,
                    "the origin redirected more than " + MAX_REDIRECTS + " times");
              }
              return hop(target.resolve(location), previous, deadline, redirects + 1);
            });
  }

  /**
   * Sends on a virtual thread with the blocking {@code send}: the JDK's {@code sendAsync} completes
   * its future through the common fork-join pool, which would make every fetch wait for a free
   * common-pool worker.
   */
  private CompletableFuture<HttpResponse<byte[]>> send(
      HttpClient client, HttpRequest request, long deadline) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return client.send(request, info -> body(info, deadline));
          } catch (IOException e) {
            throw new CompletionException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
          }
        },
        senders);
  }

  private HttpRequest request(URI target, InetAddress address, @Nullable SourceObject previous) {
    int port =
        target.getPort() > 0
            ? target.getPort()
            : target.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    String ip =
        address instanceof Inet6Address
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    String pinned =
        target.getScheme()
            + "://"
            + ip
            + ":"
            + port
            + target.getRawPath()
            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(pinned))
            .timeout(timeouts.headerTimeout())
            .header("Host", target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : ""))
            .header("User-Agent", USER_AGENT)
            .header("Accept", "image/*")
            .GET();
    if (previous != null && previous.revalidation().etag() != null) {
      b.header("If-None-Match", previous.revalidation().etag());
    }
    if (previous != null && previous.revalidation().lastModified() != null) {
      b.header("If-Modified-Since", previous.revalidation().lastModified());
    }
    return b.build();
  }

  /**
   * One client per host: over TLS the host is its SNI name and the name the certificate must match.
   */
  private HttpClient client(String scheme, String host) {
    return clients.computeIfAbsent(
        scheme + "://" + host,
        k -> {
          HttpClient.Builder b =
              HttpClient.newBuilder()
                  .connectTimeout(timeouts.connectTimeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .executor(Executors.newVirtualThreadPerTaskExecutor());
          if (scheme.equals("https")) {
            b.sslContext(tls()).sslParameters(sniParameters(host));
          }
          return b.build();
        });
  }

  private SSLContext tls() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trust}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is unavailable", e);
    }
  }

  private static SSLParameters sniParameters(String host) {
    SSLParameters p = new SSLParameters();
    p.setServerNames(List.of(new SNIHostName(host)));
    p.setEndpointIdentificationAlgorithm(null); // the trust manager checks the name instead
    return p;
  }

  private boolean redirectHostAllowed(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals(base.getHost().toLowerCase(Locale.ROOT)) || redirectHosts.contains(h);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info, long deadline) {
    if (info.statusCode() / 100 != 2) {
      return Discard.withResult(new byte[0]); // the status says it all; never read an error body
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      return Discard.withError(
          new ImageTooLargeException(
              "the source image is %d bytes; the largest accepted is %d bytes"
                  .formatted(declared, maxBytes)));
    }
    return new LimitedBody(
        maxBytes, declared, timeouts.readTimeout(), deadline, watchdogs, nanoTime);
  }

  private SourceObject source(
      SourceId id, HttpResponse<byte[]> response, @Nullable SourceObject previous) {
    int status = response.statusCode();
    if (status == 304 && previous != null) {
      return sources.revalidated(previous, response.headers());
    }
    if (status == 404 || status == 410) {
      throw new OriginException(Kind.NOT_FOUND, "the origin has no image at /" + id.path());
    }
    if (status / 100 != 2) {
      throw new OriginException(Kind.UNAVAILABLE, "the origin answered " + status);
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared >= 0 && declared != response.body().length) {
      throw new OriginException(Kind.UNAVAILABLE, "the origin sent a body of the wrong length");
    }
    return sources.fromHttp(id, response.body(), response.headers());
  }

  private URI uri(String path) throws URISyntaxException {
    String basePath = base.getPath() == null ? "" : base.getPath();
    String joined = (basePath.endsWith("/") ? basePath : basePath + "/") + path;
    return new URI(base.getScheme(), base.getAuthority(), joined, null, null);
  }

  private static RuntimeException translate(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof OriginException || c instanceof TransformException) {
        return (RuntimeException) c; // raised by the body subscriber, wrapped by the client
      }
    }
    if (e instanceof HttpConnectTimeoutException) {
      return new OriginException(Kind.TIMEOUT, "the origin did not accept a connection in time", e);
    }
    if (e instanceof HttpTimeoutException) {
      return new OriginException(Kind.TIMEOUT, "the origin did not answer in time", e);
    }
    if (e instanceof ConnectException) {
      return new OriginException(Kind.UNAVAILABLE, "the origin refused the connection", e);
    }
    return new OriginException(Kind.UNAVAILABLE, "fetching from the origin failed", e);
  }

  @Override
  public void close() {
    watchdogs.shutdownNow();
    clients.values().forEach(HttpClient::close);
    senders.shutdownNow();
  }
}
