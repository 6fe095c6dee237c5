package io.imgedge.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
  private final SingleFlight<String, String> flights = new SingleFlight<>();

  @Test
  void run_whileInFlight_sharesTheWork() {
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> a =
        flights.run(
            "k",
            () -> {
              calls.incrementAndGet();
              return pending;
            });
    CompletableFuture<String> b =
        flights.run(
            "k",
            () -> {
              calls.incrementAndGet();
              return pending;
            });
    assertThat(flights.inFlight()).isEqualTo(1);
    pending.complete("v");
    assertThat(a.join()).isEqualTo("v");
    assertThat(b.join()).isEqualTo("v");
    assertThat(calls).hasValue(1);
    assertThat(flights.inFlight()).isZero();
  }

  @Test
  void run_afterCompletion_startsAgain() {
    AtomicInteger calls = new AtomicInteger();
    flights.run("k", () -> CompletableFuture.completedFuture("v" + calls.incrementAndGet())).join();
    assertThat(
            flights
                .run("k", () -> CompletableFuture.completedFuture("v" + calls.incrementAndGet()))
                .join())
        .isEqualTo("v2");
  }

  @Test
  void run_failure_isNotReplayed() {
    CompletableFuture<String> failed =
        flights.run(
            "k",
            () -> {
              throw new IllegalStateException("boom");
            });
    assertThatThrownBy(failed::join).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(flights.inFlight()).isZero();
    assertThat(flights.run("k", () -> CompletableFuture.completedFuture("ok")).join())
        .isEqualTo("ok");
  }

  @Test
  void run_differentKeys_areIndependent() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    flights.run("a", () -> pending);
    assertThat(flights.run("b", () -> CompletableFuture.completedFuture("b")).join())
        .isEqualTo("b");
  }

  @Test
  void join_tellsTheLeaderFromFollowers() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    SingleFlight.Flight<String> leader = flights.join("k", () -> pending);
    SingleFlight.Flight<String> follower = flights.join("k", () -> pending);
    assertThat(leader.leader()).isTrue();
    assertThat(follower.leader()).isFalse();
    pending.complete("v");
    assertThat(follower.result().join()).isEqualTo("v");
  }

  @Test
  void aCallerThatLeaves_doesNotStopTheWorkWhileAnotherWaits() {
    CompletableFuture<String> work = new CompletableFuture<>();
    CompletableFuture<String> a = flights.run("k", () -> work);
    CompletableFuture<String> b = flights.run("k", () -> work);
    a.cancel(true);
    assertThat(work).as("b still waits").isNotCancelled();
    work.complete("v");
    assertThat(b.join()).isEqualTo("v");
  }

  @Test
  void whenTheLastCallerLeaves_theWorkIsCancelled_andTheNextCallStartsAfresh() {
    CompletableFuture<String> work = new CompletableFuture<>();
    CompletableFuture<String> a = flights.run("k", () -> work);
    CompletableFuture<String> b = flights.run("k", () -> work);
    a.cancel(true);
    b.cancel(true);
    assertThat(work).as("nobody waits any more").isCancelled();
    assertThat(flights.inFlight()).isZero();
    assertThat(flights.run("k", () -> CompletableFuture.completedFuture("again")).join())
        .isEqualTo("again");
  }

  @Test
  void aFlightThatFinishesAbandonedWork_letsItRun() {
    SingleFlight<String, String> keeping = new SingleFlight<>(false);
    CompletableFuture<String> work = new CompletableFuture<>();
    keeping.run("k", () -> work).cancel(true);
    assertThat(work).isNotCancelled();
  }
}
