package io.imgedge.shield.origin;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.FreshnessRules;
import io.imgedge.cache.HttpFreshness;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.transform.ImageFormat;
import java.net.http.HttpHeaders;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link SourceObject}s: the validator (the origin's strong ETag, else a SHA-256 of the
 * bytes), the freshness (the origin's headers under the origin's TTL rules), the origin's own
 * validators for revalidation, and its surrogate keys.
 */
public final class SourceFactory {
  private final Clock clock;
  private final FreshnessRules rules;

  /**
   * @param clock the wall clock
   * @param rules the origin's TTL rules, with the node's defaults applied
   */
  public SourceFactory(Clock clock, FreshnessRules rules) {
    this.clock = clock;
    this.rules = rules;
  }

  /** A source from an HTTP response's body and headers. */
  public SourceObject fromHttp(SourceId id, byte[] body, HttpHeaders h) {
    String etag = first(h, "ETag");
    String lastModified = first(h, "Last-Modified");
    Instant modified = lastModified == null ? null : HttpFreshness.httpDate(lastModified);
    return new SourceObject(
        id,
        body,
        ImageFormat.fromMediaType(first(h, "Content-Type")),
        validator(etag, body),
        modified,
        freshness(h),
        new SourceObject.Revalidation(etag, lastModified),
        surrogateKeys(first(h, "Surrogate-Key")));
  }

  /** The freshness an HTTP response (a 200 or a 304) gives, received now. */
  public Freshness freshness(HttpHeaders h) {
    return HttpFreshness.of(
        first(h, "Cache-Control"),
        first(h, "Expires"),
        first(h, "Date"),
        first(h, "Age"),
        rules,
        clock.instant());
  }

  /**
   * A stale source revalidated by a 304: the 304's caching headers replace the stored ones, and
   * where it carries none the stored rules apply again from now (RFC 9111 section 4.3.4).
   */
  public SourceObject revalidated(SourceObject previous, HttpHeaders h) {
    boolean hasFreshness =
        h.firstValue("Cache-Control").isPresent() || h.firstValue("Expires").isPresent();
    return previous.withFreshness(
        hasFreshness ? freshness(h) : previous.freshness().revalidatedAt(clock.instant()));
  }

  /** A source from a file or resource, its format declared by its name. */
  public SourceObject fromFile(SourceId id, byte[] body, @Nullable Instant modified) {
    Freshness freshness = HttpFreshness.of(null, null, null, null, rules, clock.instant());
    return new SourceObject(
        id,
        body,
        formatOfName(id.path()),
        validator(null, body),
        modified,
        freshness,
        SourceObject.Revalidation.NONE,
        List.of());
  }

  /** The format a file name declares by its extension, or null for unknown extensions. */
  public static @Nullable ImageFormat formatOfName(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "jpg", "jpeg", "jpe", "jfif" -> ImageFormat.JPEG;
      case "png", "apng" -> ImageFormat.PNG;
      case "gif" -> ImageFormat.GIF;
      case "webp" -> ImageFormat.WEBP;
      case "avif" -> ImageFormat.AVIF;
      case "jxl" -> ImageFormat.JXL;
      case "bmp" -> ImageFormat.BMP;
      case "tif", "tiff" -> ImageFormat.TIFF;
      default -> null;
    };
  }

  private static List<String> surrogateKeys(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    return Arrays.stream(header.trim().split("\\s+")).limit(64).toList();
  }

  private static @Nullable String first(HttpHeaders headers, String name) {
    return headers.firstValue(name).orElse(null);
  }

  private static String validator(@Nullable String etag, byte[] body) {
    if (etag != null && !etag.isBlank() && !etag.trim().startsWith("W/")) {
      return "etag:" + etag.trim();
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
