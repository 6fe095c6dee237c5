package io.imgedge.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.cache.ReadThrough.Result;
import io.imgedge.cache.ReadThrough.Source;
import io.imgedge.cache.testing.FakeClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The read-through protocol, on a fake clock: no test here sleeps. */
class ReadThroughTest {
  private final FakeClock clock = new FakeClock();
  private final AtomicInteger loads = new AtomicInteger();
  private final List<@Nullable Blob> revalidated = new ArrayList<>();

  record Blob(String name, Freshness freshness) implements Cacheable {
    @Override
    public long sizeInBytes() {
      return 10;
    }
  }

  private Blob blob(String name, long freshSeconds, long swrSeconds, long sieSeconds) {
    return new Blob(
        name,
        new Freshness(
            clock.instant(),
            Duration.ZERO,
            Duration.ofSeconds(freshSeconds),
            Duration.ofSeconds(swrSeconds),
            Duration.ofSeconds(sieSeconds),
            true));
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double gets(String result) {
    return registry
        .get("cache.gets")
        .tag("cache", "test")
        .tag("result", result)
        .functionCounter()
        .count();
  }

  private ReadThrough<String, Blob> cache(ReadThrough.Policy<Blob> policy) {
    LocalTier<String, Blob> tier =
        new LocalTier<>(
            "test", 10_000, Duration.ofHours(1), clock.ticker(), Runnable::run, registry);
    return new ReadThrough<>(tier, clock, policy);
  }

  private ReadThrough.Loader<String, Blob> loader(CompletableFuture<Blob> result) {
    return (key, stale) -> {
      loads.incrementAndGet();
      revalidated.add(stale);
      return result;
    };
  }

  private ReadThrough.Loader<String, Blob> loader(Blob value) {
    return loader(CompletableFuture.completedFuture(value));
  }

  @Test
  void freshIfHeld_countsAHitWhenFresh_andNothingOtherwise() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    assertThat(cache.freshIfHeld("k")).isNull();
    assertThat(gets("miss")).as("a miss is left to whoever answers it").isZero();
    cache.get("k", loader(blob("a", 60, 0, 0))).join(); // a miss, counted
    assertThat(cache.freshIfHeld("k")).isNotNull();
    assertThat(gets("hit")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(61));
    assertThat(cache.freshIfHeld("k")).as("stale: not a hit").isNull();
    assertThat(gets("hit")).isEqualTo(1);
    assertThat(gets("miss")).isEqualTo(1);
  }

  @Test
  void get_missThenHit() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    Result<Blob> first = cache.get("k", loader(blob("a", 60, 0, 0))).join();
    Result<Blob> second = cache.get("k", loader(blob("b", 60, 0, 0))).join();
    assertThat(first.source()).isEqualTo(Source.MISS);
    assertThat(second.source()).isEqualTo(Source.HIT);
    assertThat(second.value().name()).isEqualTo("a");
    assertThat(loads).hasValue(1);
    assertThat(cache.fresh("k")).isNotNull();
  }

  /**
   * A caller that misses just as a flight ends (after the flight has left the in-flight table) must
   * find the value stored, not load a second time: the flight ends only after the store. Here the
   * late caller asks from inside the first caller's completion, the narrowest moment.
   */
  @Test
  void get_aMissAsTheFlightEnds_findsTheValueStored() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    CompletableFuture<Blob> pending = new CompletableFuture<>();
    CompletableFuture<Result<Blob>> late = new CompletableFuture<>();
    cache
        .get("k", loader(pending))
        .thenRun(
            () ->
                cache
                    .get("k", loader(blob("second", 60, 0, 0)))
                    .whenComplete((r, e) -> late.complete(r)));
    pending.complete(blob("first", 60, 0, 0));
    assertThat(late.join().value().name()).isEqualTo("first");
    assertThat(late.join().source()).isEqualTo(Source.HIT);
    assertThat(loads).hasValue(1);
  }

  @Test
  void get_concurrentMisses_loadOnce() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    CompletableFuture<Blob> pending = new CompletableFuture<>();
    List<CompletableFuture<Result<Blob>>> callers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      callers.add(cache.get("k", loader(pending)));
    }
    pending.complete(blob("a", 60, 0, 0));
    assertThat(callers).allSatisfy(c -> assertThat(c.join().value().name()).isEqualTo("a"));
    assertThat(loads).hasValue(1);
  }

  @Test
  void get_aFlightLooksAgain_soAValueStoredMeanwhileIsNotLoadedTwice() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    cache.put("k", blob("stored", 60, 0, 0));
    AtomicInteger looks = new AtomicInteger();
    // the first look misses (as for a caller that looked just before the last load stored its
    // value); the flight it starts looks again and finds the value
    Result<Blob> r =
        cache
            .get(
                "k",
                held -> looks.incrementAndGet() == 1 ? null : held,
                loader(blob("loaded", 60, 0, 0)))
            .join();
    assertThat(r.value().name()).isEqualTo("stored");
    assertThat(loads).hasValue(0);
  }

  @Test
  void get_staleWhileRevalidate_servesStale_andRefreshesOnceInTheBackground() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    Blob old = blob("old", 60, 30, 0);
    cache.get("k", loader(old)).join();
    clock.advance(Duration.ofSeconds(70));
    CompletableFuture<Blob> refresh = new CompletableFuture<>();
    Result<Blob> stale1 = cache.get("k", loader(refresh)).join();
    Result<Blob> stale2 = cache.get("k", loader(refresh)).join();
    assertThat(stale1.source()).isEqualTo(Source.STALE);
    assertThat(stale2.value().name()).isEqualTo("old");
    assertThat(loads).as("one refresh for both").hasValue(2);
    assertThat(revalidated.get(1))
        .as("the refresh gets the stale copy to revalidate")
        .isSameAs(old);
    refresh.complete(blob("new", 60, 30, 0));
    assertThat(cache.get("k", loader(blob("x", 60, 0, 0))).join())
        .isEqualTo(new Result<>(cache.fresh("k"), Source.HIT));
    assertThat(cache.fresh("k").name()).isEqualTo("new");
  }

  @Test
  void get_loadFails_staleIfErrorServesTheStaleCopy_elseTheErrorIsPassedOn() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    cache.get("k", loader(blob("old", 60, 0, 600))).join();
    clock.advance(Duration.ofSeconds(120));
    CompletableFuture<Blob> down =
        CompletableFuture.failedFuture(new IllegalStateException("origin down"));
    Result<Blob> r = cache.get("k", loader(down)).join();
    assertThat(r).isEqualTo(new Result<>(r.value(), Source.STALE));
    assertThat(r.value().name()).isEqualTo("old");
    clock.advance(Duration.ofSeconds(600));
    assertThatThrownBy(() -> cache.get("k", loader(down)).join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("origin down");
  }

  @Test
  void get_serveAnyStale_forTheFailuresThePolicyNames() {
    ReadThrough<String, Blob> cache =
        cache(
            new ReadThrough.Policy<>(
                e -> Duration.ZERO, e -> e instanceof IllegalStateException, 100));
    cache.get("k", loader(blob("old", 60, 0, 0))).join();
    clock.advance(Duration.ofMinutes(30));
    assertThat(
            cache
                .get(
                    "k",
                    loader(
                        CompletableFuture.failedFuture(new IllegalStateException("shields down"))))
                .join()
                .source())
        .isEqualTo(Source.STALE);
    assertThatThrownBy(
            () ->
                cache
                    .get(
                        "k",
                        loader(CompletableFuture.failedFuture(new IllegalArgumentException("bad"))))
                    .join())
        .hasMessageContaining("bad");
  }

  @Test
  void rememberedFailures_areAnsweredAtOnce_forTheirLifetimeOnly() {
    ReadThrough<String, Blob> cache =
        cache(
            new ReadThrough.Policy<>(
                e -> e instanceof IllegalStateException ? Duration.ofSeconds(5) : Duration.ZERO,
                e -> false,
                100));
    CompletableFuture<Blob> notFound =
        CompletableFuture.failedFuture(new IllegalStateException("404"));
    assertThatThrownBy(() -> cache.get("k", loader(notFound)).join()).hasMessageContaining("404");
    assertThatThrownBy(() -> cache.get("k", loader(blob("a", 60, 0, 0))).join())
        .hasMessageContaining("404");
    assertThat(loads).as("remembered: not loaded again").hasValue(1);
    clock.advance(Duration.ofSeconds(6));
    assertThat(cache.get("k", loader(blob("a", 60, 0, 0))).join().value().name()).isEqualTo("a");
    assertThat(loads).hasValue(2);

    assertThatThrownBy(
            () ->
                cache
                    .get(
                        "j",
                        loader(CompletableFuture.failedFuture(new IllegalArgumentException("x"))))
                    .join())
        .hasMessageContaining("x");
    cache.get("j", loader(blob("b", 60, 0, 0))).join();
    assertThat(loads).as("a failure the policy does not name is not remembered").hasValue(4);
  }

  @Test
  void notStorable_isNotShared_norKept_andItsKeyPassesForAWhile() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    Blob secret = new Blob("private", Freshness.notStorable(clock.instant()));
    CompletableFuture<Blob> pending = new CompletableFuture<>();
    CompletableFuture<Result<Blob>> leader = cache.get("k", loader(pending));
    CompletableFuture<Result<Blob>> follower =
        cache.get("k", loader(CompletableFuture.completedFuture(secret)));
    pending.complete(secret);
    assertThat(leader.join().value()).isSameAs(secret);
    assertThat(follower.join().value()).isSameAs(secret);
    assertThat(loads).as("the follower loads its own").hasValue(2);
    assertThat(cache.fresh("k")).isNull();
    CompletableFuture<Blob> slow = new CompletableFuture<>();
    cache.get("k", loader(slow));
    cache.get("k", loader(slow));
    assertThat(loads).as("a pass key: side by side, never queued").hasValue(4);
  }

  @Test
  void view_decidesWhatAHeldValueIs() {
    ReadThrough<String, Blob> cache = cache(ReadThrough.Policy.plain());
    cache.get("k", loader(blob("v1", 60, 0, 0))).join();
    Result<Blob> r =
        cache
            .get("k", held -> held.name().equals("v1") ? null : held, loader(blob("v2", 60, 0, 0)))
            .join();
    assertThat(r.value().name())
        .as("a held value the view refuses is loaded again")
        .isEqualTo("v2");
  }

  @Test
  void invalidateKeys_forgetsValuesAndRememberedFailures() {
    ReadThrough<String, Blob> cache =
        cache(new ReadThrough.Policy<>(e -> Duration.ofMinutes(1), e -> false, 100));
    cache.get("a/1", loader(blob("x", 60, 0, 0))).join();
    assertThatThrownBy(
            () ->
                cache
                    .get(
                        "a/2",
                        loader(CompletableFuture.failedFuture(new IllegalStateException("e"))))
                    .join())
        .hasMessageContaining("e");
    cache.get("b/1", loader(blob("y", 60, 0, 0))).join();
    assertThat(cache.invalidateKeys(k -> k.startsWith("a/"))).isEqualTo(1);
    assertThat(cache.fresh("a/1")).isNull();
    assertThat(cache.fresh("b/1")).isNotNull();
    assertThat(cache.get("a/2", loader(blob("z", 60, 0, 0))).join().value().name()).isEqualTo("z");
  }
}
