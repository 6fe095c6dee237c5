package io.imgedge.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalTierTest {
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  record Blob(int size, Freshness freshness) implements Cacheable {
    @Override
    public long sizeInBytes() {
      return size;
    }
  }

  private static Blob fresh(int size, long seconds) {
    return new Blob(size, Freshness.of(Instant.EPOCH, Duration.ofSeconds(seconds)));
  }

  private LocalTier<String, Blob> tier(long maxBytes) {
    return new LocalTier<>("test", maxBytes, ticker, Runnable::run, registry);
  }

  /**
   * Keys "a/1", "a/2", ...: the group is what comes before the slash (a source and its
   * derivatives).
   */
  private LocalTier<String, Blob> indexed(long maxBytes) {
    return new LocalTier<>(
        "test",
        maxBytes,
        Duration.ZERO,
        (String k) -> k.substring(0, k.indexOf('/')),
        ticker,
        Runnable::run,
        registry);
  }

  @Test
  void invalidateGroup_removesThatGroupOnly_throughTheIndex() {
    LocalTier<String, Blob> tier = indexed(10_000);
    for (String key : new String[] {"a/1", "a/2", "a/3", "b/1", "b/2"}) {
      tier.put(key, fresh(10, 60));
    }
    assertThat(tier.invalidateGroup("a")).isEqualTo(3);
    assertThat(tier.getIfPresent("a/1")).isNull();
    assertThat(tier.getIfPresent("a/3")).isNull();
    assertThat(tier.getIfPresent("b/1")).isNotNull();
    assertThat(tier.indexedGroups()).isEqualTo(1);
    tier.put("a/1", fresh(10, 60)); // stored again after the purge: indexed again
    assertThat(tier.invalidateGroup("a")).isEqualTo(1);
    assertThat(tier.invalidateGroup("nothing")).isZero();
  }

  @Test
  void aKeyInSeveralGroups_isRemovedByEither_andLeavesTheOthersIndex() {
    // "a/1+o": in group a and in group o (a derivative of a with an overlay made of o)
    LocalTier<String, Blob> tier =
        new LocalTier<>(
            "test",
            10_000,
            Duration.ZERO,
            (String k) -> {
              String g = k.substring(0, k.indexOf('/'));
              int plus = k.indexOf('+');
              return plus < 0 ? g : new Groups(java.util.List.of(g, k.substring(plus + 1)));
            },
            ticker,
            Runnable::run,
            registry);
    tier.put("a/1+o", fresh(10, 60));
    tier.put("a/2", fresh(10, 60));
    tier.put("b/1+o", fresh(10, 60));
    assertThat(tier.invalidateGroup("o")).isEqualTo(2);
    assertThat(tier.getIfPresent("a/1+o")).isNull();
    assertThat(tier.getIfPresent("b/1+o")).isNull();
    assertThat(tier.getIfPresent("a/2")).isNotNull();
    assertThat(tier.indexedGroups()).as("only a/2's group is left").isEqualTo(1);
    tier.put("a/1+o", fresh(10, 60));
    assertThat(tier.invalidateGroup("a")).isEqualTo(2);
    assertThat(tier.indexedGroups()).isZero();
    assertThat(Groups.matches(new Groups(java.util.List.of("a", "o")), "o")).isTrue();
    assertThat(Groups.matches("a", "o")).isFalse();
  }

  @Test
  void index_forgetsWhatTheTierEvictsOrDrops() {
    LocalTier<String, Blob> tier = indexed(100);
    for (int i = 0; i < 50; i++) {
      tier.put("g" + i + "/x", fresh(10, 60)); // 500 bytes into a 100-byte tier: most are evicted
    }
    tier.weightedBytes(); // runs pending maintenance
    assertThat(tier.indexedGroups()).as("groups indexed").isLessThanOrEqualTo(10);
    tier.invalidate("g49/x");
    tier.invalidateAll();
    assertThat(tier.indexedGroups()).isZero();
  }

  @Test
  void invalidateGroup_withoutAnIndex_saysSo() {
    assertThatThrownBy(() -> tier(100).invalidateGroup("a"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void get_concurrentMisses_loadOnce() {
    LocalTier<String, Blob> tier = tier(1000);
    AtomicInteger loads = new AtomicInteger();
    CompletableFuture<Blob> pending = new CompletableFuture<>();
    CompletableFuture<Blob> a =
        tier.get(
            "k",
            k -> {
              loads.incrementAndGet();
              return pending;
            });
    CompletableFuture<Blob> b =
        tier.get(
            "k",
            k -> {
              loads.incrementAndGet();
              return pending;
            });
    pending.complete(fresh(10, 60));
    assertThat(a.join()).isSameAs(b.join());
    assertThat(loads).hasValue(1);
    assertThat(tier.getIfPresent("k")).isNotNull();
  }

  @Test
  void get_failedLoad_isNotCached() {
    LocalTier<String, Blob> tier = tier(1000);
    CompletableFuture<Blob> failed =
        tier.get(
            "k", k -> CompletableFuture.failedFuture(new IllegalStateException("origin down")));
    assertThatThrownBy(failed::join)
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("origin down");
    assertThat(tier.getIfPresent("k")).isNull();
    assertThat(tier.get("k", k -> CompletableFuture.completedFuture(fresh(5, 60))).join().size())
        .isEqualTo(5);
  }

  @Test
  void entry_expiresWithItsFreshness() {
    LocalTier<String, Blob> tier = tier(1000);
    tier.get("k", k -> CompletableFuture.completedFuture(fresh(10, 30))).join();
    nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(tier.getIfPresent("k")).isNotNull();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(tier.getIfPresent("k")).isNull();
  }

  @Test
  void notStorable_isHandedOutButNotKept() {
    LocalTier<String, Blob> tier = tier(1000);
    Blob uncacheable = new Blob(10, Freshness.notStorable(Instant.EPOCH));
    assertThat(tier.get("k", k -> CompletableFuture.completedFuture(uncacheable)).join())
        .isSameAs(uncacheable);
    assertThat(tier.getIfPresent("k")).isNull();
  }

  @Test
  void size_isBoundedInBytes() {
    LocalTier<String, Blob> tier = tier(100);
    for (int i = 0; i < 50; i++) {
      tier.get("k" + i, k -> CompletableFuture.completedFuture(fresh(10, 600))).join();
    }
    assertThat(tier.weightedBytes()).isLessThanOrEqualTo(100);
  }

  @Test
  void invalidate_removes() {
    LocalTier<String, Blob> tier = tier(1000);
    tier.get("k", k -> CompletableFuture.completedFuture(fresh(10, 60))).join();
    tier.invalidate("k");
    assertThat(tier.getIfPresent("k")).isNull();
  }

  @Test
  void metrics_countHitsAndMisses() {
    LocalTier<String, Blob> tier = tier(1000);
    tier.get("k", k -> CompletableFuture.completedFuture(fresh(10, 60))).join();
    tier.get("k", k -> CompletableFuture.completedFuture(fresh(10, 60))).join();
    assertThat(
            registry
                .get("cache.gets")
                .tag("cache", "test")
                .tag("result", "hit")
                .functionCounter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("cache.gets")
                .tag("cache", "test")
                .tag("result", "miss")
                .functionCounter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void entry_isKeptThroughItsStaleWindow() {
    LocalTier<String, Blob> tier = tier(1000);
    Freshness f =
        new Freshness(
            Instant.EPOCH,
            Duration.ZERO,
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            true);
    tier.get("k", k -> CompletableFuture.completedFuture(new Blob(1, f))).join();
    nanos.addAndGet(Duration.ofSeconds(69).toNanos()); // lifetime 10 s + longer stale window 60 s
    assertThat(tier.getIfPresent("k")).isNotNull();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(tier.getIfPresent("k")).isNull();
  }

  @Test
  void put_replaces_andRemoveIf_purgesMatches() {
    LocalTier<String, Blob> tier = tier(1000);
    tier.get("a?1", k -> CompletableFuture.completedFuture(fresh(1, 60))).join();
    tier.put("a?1", fresh(2, 60));
    tier.put("a?2", fresh(3, 60));
    tier.put("b?1", fresh(4, 60));
    assertThat(tier.getIfPresent("a?1").size()).isEqualTo(2);
    assertThat(tier.removeIf((k, v) -> k.startsWith("a?"))).isEqualTo(2);
    assertThat(tier.getIfPresent("a?2")).isNull();
    assertThat(tier.getIfPresent("b?1")).isNotNull();
  }
}
