package io.imgedge.edge.security;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signs and verifies image URLs: {@code sig} is the base64url (unpadded) HMAC-SHA256 of the path
 * and the query parameters sorted by name (the canonical parameters: their order in the URL does
 * not matter), {@code sig} itself excluded; {@code expires} (Unix seconds), if present, is signed
 * like any parameter and checked. Several keys may be configured: a signature made with any of them
 * is accepted (key rotation). Signatures are compared in constant time.
 *
 * <p>Example: {@code /photo.jpg?width=400&expires=1767225600&sig=Jx0...}.
 */
public final class UrlSigner {
  /** The parameter that carries the signature. */
  public static final String SIG = "sig";

  /** The optional parameter that carries the expiry, in Unix seconds. */
  public static final String EXPIRES = "expires";

  private final List<byte[]> keys;

  /**
   * @param keys the signing keys, the first used to sign; any verifies
   */
  public UrlSigner(List<byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one signing key");
    }
    this.keys = keys.stream().map(byte[]::clone).toList();
  }

  /** The outcome of a verification. */
  public enum Verdict {
    VALID,
    MISSING,
    INVALID,
    EXPIRED
  }

  /** Verifies a request: its decoded path and raw query string. */
  public Verdict verify(String path, @Nullable String rawQuery, Instant now) {
    Map<String, List<String>> params = parse(rawQuery);
    List<String> sigs = params.remove(SIG);
    if (sigs == null || sigs.size() != 1) {
      return sigs == null ? Verdict.MISSING : Verdict.INVALID;
    }
    byte[] given = decodeSignature(sigs.get(0));
    if (given == null) {
      return Verdict.INVALID;
    }
    byte[] message = message(path, params);
    boolean valid = false;
    for (byte[] key : keys) {
      valid |= MessageDigest.isEqual(hmac(key, message), given);
    }
    if (!valid) {
      return Verdict.INVALID;
    }
    return expired(params.get(EXPIRES), now) ? Verdict.EXPIRED : Verdict.VALID;
  }

  /** Signs a path and raw query with the first key: returns the query with {@code sig} appended. */
  public String sign(String path, @Nullable String rawQuery) {
    String sig =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(hmac(keys.get(0), message(path, parse(rawQuery))));
    return (rawQuery == null || rawQuery.isEmpty() ? "" : rawQuery + "&") + SIG + "=" + sig;
  }

  private static boolean expired(@Nullable List<String> expires, Instant now) {
    if (expires == null) {
      return false;
    }
    try {
      return expires.size() != 1 || Long.parseLong(expires.get(0)) < now.getEpochSecond();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** {@code path + "?" + name=value&...} with names sorted (values in URL order), decoded. */
  static byte[] message(String path, Map<String, List<String>> params) {
    StringBuilder m = new StringBuilder(path).append('?');
    boolean first = true;
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      for (String v : e.getValue()) {
        m.append(first ? "" : "&").append(enc(e.getKey())).append('=').append(enc(v));
        first = false;
      }
    }
    return m.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> parse(@Nullable String rawQuery) {
    Map<String, List<String>> params = new TreeMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = dec(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : dec(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static byte @Nullable [] decodeSignature(String text) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static String dec(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
