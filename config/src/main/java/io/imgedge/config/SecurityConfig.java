package io.imgedge.config;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Request security.
 *
 * @param signingKeys keys for signed URLs, hex-encoded, at least 16 bytes each ({@code
 *     security.signing-keys}, comma-separated; set them with {@code
 *     IMGEDGE_SECURITY_SIGNING_KEYS}). The first signs, any verifies: add the new key first, retire
 *     the old one later
 * @param trustedProxies the addresses (CIDR blocks) whose {@code Forwarded} and {@code
 *     X-Forwarded-For} headers are believed about the client's address ({@code
 *     security.trusted-proxies}, comma-separated); from any other peer they are ignored
 * @param trustOverlayHeader whether the {@code X-Fastly-Imageopto-Overlay} request header adds an
 *     overlay (a watermark) to the image ({@code security.trust-overlay-header}, off by default:
 *     turn it on only when a proxy in front of imgedge sets or strips that header, as Fastly's
 *     service VCL does, because any browser can send it)
 */
public record SecurityConfig(
    List<String> signingKeys, List<Cidr> trustedProxies, boolean trustOverlayHeader) {

  /** Copies the keys and blocks. */
  public SecurityConfig {
    signingKeys = List.copyOf(signingKeys);
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** Signing keys, and no trusted proxy. */
  public SecurityConfig(List<String> signingKeys) {
    this(signingKeys, List.of());
  }

  /** Signing keys and trusted proxies; the overlay header is not trusted. */
  public SecurityConfig(List<String> signingKeys, List<Cidr> trustedProxies) {
    this(signingKeys, trustedProxies, false);
  }

  /** The keys as bytes. */
  public List<byte[]> keyBytes() {
    return signingKeys.stream().map(HexFormat.of()::parseHex).toList();
  }

  @Override
  public String toString() {
    return "SecurityConfig["
        + signingKeys.size()
        + " signing key(s), trusted proxies "
        + trustedProxies
        + "]";
  }

  static SecurityConfig from(Settings s) {
    Setting raw = s.raw("security.signing-keys");
    List<String> keys =
        Arrays.stream(raw.value().split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
    for (String k : keys) {
      if (!k.matches("([0-9a-fA-F]{2}){16,}")) {
        throw ConfigException.invalidSecret(
            raw, "comma-separated hex keys of at least 16 bytes (32 hex digits)");
      }
    }
    return new SecurityConfig(
        keys, proxies(s.raw("security.trusted-proxies")), s.bool("security.trust-overlay-header"));
  }

  private static List<Cidr> proxies(Setting raw) {
    List<Cidr> blocks = new java.util.ArrayList<>();
    for (String part : raw.value().split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        blocks.add(Cidr.parse(part));
      } catch (IllegalArgumentException e) {
        throw ConfigException.invalid(
            raw,
            "comma-separated addresses or CIDR blocks, such as 10.0.0.0/8, 127.0.0.1 or fd00::/8 ("
                + part.trim()
                + ": "
                + e.getMessage()
                + ")");
      }
    }
    return blocks;
  }
}
