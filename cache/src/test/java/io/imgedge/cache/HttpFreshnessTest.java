package io.imgedge.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpFreshnessTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final Duration DEFAULT = Duration.ofHours(1);

  private static Freshness of(String cc, String expires, String date, String age) {
    return HttpFreshness.of(cc, expires, date, age, DEFAULT, NOW);
  }

  @Test
  void noHeaders_useTheDefault() {
    Freshness f = of(null, null, null, null);
    assertThat(f.lifetime()).isEqualTo(DEFAULT);
    assertThat(f.storable()).isTrue();
  }

  @Test
  void sMaxAge_winsOverMaxAge_winsOverExpires() {
    String expires = "Sun, 22 Nov 2026 12:10:00 GMT";
    assertThat(of("max-age=60, s-maxage=120", expires, null, null).lifetime()).hasSeconds(120);
    assertThat(of("public, max-age=60", expires, null, null).lifetime()).hasSeconds(60);
    assertThat(of(null, expires, "Sun, 22 Nov 2026 12:00:00 GMT", null).lifetime()).hasSeconds(600);
  }

  @Test
  void noStoreAndPrivate_areNotStorable() {
    assertThat(of("no-store", null, null, null).storable()).isFalse();
    assertThat(of("private, max-age=600", null, null, null).storable()).isFalse();
    assertThat(of("no-store", null, null, null).retention()).isZero();
  }

  @Test
  void noCache_isStoredButStaleAtOnce() {
    Freshness f = of("no-cache", null, null, null);
    assertThat(f.storable()).isTrue();
    assertThat(f.isFresh(NOW)).isFalse();
  }

  @Test
  void invalidExpires_meansExpired() {
    assertThat(of(null, "0", null, null).lifetime()).isZero();
  }

  @Test
  void ageHeader_countsAgainstTheLifetime() {
    Freshness f = of("max-age=100", null, null, "40");
    assertThat(f.retention()).hasSeconds(60);
    assertThat(f.age(NOW.plusSeconds(10))).hasSeconds(50);
    assertThat(f.isFresh(NOW.plusSeconds(59))).isTrue();
    assertThat(f.isFresh(NOW.plusSeconds(60))).isFalse();
  }

  @Test
  void malformedValues_fallBackSafely() {
    assertThat(of("max-age=abc", null, null, "-5").lifetime()).isZero();
    assertThat(of("max-age=abc", null, null, "-5").initialAge()).isZero();
  }

  @Test
  void httpDate_roundTrips() {
    String text = HttpFreshness.format(NOW);
    assertThat(text).isEqualTo("Sun, 22 Nov 2026 12:00:00 GMT");
    assertThat(HttpFreshness.httpDate(text)).isEqualTo(NOW);
    assertThat(HttpFreshness.httpDate("yesterday")).isNull();
  }

  /** Issue 14: "Sat, 5 Dec 2026" is not an IMF-fixdate; the day has two digits. */
  @Test
  void httpDate_singleDigitDay_isZeroPadded() {
    java.time.Instant fifth = java.time.Instant.parse("2026-12-05T09:03:07Z");
    assertThat(HttpFreshness.format(fifth)).isEqualTo("Sat, 05 Dec 2026 09:03:07 GMT");
    assertThat(HttpFreshness.httpDate(HttpFreshness.format(fifth))).isEqualTo(fifth);
  }

  @Test
  void staleWindows_fromTheResponse_elseTheRules() {
    FreshnessRules rules =
        new FreshnessRules(DEFAULT, null, Duration.ofSeconds(5), Duration.ofSeconds(50));
    Freshness own =
        HttpFreshness.of(
            "max-age=10, stale-while-revalidate=20, stale-if-error=300",
            null,
            null,
            null,
            rules,
            NOW);
    assertThat(own.staleWhileRevalidate()).hasSeconds(20);
    assertThat(own.staleIfError()).hasSeconds(300);
    assertThat(own.retention()).hasSeconds(310);
    Freshness defaults = HttpFreshness.of("max-age=10", null, null, null, rules, NOW);
    assertThat(defaults.staleWhileRevalidate()).hasSeconds(5);
    assertThat(defaults.staleIfError()).hasSeconds(50);
  }

  @Test
  void staleWindows_tellFreshFromServableStale() {
    Freshness f =
        HttpFreshness.of(
            "max-age=10, stale-while-revalidate=20, stale-if-error=60",
            null,
            null,
            null,
            DEFAULT,
            NOW);
    assertThat(f.isFresh(NOW.plusSeconds(9))).isTrue();
    assertThat(f.inStaleWhileRevalidate(NOW.plusSeconds(9))).isFalse();
    assertThat(f.inStaleWhileRevalidate(NOW.plusSeconds(29))).isTrue();
    assertThat(f.inStaleWhileRevalidate(NOW.plusSeconds(30))).isFalse();
    assertThat(f.inStaleIfError(NOW.plusSeconds(69))).isTrue();
    assertThat(f.inStaleIfError(NOW.plusSeconds(70))).isFalse();
    assertThat(f.revalidatedAt(NOW.plusSeconds(100)).isFresh(NOW.plusSeconds(105))).isTrue();
  }

  @Test
  void overrideTtl_replacesWhatTheOriginSays() {
    FreshnessRules rules =
        new FreshnessRules(DEFAULT, Duration.ofMinutes(7), Duration.ZERO, Duration.ZERO);
    assertThat(HttpFreshness.of("max-age=5", null, null, null, rules, NOW).lifetime())
        .hasMinutes(7);
    assertThat(HttpFreshness.of("no-store", null, null, null, rules, NOW).storable()).isFalse();
  }
}
