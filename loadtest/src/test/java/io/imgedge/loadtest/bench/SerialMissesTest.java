package io.imgedge.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The misses loop against a loopback server that holds each answer for 20 ms. */
class SerialMissesTest {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final Set<String> paths = ConcurrentHashMap.newKeySet();
  private final AtomicLong served = new AtomicLong();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          int now = inFlight.incrementAndGet();
          mostInFlight.accumulateAndGet(now, Math::max);
          try {
            Thread.sleep(20);
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            served.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
            exchange.close();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(long n) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/photo-" + n + ".jpg");
  }

  @Test
  void oneAtATime_neverHasTwoInFlight_andEveryNameIsNew() throws Exception {
    try (SerialMisses misses = new SerialMisses(new AtomicLong())) {
      SerialMisses.Loop loop = misses.run(this::url, 0.4, OptionalLong.empty());
      assertThat(mostInFlight.get()).isEqualTo(1);
      assertThat(loop.requests())
          .isEqualTo(served.get())
          .isEqualTo(paths.size())
          .isGreaterThanOrEqualTo(2);
      assertThat(loop.errors()).isZero();
      assertThat(loop.received()).containsOnlyKeys("image/jpeg");
    }
  }

  @Test
  void twoInFlight_keepTwoInFlight_andNoNameRepeats() throws Exception {
    try (SerialMisses misses = new SerialMisses(new AtomicLong())) {
      SerialMisses.Loop loop = misses.run(this::url, 1.0, OptionalLong.empty(), 2);
      assertThat(mostInFlight.get()).isEqualTo(2);
      assertThat(loop.requests())
          .isEqualTo(served.get())
          .isEqualTo(paths.size())
          .isGreaterThanOrEqualTo(2);
      assertThat(loop.received()).containsEntry("image/jpeg", loop.requests());
      assertThat(loop.perSecond()).isGreaterThan(0);
    }
  }

  @Test
  void noSenders_isRefused() {
    try (SerialMisses misses = new SerialMisses(new AtomicLong())) {
      assertThatThrownBy(() -> misses.run(this::url, 0.1, OptionalLong.empty(), 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
