package io.imgedge.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {

  @Test
  void composeCancelling_beforeTheFirstPartEnds_cancelsIt_andNeverStartsTheSecond() {
    CompletableFuture<String> first = new CompletableFuture<>();
    boolean[] started = {false};
    CompletableFuture<Integer> composed =
        Futures.composeCancelling(
            first,
            s -> {
              started[0] = true;
              return new CompletableFuture<>();
            });
    composed.cancel(true);
    assertThat(first).isCancelled();
    assertThat(started[0]).isFalse();
  }

  @Test
  void composeCancelling_afterTheFirstPartEnded_cancelsTheSecond() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<Integer> second = new CompletableFuture<>();
    CompletableFuture<Integer> composed = Futures.composeCancelling(first, s -> second);
    first.complete("x");
    composed.cancel(true);
    assertThat(second).isCancelled();
  }

  @Test
  void composeCancelling_passesValuesAndFailuresThrough() {
    CompletableFuture<Integer> ok =
        Futures.composeCancelling(
            CompletableFuture.completedFuture("abc"),
            s -> CompletableFuture.completedFuture(s.length()));
    assertThat(ok.join()).isEqualTo(3);
    CompletableFuture<Integer> failed =
        Futures.composeCancelling(
            CompletableFuture.completedFuture("abc"),
            s -> CompletableFuture.failedFuture(new IllegalStateException("no")));
    assertThat(failed).isCompletedExceptionally();
  }
}
