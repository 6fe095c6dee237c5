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
      CompletableFuture<String> first =
          pool.submit(
              () -> {
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
          .isInstanceOfSatisfying(
              OverloadedException.class,
              e -> {
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
      assertThatThrownBy(
              () ->
                  pool.submit(
                          () -> {
                            throw new IllegalStateException("bad");
                          })
                      .join())
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

  @Test
  void cancellingAQueuedTask_dropsIt_andCancellingARunningOne_stopsItAtItsNextCheck()
      throws Exception {
    try (TransformPool pool = new TransformPool(1, 4)) {
      CountDownLatch running = new CountDownLatch(1);
      java.util.concurrent.atomic.AtomicInteger checks =
          new java.util.concurrent.atomic.AtomicInteger();
      io.imgedge.transform.Deadline long1 =
          io.imgedge.transform.Deadline.after(java.time.Duration.ofMinutes(1), System::nanoTime);
      CompletableFuture<String> busy =
          pool.submit(
              long1,
              d -> {
                running.countDown();
                while (true) {
                  checks.incrementAndGet();
                  d.check("a row"); // throws once abandoned
                  Thread.onSpinWait();
                }
              });
      running.await();
      java.util.concurrent.atomic.AtomicBoolean ran =
          new java.util.concurrent.atomic.AtomicBoolean();
      CompletableFuture<String> queued =
          pool.submit(
              io.imgedge.transform.Deadline.after(
                  java.time.Duration.ofMinutes(1), System::nanoTime),
              d -> {
                ran.set(true);
                return "never";
              });
      assertThat(pool.queued()).isEqualTo(1);
      queued.cancel(true);
      assertThat(pool.queued()).as("dropped from the queue at once").isZero();
      busy.cancel(true);
      assertThat(long1.abandoned()).isTrue();
      CompletableFuture<String> after = pool.submit(() -> "next");
      assertThat(after.get(5, java.util.concurrent.TimeUnit.SECONDS))
          .as("the thread is free again")
          .isEqualTo("next");
      assertThat(ran).isFalse();
    }
  }
}
