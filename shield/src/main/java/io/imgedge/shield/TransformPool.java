package io.imgedge.shield;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where transforms run: a fixed number of threads and a bounded queue. When both are full a
 * submission fails at once with {@link OverloadedException} (503 with Retry-After): the node sheds
 * load instead of queueing without bound.
 */
public final class TransformPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;

  /**
   * @param threads transforms running at once
   * @param queue transforms waiting beyond those
   */
  public TransformPool(int threads, int queue) {
    BlockingQueue<Runnable> q = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, q, r -> {
      Thread t = new Thread(r, "imgedge-transform-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** Runs work on the pool, or fails with {@link OverloadedException} if the pool is full. */
  public <T> CompletableFuture<T> submit(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new OverloadedException());
    }
  }

  /** Transforms running now. */
  public int active() {
    return executor.getActiveCount();
  }

  /** Transforms waiting now. */
  public int queued() {
    return executor.getQueue().size();
  }

  /** Stops taking work, lets running transforms finish (up to a few seconds). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
