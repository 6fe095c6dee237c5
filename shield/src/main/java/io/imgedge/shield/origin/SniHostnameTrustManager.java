package io.imgedge.shield.origin;

import java.net.Socket;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Validates an origin's certificate chain with the usual trust anchors, then checks the leaf
 * against the host name sent as SNI. It exists because origin connections are pinned to a checked
 * IP address: the connection's own host is then that address, so the standard hostname check would
 * compare the certificate with the IP instead of the name.
 */
final class SniHostnameTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;

  SniHostnameTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  /** A trust manager over the JVM's default trust anchors. */
  static SniHostnameTrustManager withDefaultAnchors() {
    try {
      TrustManagerFactory f =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init((KeyStore) null);
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return new SniHostnameTrustManager(x);
        }
      }
      throw new IllegalStateException("no X509 trust manager in the JVM");
    } catch (NoSuchAlgorithmException | KeyStoreException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, engine);
    String host = sniHost(engine.getSSLParameters().getServerNames());
    if (host == null || !matches(chain[0], host)) {
      throw new CertificateException("the origin's certificate is not valid for " + host);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("origin connections use SSLEngine");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("origin connections use SSLEngine");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("not a server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("not a server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("not a server");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private static @Nullable String sniHost(@Nullable List<SNIServerName> names) {
    if (names == null) {
      return null;
    }
    for (SNIServerName n : names) {
      if (n instanceof SNIHostName h) {
        return h.getAsciiName();
      }
    }
    return null;
  }

  /**
   * RFC 6125: a DNS name of the subjectAltName, with a wildcard only as the whole left-most label.
   */
  static boolean matches(X509Certificate cert, String host) throws CertificateParsingException {
    Collection<List<?>> names = cert.getSubjectAlternativeNames();
    if (names == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (List<?> entry : names) {
      if (((Integer) entry.get(0)) == 2
          && nameMatches(String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT), h)) {
        return true;
      }
    }
    return false;
  }

  private static boolean nameMatches(String pattern, String host) {
    if (!pattern.startsWith("*.")) {
      return pattern.equals(host);
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(pattern.substring(1));
  }
}
