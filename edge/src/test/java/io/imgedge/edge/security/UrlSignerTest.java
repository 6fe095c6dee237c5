package io.imgedge.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.security.UrlSigner.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlSignerTest {
  private static final byte[] OLD = "0123456789abcdef-old".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW = "0123456789abcdef-new".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void sign_thenVerify_isValid_whateverTheParameterOrder() {
    UrlSigner signer = new UrlSigner(List.of(NEW));
    String signed = signer.sign("/photos/cat.jpg", "width=400&format=auto");
    assertThat(signer.verify("/photos/cat.jpg", signed, NOW)).isEqualTo(Verdict.VALID);
    String sig = signed.substring(signed.indexOf("sig="));
    assertThat(signer.verify("/photos/cat.jpg", "format=auto&" + sig + "&width=400", NOW))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void verify_missingWrongOrDuplicated() {
    UrlSigner signer = new UrlSigner(List.of(NEW));
    String signed = signer.sign("/a.jpg", "width=1");
    assertThat(signer.verify("/a.jpg", "width=1", NOW)).isEqualTo(Verdict.MISSING);
    assertThat(signer.verify("/a.jpg", signed.replace("width=1", "width=2"), NOW))
        .isEqualTo(Verdict.INVALID);
    assertThat(signer.verify("/b.jpg", signed, NOW)).isEqualTo(Verdict.INVALID);
    assertThat(signer.verify("/a.jpg", signed + "&width=1", NOW)).isEqualTo(Verdict.INVALID);
    assertThat(signer.verify("/a.jpg", signed + "&sig=AAAA", NOW)).isEqualTo(Verdict.INVALID);
    assertThat(signer.verify("/a.jpg", "width=1&sig=%%%", NOW)).isEqualTo(Verdict.INVALID);
  }

  @Test
  void rotation_acceptsAnyConfiguredKey() {
    String byOld = new UrlSigner(List.of(OLD)).sign("/a.jpg", "width=10");
    UrlSigner rotated = new UrlSigner(List.of(NEW, OLD));
    assertThat(rotated.verify("/a.jpg", byOld, NOW)).isEqualTo(Verdict.VALID);
    assertThat(new UrlSigner(List.of(NEW)).verify("/a.jpg", byOld, NOW)).isEqualTo(Verdict.INVALID);
  }

  @Test
  void expiry_isSignedAndChecked() {
    UrlSigner signer = new UrlSigner(List.of(NEW));
    String later = signer.sign("/a.jpg", "width=1&expires=" + NOW.plusSeconds(60).getEpochSecond());
    assertThat(signer.verify("/a.jpg", later, NOW)).isEqualTo(Verdict.VALID);
    assertThat(signer.verify("/a.jpg", later, NOW.plusSeconds(61))).isEqualTo(Verdict.EXPIRED);
    String extended =
        later.replace("expires=" + NOW.plusSeconds(60).getEpochSecond(), "expires=9999999999");
    assertThat(signer.verify("/a.jpg", extended, NOW.plusSeconds(61))).isEqualTo(Verdict.INVALID);
  }
}
