package io.imgedge.edge.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.edge.testing.TestCertificates;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PEM reader on the key formats OpenSSL and keytool write, and on bad files. */
class PemFilesTest {
  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PemFilesTest.class.getResource("/tls/" + name).toURI());
  }

  @Test
  void read_pkcs1RsaKey_withItsCertificate() throws Exception {
    CertifiedKey pair = PemFiles.read(resource("rsa-pkcs1.crt"), resource("rsa-pkcs1.key"));

    assertThat(pair.key()).isInstanceOf(RSAPrivateKey.class);
    assertThat(pair.describe()).contains("CN=pkcs1-test");
  }

  @Test
  void read_sec1EcKey_withItsCurveNamed() throws Exception {
    CertifiedKey pair = PemFiles.read(resource("ec-sec1.crt"), resource("ec-sec1.key"));

    assertThat(pair.key()).isInstanceOf(ECPrivateKey.class);
    assertThat(((ECPrivateKey) pair.key()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
  }

  @Test
  void read_pkcs8Keys_fromKeytool_rsaAndEc() throws Exception {
    for (String algorithm : new String[] {"RSA", "EC"}) {
      TestCertificates.Pair p = TestCertificates.create(dir, "k-" + algorithm, algorithm);
      CertifiedKey pair = PemFiles.read(p.cert(), p.key());
      assertThat(pair.key().getAlgorithm()).isEqualTo(algorithm);
      assertThat(pair.certificate()).isEqualTo(p.certificate());
    }
  }

  @Test
  void read_aChain_keepsItsOrder() throws Exception {
    Path chain =
        Files.writeString(
            dir.resolve("chain.crt"),
            Files.readString(resource("ec-sec1.crt"))
                + Files.readString(resource("rsa-pkcs1.crt")));

    assertThat(PemFiles.certificates(chain))
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=sec1-test", "CN=pkcs1-test");
  }

  @Test
  void aKeyOfAnotherCertificate_isRefused() {
    assertThatThrownBy(() -> PemFiles.read(resource("ec-sec1.crt"), resource("rsa-pkcs1.key")))
        .isInstanceOf(TlsFileException.class)
        .hasMessageContaining("rsa-pkcs1.key")
        .hasMessageContaining("does not belong to the certificate CN=sec1-test");
    assertThatThrownBy(() -> PemFiles.read(resource("rsa-pkcs1.crt"), resource("ec-sec1.key")))
        .hasMessageContaining("does not belong");
  }

  @Test
  void anEncryptedKey_isRefused_sayingWhatToDo() {
    assertThatThrownBy(() -> PemFiles.privateKey(resource("encrypted.key")))
        .isInstanceOf(TlsFileException.class)
        .hasMessageContaining("encrypted.key")
        .hasMessageContaining("unencrypted");
  }

  @Test
  void filesThatAreNotPem_orTheWrongBlock_areRefused_namingTheFile() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThatThrownBy(() -> PemFiles.certificates(text))
        .hasMessageStartingWith(text.toString())
        .hasMessageContaining("not a PEM file");
    assertThatThrownBy(() -> PemFiles.privateKey(resource("rsa-pkcs1.crt")))
        .hasMessageContaining("no private key block (found CERTIFICATE)");
    assertThatThrownBy(() -> PemFiles.certificates(resource("rsa-pkcs1.key")))
        .hasMessageContaining("found RSA PRIVATE KEY");
    Path garbled =
        Files.writeString(
            dir.resolve("garbled.key"),
            "-----BEGIN PRIVATE KEY-----\n%%%%\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> PemFiles.privateKey(garbled)).hasMessageContaining("not valid base64");
    Path missing = dir.resolve("missing.crt");
    assertThatThrownBy(() -> PemFiles.certificates(missing))
        .hasMessageStartingWith(missing.toString())
        .hasMessageContaining("cannot be read");
  }
}
