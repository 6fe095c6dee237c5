package io.imgedge.loadtest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a task in a closed loop for a fixed time with a number of workers; returns ops/s. */
final class Throughput {
  private Throughput() {}

  /** Operations per second with {@code inFlight} workers over {@code seconds}. */
  static double measure(Runnable task, int inFlight, double seconds) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(inFlight)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < inFlight; i++) {
        workers.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    task.run();
                    done.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }
}
