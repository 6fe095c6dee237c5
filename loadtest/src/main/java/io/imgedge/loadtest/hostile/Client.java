package io.imgedge.loadtest.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An ordinary, patient HTTP/1.1 client on loopback: it asks, waits (up to a timeout) and reads the
 * whole answer.
 */
final class Client implements AutoCloseable {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;

  Client(URI base) {
    this.base = base;
  }

  /**
   * GET {@code path} (with its query); never throws: a failure is a {@link Reply} with status -1.
   */
  Reply get(String path, Duration timeout) {
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(base.resolve(path))
                  .timeout(timeout)
                  .header("Accept", "image/webp,image/png,image/jpeg,*/*;q=0.8")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      double millis = (System.nanoTime() - start) / 1e6;
      String type = r.headers().firstValue("Content-Type").orElse("");
      String message =
          r.statusCode() / 100 == 2 ? "" : new String(r.body(), StandardCharsets.UTF_8).strip();
      return new Reply(
          path,
          r.statusCode(),
          millis,
          type,
          r.body().length,
          message,
          r.headers().firstValue("X-Cache").orElse(""));
    } catch (IOException e) {
      return Reply.failed(path, (System.nanoTime() - start) / 1e6, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.failed(path, (System.nanoTime() - start) / 1e6, e);
    }
  }

  /** The admin port's {@code /metrics} text, or "" when it cannot be read. */
  static String metrics(HttpClient http, URI admin) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(admin.resolve("/metrics"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    http.close();
  }
}
