package io.imgedge.shield.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.cache.FreshnessRules;
import io.imgedge.config.FetchConfig;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.testing.TestOrigin;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSRF through the origin client: private addresses and redirects to them are refused before any
 * connection. No test sends traffic beyond loopback: the stub resolver maps test names to loopback
 * addresses, and an "internet" origin is played by a server on 127.0.0.2, the one address the guard
 * under test treats as public; every other address gets the real check. "Refused before connecting"
 * is proven by the origin seeing no further request.
 */
class HttpOriginSsrfTest {
  private static final Duration T = Duration.ofSeconds(2);
  private static final InetAddress PLAYS_PUBLIC = AddressGuardTest.literal("127.0.0.2");
  private final TestOrigin server = TestOrigin.start(PLAYS_PUBLIC);
  private final int port = server.baseUrl().getPort();

  private HttpOrigin origin(String base, boolean allowPrivate) {
    return origin(base, allowPrivate, List.of());
  }

  private HttpOrigin origin(String base, boolean allowPrivate, List<String> redirectHosts) {
    AddressResolver resolver =
        AddressGuardTest.stub(
            Map.of(
                "origin.test",
                List.of("127.0.0.2"),
                "rebind.test",
                List.of("127.0.0.1"),
                "cdn.test",
                List.of("127.0.0.2")));
    AddressGuard guard =
        new AddressGuard(resolver, a -> a.equals(PLAYS_PUBLIC) || AddressGuard.isPublic(a));
    return new HttpOrigin(
        URI.create(base),
        new FetchConfig(T, T, T, T),
        1_000_000,
        new SourceFactory(Clock.systemUTC(), FreshnessRules.ttl(Duration.ofMinutes(1))),
        guard,
        allowPrivate,
        redirectHosts,
        System::nanoTime);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static OriginException failure(HttpOrigin origin, String path) {
    try {
      origin.fetch(new SourceId("o", path), null).join();
    } catch (CompletionException e) {
      return (OriginException) e.getCause();
    } finally {
      origin.close();
    }
    throw new AssertionError("the fetch succeeded");
  }

  @Test
  void originNameResolvingToLoopback_isRefusedBeforeConnecting() {
    server.image("/a.jpg", new byte[] {1}, "image/jpeg");
    OriginException e = failure(origin("http://rebind.test:" + port, false), "a.jpg");
    assertThat(e.status()).isEqualTo(403);
    assertThat(server.requests()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/x",
        "http://[::1]/x",
        "http://0.0.0.0/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/x",
        "http://172.16.0.1/x",
        "http://192.168.0.1/x",
        "http://2130706433/x",
        "http://0177.0.0.1/x",
        "http://0x7f.0.0.1/x",
        "http://rebind.test/x",
        "ftp://127.0.0.1/x",
        "file:///etc/passwd"
      })
  void redirectToAForbiddenTarget_isRefusedBeforeConnecting(String location) {
    server.on(
        "/r.jpg",
        new TestOrigin.Respond(302, Map.of("Location", location), new byte[0], Duration.ZERO));
    HttpOrigin origin =
        origin("http://origin.test:" + port, false); // a "public" origin that redirects
    OriginException e = failure(origin, "r.jpg");
    assertThat(e.status()).isEqualTo(403);
    assertThat(server.requests()).as("the first hop only; the redirect was refused").isEqualTo(1);
  }

  @Test
  void allowedRedirects_areFollowed_upToTheLimit() {
    server.image("/final.jpg", new byte[] {7}, "image/jpeg");
    server.on(
        "/one.jpg",
        new TestOrigin.Respond(301, Map.of("Location", "/final.jpg"), new byte[0], Duration.ZERO));
    HttpOrigin origin = origin("http://origin.test:" + port, true);
    assertThat(origin.fetch(new SourceId("o", "one.jpg"), null).join().bytes()).containsExactly(7);
    for (int i = 0; i < 5; i++) {
      server.on(
          "/loop" + i + ".jpg",
          new TestOrigin.Respond(
              302, Map.of("Location", "/loop" + (i + 1) + ".jpg"), new byte[0], Duration.ZERO));
    }
    assertThatThrownBy(() -> origin.fetch(new SourceId("o", "loop0.jpg"), null).join())
        .hasCauseInstanceOf(OriginException.class)
        .hasMessageContaining("redirected more than 3 times");
    origin.close();
  }

  /** Issue 13: a loopback origin (allow-private) redirecting to another loopback address. */
  @Test
  void redirectToAnotherHost_isRefused_evenWithAllowPrivate() {
    server.on(
        "/r.jpg",
        new TestOrigin.Respond(
            302,
            Map.of("Location", "http://127.0.0.3:" + port + "/x.jpg"),
            new byte[0],
            Duration.ZERO));
    OriginException e = failure(origin("http://127.0.0.2:" + port, true), "r.jpg");
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.getMessage()).contains("redirected to another host (127.0.0.3)", "redirect-hosts");
    assertThat(server.requests()).as("the first hop only").isEqualTo(1);
  }

  @Test
  void redirectToAListedHost_isFollowed_andStillGuarded() {
    server.image("/final.jpg", new byte[] {9}, "image/jpeg");
    server.on(
        "/r.jpg",
        new TestOrigin.Respond(
            302,
            Map.of("Location", "http://cdn.test:" + port + "/final.jpg"),
            new byte[0],
            Duration.ZERO));
    HttpOrigin listed = origin("http://origin.test:" + port, false, List.of("CDN.test"));
    assertThat(listed.fetch(new SourceId("o", "r.jpg"), null).join().bytes()).containsExactly(9);
    listed.close();
    assertThat(failure(origin("http://origin.test:" + port, false), "r.jpg").getMessage())
        .as("not listed")
        .contains("another host (cdn.test)");
    server.on(
        "/p.jpg",
        new TestOrigin.Respond(
            302,
            Map.of("Location", "http://rebind.test:" + port + "/final.jpg"),
            new byte[0],
            Duration.ZERO));
    assertThat(
            failure(origin("http://origin.test:" + port, false, List.of("rebind.test")), "p.jpg")
                .status())
        .as("a listed host on a private address is still refused by the guard")
        .isEqualTo(403);
  }

  @Test
  void pinnedRequests_carryTheRealHost() {
    server.image("/h.jpg", new byte[] {3}, "image/jpeg");
    HttpOrigin origin = origin("http://origin.test:" + port, true);
    assertThat(origin.fetch(new SourceId("o", "h.jpg"), null).join().bytes()).containsExactly(3);
    origin.close();
    assertThat(server.lastHost()).isEqualTo("origin.test:" + port);
  }
}
