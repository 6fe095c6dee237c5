package io.imgedge.shield.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.imgedge.cache.FreshnessRules;
import io.imgedge.config.FetchConfig;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS origins on a pinned address: the real host name goes out as SNI and the certificate is
 * checked against it. The server is on loopback (127.0.0.2) with a certificate made by keytool.
 */
class HttpOriginTlsTest {
  private static final InetAddress SERVER = AddressGuardTest.literal("127.0.0.2");
  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  static HttpsServer server;
  static X509ExtendedTrustManager trust;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("origin.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "origin",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=origin.test",
                "-ext",
                "san=dns:origin.test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes()))
        .isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    server = HttpsServer.create(new InetSocketAddress(SERVER, 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(ks)));
    server.createContext(
        "/",
        exchange -> {
          byte[] body = {9, 9};
          exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    trust = trustOnly(ks);
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static SSLContext serverContext(KeyStore ks) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static X509ExtendedTrustManager trustOnly(KeyStore ks) throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("origin", ks.getCertificate("origin"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors);
    return (X509ExtendedTrustManager) tmf.getTrustManagers()[0];
  }

  private static HttpOrigin origin(String host) {
    Duration t = Duration.ofSeconds(5);
    AddressGuard guard =
        new AddressGuard(
            AddressGuardTest.stub(Map.of(host, List.of("127.0.0.2"))),
            a -> a.equals(SERVER) || AddressGuard.isPublic(a));
    return new HttpOrigin(
        URI.create("https://" + host + ":" + server.getAddress().getPort()),
        new FetchConfig(t, t, t, t),
        1000,
        new SourceFactory(Clock.systemUTC(), FreshnessRules.ttl(Duration.ofMinutes(1))),
        guard,
        false,
        new SniHostnameTrustManager(trust),
        System::nanoTime);
  }

  @Test
  void certificateForTheOriginName_isAccepted_overThePinnedAddress() {
    HttpOrigin origin = origin("origin.test");
    try {
      assertThat(origin.fetch(new SourceId("o", "a.jpg"), null).join().bytes())
          .containsExactly(9, 9);
    } finally {
      origin.close();
    }
  }

  @Test
  void certificateForAnotherName_isRefused() {
    HttpOrigin origin = origin("other.test");
    try {
      assertThatThrownBy(() -> origin.fetch(new SourceId("o", "a.jpg"), null).join())
          .hasCauseInstanceOf(OriginException.class);
    } finally {
      origin.close();
    }
  }
}
