package io.imgedge.shield.origin;

import io.imgedge.config.FetchConfig;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.OriginException.Kind;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.TransformException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Fetches sources from an HTTP(S) server: {@code GET <base URL>/<path>}. Connect, header,
 * idle-read and total timeouts all apply, bodies are capped, and a 2xx is the only success; 404
 * and 410 mean not found, anything else (or no answer) means the origin is unavailable.
 */
public final class HttpOrigin implements OriginClient {
  private static final String USER_AGENT = "imgedge";

  private final URI base;
  private final FetchConfig timeouts;
  private final long maxBytes;
  private final SourceFactory sources;
  private final HttpClient client;
  private final ScheduledExecutorService watchdogs;
  private final LongSupplier nanoTime;

  /**
   * @param base the base URL; the source path is appended to it
   * @param timeouts connect, header, read and total timeouts
   * @param maxBytes largest body accepted
   * @param sources builds source objects
   * @param nanoTime the clock timeouts are measured on
   */
  public HttpOrigin(URI base, FetchConfig timeouts, long maxBytes, SourceFactory sources, LongSupplier nanoTime) {
    this.base = base;
    this.timeouts = timeouts;
    this.maxBytes = maxBytes;
    this.sources = sources;
    this.nanoTime = nanoTime;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeouts.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
    this.watchdogs = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "imgedge-origin-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public CompletableFuture<SourceObject> fetch(SourceId id, @Nullable SourceObject previous) {
    HttpRequest request;
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri(id.path()))
          .timeout(timeouts.headerTimeout())
          .header("User-Agent", USER_AGENT)
          .header("Accept", "image/*")
          .GET();
      if (previous != null && previous.revalidation().etag() != null) {
        b.header("If-None-Match", previous.revalidation().etag());
      }
      if (previous != null && previous.revalidation().lastModified() != null) {
        b.header("If-Modified-Since", previous.revalidation().lastModified());
      }
      request = b.build();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new OriginException(Kind.INVALID_PATH, "the path cannot be requested from the origin", e));
    }
    long deadline = nanoTime.getAsLong() + timeouts.totalTimeout().toNanos();
    return client.sendAsync(request, info -> body(info, deadline))
        .handle((response, error) -> {
          if (error != null) {
            throw translate(error);
          }
          return source(id, response, previous);
        });
  }

  private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info, long deadline) {
    if (info.statusCode() / 100 != 2) {
      return Discard.withResult(new byte[0]); // the status says it all; never read an error body
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      return Discard.withError(new ImageTooLargeException(
          "the source image is %d bytes; the largest accepted is %d bytes".formatted(declared, maxBytes)));
    }
    return new LimitedBody(maxBytes, declared, timeouts.readTimeout(), deadline, watchdogs, nanoTime);
  }

  private SourceObject source(SourceId id, HttpResponse<byte[]> response, @Nullable SourceObject previous) {
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
    return sources.fromHttp(id, response.body(), response.headers());
  }

  private URI uri(String path) throws URISyntaxException {
    String basePath = base.getPath() == null ? "" : base.getPath();
    String joined = (basePath.endsWith("/") ? basePath : basePath + "/") + path;
    return new URI(base.getScheme(), base.getAuthority(), joined, null, null);
  }

  private static RuntimeException translate(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof OriginException || e instanceof TransformException) {
      return (RuntimeException) e;
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
    client.close();
  }
}
