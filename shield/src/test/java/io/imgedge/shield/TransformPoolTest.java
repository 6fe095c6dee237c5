package io.imgedge.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TransformPoolTest {

  @Test
  void submit_beyondThreadsAndQueue_isOverloaded() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    try (TransformPool pool = new TransformPool(1, 1)) {
      CompletableFuture<String> first = pool.submit(() -> {
        running.countDown();
        await(release);
        return "first";
      });
      running.await();
      CompletableFuture<String> queued = pool.submit(() -> "queued");
      CompletableFuture<String> rejected = pool.submit(() -> "rejected");
      assertThatThrownBy(rejected::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(OverloadedException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfterSeconds()).isPositive();
          });
      release.countDown();
      assertThat(first.join()).isEqualTo("first");
      assertThat(queued.join()).isEqualTo("queued");
    }
  }

  @Test
  void submit_failureOfTheWork_reachesTheCaller() {
    try (TransformPool pool = new TransformPool(1, 0)) {
      assertThatThrownBy(() -> pool.submit(() -> { throw new IllegalStateException("bad"); }).join())
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
