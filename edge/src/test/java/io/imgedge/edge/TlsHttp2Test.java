package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.app.StartupException;
import io.imgedge.edge.testing.Await;
import io.imgedge.edge.testing.TestCertificates;
import io.imgedge.edge.testing.TestNodes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the public port over real TLS with a certificate made in the test (keytool): HTTP/2 by
 * ALPN with the JDK's client and with curl, the certificate reloaded when its files change, a
 * broken new pair refused with the old one kept, and HTTP/2 cleartext off on a plain port by
 * default.
 */
@Tag("integration")
class TlsHttp2Test {
  @TempDir static Path dir;
  private static TestCertificates.Pair first;
  private static TestCertificates.Pair second;
  private static TestCertificates.Pair served;
  private static Node node;

  @BeforeAll
  static void start() throws Exception {
    first = TestCertificates.create(dir, "first", "EC");
    second = TestCertificates.create(dir, "second", "RSA");
    Path live = Files.createDirectories(dir.resolve("live"));
    served =
        new TestCertificates.Pair(
            Files.copy(first.cert(), live.resolve("tls.crt")),
            Files.copy(first.key(), live.resolve("tls.key")),
            first.certificate());
    node =
        TestNodes.start(
            null,
            Map.of(
                "tls.cert", served.cert().toString(),
                "tls.key", served.key().toString(),
                "tls.reload-check", "100ms"));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void https_answersAnImageOverHttp2_negotiatedByAlpn() throws Exception {
    HttpResponse<byte[]> r = get(HttpClient.Version.HTTP_2, "/photo.jpg?width=300");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.version()).as("negotiated by ALPN").isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(r.headers().firstValue("content-type")).hasValue("image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertThat(image.getWidth()).isEqualTo(300);
    assertThat(node.describe()).contains("listening on https://127.0.0.1:" + node.publicPort());
  }

  @Test
  void https_stillSpeaksHttp11_toAClientThatOffersOnlyThat() throws Exception {
    HttpResponse<byte[]> r = get(HttpClient.Version.HTTP_1_1, "/photo.jpg?width=120");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void curlHttp2_answersOverH2() throws Exception {
    Assumptions.assumeTrue(
        curlSpeaksHttp2(), "curl with HTTP2 in `curl -V` features is not installed: skipped");
    Path out = dir.resolve("curl.jpg");
    Process curl =
        new ProcessBuilder(
                "curl",
                "--http2",
                "-k",
                "-sS",
                "--max-time",
                "30",
                "-o",
                out.toString(),
                "-w",
                "%{http_version} %{http_code} %{content_type}",
                "https://127.0.0.1:" + node.publicPort() + "/photo.jpg?width=300")
            .redirectErrorStream(true)
            .start();
    String said = new String(curl.getInputStream().readAllBytes()).trim();
    assertThat(curl.waitFor(40, TimeUnit.SECONDS)).isTrue();

    assertThat(said).isEqualTo("2 200 image/jpeg");
    assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(300);
  }

  @Test
  void changedFiles_newHandshakesSeeTheNewCertificate_aBrokenPairIsRefusedAndTheOldKept()
      throws Exception {
    X509Certificate before = peerCertificate();
    TestCertificates.Pair other = before.equals(first.certificate()) ? second : first;
    TestCertificates.Pair same = other == first ? second : first;
    var certificates = java.util.Objects.requireNonNull(node.certificates());
    long refusals = certificates.refusals();

    // the new certificate with the key of the one in use: not a pair
    TestCertificates.replace(served, other.cert(), same.key());
    Await.until("the changed files were read", () -> certificates.refusals() > refusals);
    assertThat(peerCertificate()).as("the old pair is kept").isEqualTo(before);

    long reloads = certificates.reloads();
    TestCertificates.replace(served, other.cert(), other.key());
    Await.until("the new pair was read", () -> certificates.reloads() > reloads);
    assertThat(peerCertificate())
        .as("a new handshake presents the new certificate")
        .isEqualTo(other.certificate());
    assertThat(get(HttpClient.Version.HTTP_2, "/photo.jpg?width=64").statusCode()).isEqualTo(200);
    assertThat(TestNodes.admin(node, "/metrics").body())
        .contains("imgedge_tls_reloads_total{result=\"refused\"}");
  }

  @Test
  void plainPort_doesNotUpgradeToHttp2Cleartext_byDefault() {
    Node plain = TestNodes.start(null, Map.of());
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + plain.publicPort() + "/photo.jpg?width=50"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      plain.close();
    }
  }

  @Test
  void aMalformedCertificate_stopsStartUp_namingTheFile() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.crt"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(
            () ->
                TestNodes.start(
                    null, Map.of("tls.cert", bad.toString(), "tls.key", first.key().toString())))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("not valid X.509");
  }

  private static X509Certificate peerCertificate() throws Exception {
    HttpResponse<byte[]> r = get(HttpClient.Version.HTTP_2, "/");
    return (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
  }

  /** A new client each time, so that each request makes a new handshake. */
  private static HttpResponse<byte[]> get(HttpClient.Version version, String path)
      throws Exception {
    SSLContext trust = TestCertificates.trusting(first.certificate(), second.certificate());
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(version)
            .sslContext(trust)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.publicPort() + path))
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  private static boolean curlSpeaksHttp2() {
    try {
      Process p = new ProcessBuilder("curl", "-V").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes());
      return p.waitFor(10, TimeUnit.SECONDS) && v.contains("HTTP2");
    } catch (Exception e) {
      return false;
    }
  }
}
