package io.imgedge.edge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for TLS tests, made at test time by the JDK's own {@code keytool} (for
 * 127.0.0.1 and localhost) and written as PEM files: the certificate, and the key as PKCS#8.
 */
public final class TestCertificates {
  private TestCertificates() {}

  /**
   * A certificate and its key as PEM files in {@code dir}.
   *
   * @param cert the certificate's PEM file
   * @param key the key's PEM file (PKCS#8)
   * @param certificate the certificate itself
   */
  public record Pair(Path cert, Path key, X509Certificate certificate) {}

  /**
   * Makes a key pair and a self-signed certificate for it with {@code keytool}.
   *
   * @param name the certificate's common name, and the files' names
   * @param keyAlgorithm {@code EC} or {@code RSA}
   */
  public static Pair create(Path dir, String name, String keyAlgorithm) throws Exception {
    Path store = dir.resolve(name + ".p12");
    Files.deleteIfExists(store);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command =
        List.of(
            keytool,
            "-genkeypair",
            "-alias",
            "server",
            "-keyalg",
            keyAlgorithm,
            "-keysize",
            keyAlgorithm.equals("EC") ? "256" : "2048",
            "-dname",
            "CN=" + name,
            "-ext",
            "san=ip:127.0.0.1,dns:localhost",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            "changeit");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    X509Certificate cert = (X509Certificate) ks.getCertificate("server");
    PrivateKey key = (PrivateKey) ks.getKey("server", "changeit".toCharArray());
    Path certFile =
        Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", cert.getEncoded()));
    Path keyFile =
        Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
    return new Pair(certFile, keyFile, cert);
  }

  /** PEM text of one block. */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** A client context that trusts exactly these certificates. */
  public static SSLContext trusting(X509Certificate... certificates) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (int i = 0; i < certificates.length; i++) {
      trust.setCertificateEntry("c" + i, certificates[i]);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  /** Copies a pair's files over {@code target}'s, moving their modification time forward. */
  public static void replace(Pair target, Path newCert, Path newKey) throws IOException {
    long later =
        Math.max(
                Files.getLastModifiedTime(target.cert()).toMillis(),
                Files.getLastModifiedTime(target.key()).toMillis())
            + 2000;
    Files.copy(newCert, target.cert(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(newKey, target.key(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(target.cert(), java.nio.file.attribute.FileTime.fromMillis(later));
    Files.setLastModifiedTime(target.key(), java.nio.file.attribute.FileTime.fromMillis(later));
  }
}
