package io.imgedge.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Computes a shared cache's {@link Freshness} from an origin's response headers (RFC 9111, RFC
 * 5861): {@code no-store} and {@code private} are not stored; otherwise the lifetime is the
 * configured override, else {@code s-maxage}, {@code max-age}, {@code Expires} minus {@code Date},
 * else the configured default. A {@code no-cache} response is stored with lifetime zero (it must be
 * revalidated before reuse). {@code stale-while-revalidate} and {@code stale-if-error} come from
 * the response, else from the configured defaults.
 */
public final class HttpFreshness {
  /**
   * IMF-fixdate (RFC 9110 section 5.6.7): a two-digit day, English names, GMT. (Java's RFC_1123
   * formatter writes single-digit days without the zero, which HTTP does not allow.)
   */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

  private HttpFreshness() {}

  /**
   * @param cacheControl the {@code Cache-Control} header, or null
   * @param expires the {@code Expires} header, or null
   * @param date the {@code Date} header, or null
   * @param age the {@code Age} header, or null
   * @param rules the origin's TTL rules
   * @param now when the response was received
   */
  public static Freshness of(
      @Nullable String cacheControl,
      @Nullable String expires,
      @Nullable String date,
      @Nullable String age,
      FreshnessRules rules,
      Instant now) {
    Directives d = Directives.parse(cacheControl);
    if (d.noStore || d.isPrivate) {
      return Freshness.notStorable(now);
    }
    Duration initialAge = Duration.ofSeconds(seconds(age, 0));
    Duration lifetime =
        rules.overrideTtl() != null ? rules.overrideTtl() : lifetime(d, expires, date, rules, now);
    Duration swr =
        d.staleWhileRevalidate >= 0
            ? Duration.ofSeconds(d.staleWhileRevalidate)
            : rules.staleWhileRevalidate();
    Duration sie = d.staleIfError >= 0 ? Duration.ofSeconds(d.staleIfError) : rules.staleIfError();
    return new Freshness(now, initialAge, lifetime, swr, sie, true);
  }

  /** {@link #of} with only a default lifetime. */
  public static Freshness of(
      @Nullable String cacheControl,
      @Nullable String expires,
      @Nullable String date,
      @Nullable String age,
      Duration defaultTtl,
      Instant now) {
    return of(cacheControl, expires, date, age, FreshnessRules.ttl(defaultTtl), now);
  }

  private static Duration lifetime(
      Directives d,
      @Nullable String expires,
      @Nullable String date,
      FreshnessRules rules,
      Instant now) {
    if (d.noCache) {
      return Duration.ZERO;
    }
    if (d.sMaxAge >= 0) {
      return Duration.ofSeconds(d.sMaxAge);
    }
    if (d.maxAge >= 0) {
      return Duration.ofSeconds(d.maxAge);
    }
    return expires != null ? fromExpires(expires, date, now) : rules.defaultTtl();
  }

  private static Duration fromExpires(String expires, @Nullable String date, Instant now) {
    Instant exp = httpDate(expires);
    if (exp == null) {
      return Duration.ZERO; // an invalid Expires means "already expired" (RFC 9111 5.3)
    }
    Instant base = date == null ? now : httpDate(date);
    Duration d = Duration.between(base == null ? now : base, exp);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Parses an IMF-fixdate (RFC 9110 5.6.7), or returns null. */
  public static @Nullable Instant httpDate(String value) {
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Formats an instant as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant.atZone(ZoneOffset.UTC));
  }

  private static long seconds(@Nullable String value, long fallback) {
    if (value == null) {
      return fallback;
    }
    String v = value.trim();
    if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      long n = Long.parseLong(v);
      return n < 0 ? fallback : n;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The Cache-Control directives that matter to a shared cache; -1 means absent. */
  private static final class Directives {
    boolean noStore;
    boolean isPrivate;
    boolean noCache;
    long maxAge = -1;
    long sMaxAge = -1;
    long staleWhileRevalidate = -1;
    long staleIfError = -1;

    static Directives parse(@Nullable String header) {
      Directives d = new Directives();
      if (header == null) {
        return d;
      }
      for (String part : header.split(",")) {
        String[] kv = part.trim().split("=", 2);
        String name = kv[0].trim().toLowerCase(Locale.ROOT);
        String value = kv.length > 1 ? kv[1] : null;
        switch (name) {
          case "no-store" -> d.noStore = true;
          case "private" -> d.isPrivate = true;
          case "no-cache" -> d.noCache = true;
          case "max-age" -> d.maxAge = seconds(value, 0);
          case "s-maxage" -> d.sMaxAge = seconds(value, 0);
          case "stale-while-revalidate" -> d.staleWhileRevalidate = seconds(value, 0);
          case "stale-if-error" -> d.staleIfError = seconds(value, 0);
          default -> {}
        }
      }
      return d;
    }
  }
}
