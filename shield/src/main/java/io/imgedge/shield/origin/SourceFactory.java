package io.imgedge.shield.origin;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.HttpFreshness;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.transform.ImageFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link SourceObject}s: the validator (the origin's strong ETag, else a SHA-256 of the
 * bytes) and the freshness (the origin's headers, else the origin's or the node's default TTL).
 */
public final class SourceFactory {
  private final Clock clock;
  private final Duration defaultTtl;

  /**
   * @param clock the wall clock
   * @param defaultTtl freshness when the origin says nothing
   */
  public SourceFactory(Clock clock, Duration defaultTtl) {
    this.clock = clock;
    this.defaultTtl = defaultTtl;
  }

  /** A source from an HTTP response's body and headers (null when absent). */
  public SourceObject fromHttp(
      SourceId id, byte[] body, @Nullable String contentType, @Nullable String etag,
      @Nullable String lastModified, @Nullable String cacheControl, @Nullable String expires,
      @Nullable String date, @Nullable String age) {
    Instant now = clock.instant();
    Freshness freshness = HttpFreshness.of(cacheControl, expires, date, age, defaultTtl, now);
    Instant modified = lastModified == null ? null : HttpFreshness.httpDate(lastModified);
    return new SourceObject(id, body, ImageFormat.fromMediaType(contentType),
        validator(etag, body), modified, freshness);
  }

  /** A source from a file or resource, its format declared by its name. */
  public SourceObject fromFile(SourceId id, byte[] body, @Nullable Instant modified) {
    Freshness freshness = new Freshness(clock.instant(), Duration.ZERO, defaultTtl, true);
    return new SourceObject(id, body, formatOfName(id.path()), validator(null, body), modified, freshness);
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
      case "bmp" -> ImageFormat.BMP;
      case "tif", "tiff" -> ImageFormat.TIFF;
      default -> null;
    };
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
