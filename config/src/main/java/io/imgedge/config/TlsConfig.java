package io.imgedge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * TLS on the public port. When a certificate and a key are named, the public port speaks HTTPS
 * only, with HTTP/2 and HTTP/1.1 offered by ALPN; the files are read again when they change.
 *
 * @param cert PEM file with the certificate chain, the server's certificate first ({@code
 *     tls.cert}, {@code IMGEDGE_TLS_CERT}); null for plain HTTP
 * @param key PEM file with the private key: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code
 *     BEGIN RSA PRIVATE KEY}) or SEC 1 ({@code BEGIN EC PRIVATE KEY}), unencrypted ({@code
 *     tls.key}, {@code IMGEDGE_TLS_KEY}); null for plain HTTP
 * @param reloadCheck how often the two files' modification times are compared with the pair in use
 *     ({@code tls.reload-check})
 */
public record TlsConfig(@Nullable Path cert, @Nullable Path key, Duration reloadCheck) {

  /** Checks that the certificate and the key come together. */
  public TlsConfig {
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException("tls.cert and tls.key are set together or not at all");
    }
  }

  /** Plain HTTP. */
  public static TlsConfig off() {
    return new TlsConfig(null, null, Duration.ofSeconds(5));
  }

  /** Whether the public port speaks HTTPS. */
  public boolean enabled() {
    return cert != null;
  }

  static TlsConfig from(Settings s) {
    boolean hasCert = !s.isEmpty("tls.cert");
    boolean hasKey = !s.isEmpty("tls.key");
    Duration check = s.duration("tls.reload-check", Duration.ofMillis(100));
    if (!hasCert && !hasKey) {
      return new TlsConfig(null, null, check);
    }
    if (!hasCert || !hasKey) {
      Setting missing = s.raw(hasCert ? "tls.key" : "tls.cert");
      throw ConfigException.invalid(
          missing, "a PEM file: tls.cert and tls.key are set together (or neither, for HTTP)");
    }
    return new TlsConfig(readable(s.raw("tls.cert")), readable(s.raw("tls.key")), check);
  }

  private static Path readable(Setting s) {
    Path p = Path.of(s.value().trim());
    if (!Files.isRegularFile(p)) {
      throw ConfigException.invalid(s, "an existing PEM file (" + p.toAbsolutePath() + " is not)");
    }
    if (!Files.isReadable(p)) {
      throw ConfigException.invalid(s, "a PEM file this process may read (permission denied)");
    }
    return p;
  }
}
