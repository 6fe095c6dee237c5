package io.imgedge.shield;

import io.imgedge.transform.Transformer;
import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import io.imgedge.transform.spec.OutputTarget;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One derivative to serve: a source, a canonical spec and a negotiated output target.
 *
 * @param source the source image
 * @param spec what to render
 * @param negotiated the output target after content negotiation
 * @param defaults the service defaults the render falls back to
 */
public record DerivativeRequest(
    SourceId source, TransformSpec spec, Negotiated negotiated, TransformDefaults defaults) {

  /**
   * The cache key: everything that changes the bytes and nothing else. Two requests with the same
   * key get the same bytes on any node.
   */
  public DerivativeKey key() {
    return new DerivativeKey(
        source,
        spec.canonical(),
        negotiated.token() + (negotiated.webpNegotiated() ? "~" : ""),
        Transformer.PIPELINE_VERSION,
        defaults.fingerprint());
  }

  /** The same derivative as WebP (lossy, chosen by negotiation): what stands in for an AVIF. */
  public DerivativeRequest asWebp() {
    return new DerivativeRequest(
        source, spec, new Negotiated(OutputTarget.WEBP, true, true), defaults);
  }

  /**
   * The strong ETag of this derivative rendered from a source version, computed from metadata
   * alone: a hash of (source validator, key). Quoted, ready for the header.
   */
  public String etag(String sourceValidator) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(sourceValidator.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(key().encoded().getBytes(StandardCharsets.UTF_8));
      byte[] hash = sha.digest();
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
