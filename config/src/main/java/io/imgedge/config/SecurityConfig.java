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
 */
public record SecurityConfig(List<String> signingKeys) {

  /** Copies the keys. */
  public SecurityConfig {
    signingKeys = List.copyOf(signingKeys);
  }

  /** The keys as bytes. */
  public List<byte[]> keyBytes() {
    return signingKeys.stream().map(HexFormat.of()::parseHex).toList();
  }

  @Override
  public String toString() {
    return "SecurityConfig[" + signingKeys.size() + " signing key(s)]";
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
    return new SecurityConfig(keys);
  }
}
