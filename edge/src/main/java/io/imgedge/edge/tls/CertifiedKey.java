package io.imgedge.edge.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;

/**
 * A certificate chain (the server's certificate first) and the private key of its first
 * certificate, checked to belong together.
 *
 * @param chain the chain, never empty
 * @param key the private key of {@code chain.get(0)}
 */
public record CertifiedKey(List<X509Certificate> chain, PrivateKey key) {

  /** Copies the chain and checks that the key signs what the certificate's public key verifies. */
  public CertifiedKey {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no certificate");
    }
    if (!matches(chain.getFirst(), key)) {
      throw new IllegalArgumentException(
          "the private key does not belong to the certificate "
              + chain.getFirst().getSubjectX500Principal().getName());
    }
  }

  /** The server certificate. */
  public X509Certificate certificate() {
    return chain.getFirst();
  }

  /** Subject, serial number and expiry, for the log. */
  public String describe() {
    X509Certificate c = certificate();
    return "%s (serial %s, %s key, valid until %s)"
        .formatted(
            c.getSubjectX500Principal().getName(),
            c.getSerialNumber().toString(16),
            key.getAlgorithm(),
            c.getNotAfter().toInstant());
  }

  private static boolean matches(X509Certificate cert, PrivateKey key) {
    if (!cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
      return false;
    }
    byte[] probe = "imgedge key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try {
      Signature signer = signature(key.getAlgorithm());
      signer.initSign(key);
      signer.update(probe);
      byte[] signed = signer.sign();
      Signature verifier = signature(key.getAlgorithm());
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signed);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Signature signature(String keyAlgorithm) throws GeneralSecurityException {
    return switch (keyAlgorithm) {
      case "RSA" -> Signature.getInstance("SHA256withRSA");
      case "EC" -> Signature.getInstance("SHA256withECDSA");
      case "RSASSA-PSS" -> {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        yield s;
      }
      default -> Signature.getInstance(keyAlgorithm); // Ed25519, Ed448
    };
  }
}
