package io.imgedge.shield;

import io.imgedge.transform.Deadline;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where transforms run: a fixed number of threads and a bounded queue. When both are full a
 * submission fails at once with {@link OverloadedException} (503 with Retry-After): the node sheds
 * load instead of queueing without bound. A task whose result nobody wants any more (its future
 * cancelled: every client that waited has gone) leaves the queue at once, or, when it runs already,
 * is told to stop through its {@link Deadline}.
 */
public final class TransformPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;

  /**
   * @param threads transforms running at once
   * @param queue transforms waiting beyond those
   */
  public TransformPool(int threads, int queue) {
    BlockingQueue<Runnable> q =
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            q,
            r -> {
              Thread t = new Thread(r, "imgedge-transform-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Runs work on the pool, or fails with {@link OverloadedException} if the pool is full. */
  public <T> CompletableFuture<T> submit(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new OverloadedException());
    }
  }

  /**
   * Runs work that checks {@code deadline} on the pool, or fails with {@link OverloadedException}
   * if the pool is full. Cancelling the returned future abandons the work: a queued task is dropped
   * before it runs, a running one stops at its next check.
   */
  public <T> CompletableFuture<T> submit(Deadline deadline, Function<Deadline, T> work) {
    Task<T> task = new Task<>(deadline, work);
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new OverloadedException());
    }
    return task.result;
  }

  /** A queued or running transform and the future its requesters hold. */
  private final class Task<T> implements Runnable {
    private final Deadline deadline;
    private final Function<Deadline, T> work;
    private final CompletableFuture<T> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            deadline.abandon();
            executor.remove(Task.this);
            return super.cancel(mayInterruptIfRunning);
          }
        };

    Task(Deadline deadline, Function<Deadline, T> work) {
      this.deadline = deadline;
      this.work = work;
    }

    @Override
    public void run() {
      if (result.isDone()) {
        return; // abandoned while it waited
      }
      try {
        result.complete(work.apply(deadline));
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
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
