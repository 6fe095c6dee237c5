package io.imgedge.shield.wire;

import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.Problem;
import io.imgedge.shield.RemoteException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Calls other nodes' internal endpoints: asks for a derivative, sends a purge. A failure to reach a
 * node (refused, reset, timed out, or a 503 from a node that is shutting down or full) is {@link
 * #unreachable}: the caller may try another node or do the work itself. Any other error is the
 * node's answer and is passed on.
 */
public final class WireClient implements AutoCloseable {
  private final HttpClient client;
  private final Clock clock;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @param connectTimeout how long to wait for a connection to a node
   * @param clock the wall clock, for freshness
   */
  public WireClient(Duration connectTimeout, Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    this.clock = clock;
  }

  /**
   * Asks a node for a derivative.
   *
   * @param node the node's internal base URL
   * @param forwarded whether this request was forwarded already (the node must not forward it)
   */
  public CompletableFuture<Derivative> derivative(
      URI node, DerivativeRequest request, Duration timeout, boolean forwarded) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                node.resolve(WireRequest.DERIVATIVE + "?" + WireRequest.query(request)))
            .timeout(timeout)
            .GET();
    if (forwarded) {
      b.header(WireRequest.FORWARDED, "1");
    }
    return send(b.build()).thenApply(r -> WireResponse.read(r, clock));
  }

  /** Sends a purge to a node; completes when the node has accepted it. */
  public CompletableFuture<Void> purge(URI node, PurgeCommand command, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(
                node.resolve(WireRequest.PURGE + "?command=" + WireRequest.enc(command.encode())))
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return send(request)
        .thenAccept(
            r -> {
              if (r.statusCode() / 100 != 2) {
                throw WireResponse.error(r.statusCode(), r.headers());
              }
            });
  }

  /**
   * Sends on a virtual thread with the blocking {@code send}: the JDK's {@code sendAsync} completes
   * its future through the common fork-join pool, which would make every call wait for a free
   * common-pool worker. The request's own timeout bounds the wait.
   */
  private CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          } catch (IOException e) {
            throw new java.util.concurrent.CompletionException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CompletionException(e);
          }
        },
        senders);
  }

  /** Whether a failure means the node could not be reached (try another, or do it yourself). */
  public static boolean unreachable(Throwable failure) {
    Throwable e = Problem.unwrap(failure);
    return e instanceof IOException
        || e instanceof TimeoutException
        || (e instanceof RemoteException r && r.status() == 503);
  }

  @Override
  public void close() {
    client.close();
    senders.shutdownNow();
  }
}
