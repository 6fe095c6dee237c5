package io.imgedge.transform.resize;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The parts of one resize (chunks or bands of output rows), taken in turn by the calling thread
 * and, when it accepts, a lent helper thread. Each thread makes its own worker once (its rows,
 * rings and buffers) and keeps it for the parts it takes; the first failure is thrown to the caller
 * once every part is done or skipped.
 */
final class SharedParts implements Runnable {
  /** One thread's worker: does part {@code i}. */
  interface Worker {
    void run(int part);
  }

  private final int parts;
  private final Supplier<Worker> workers;
  private final AtomicInteger next = new AtomicInteger();
  private final CountDownLatch done;
  private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();

  /**
   * @param parts how many parts
   * @param workers makes a thread's worker, at its first part
   */
  SharedParts(int parts, Supplier<Worker> workers) {
    this.parts = parts;
    this.workers = workers;
    this.done = new CountDownLatch(parts);
  }

  /** Offers the helper a share, works through the parts, waits for the helper's last one. */
  void runWith(Executor helper) {
    try {
      helper.execute(this);
    } catch (RejectedExecutionException e) {
      // busy or shutting down: this thread takes every part
    }
    runAlone();
  }

  /** Works through the parts left (all of them when no helper was offered) and waits for them. */
  void runAlone() {
    run();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resizing", e);
    }
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  @Override
  public void run() {
    @Nullable Worker worker = null;
    for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
      try {
        if (failure.get() == null) {
          worker = worker == null ? workers.get() : worker;
          worker.run(i);
        }
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      } finally {
        done.countDown();
      }
    }
  }
}
