package io.imgedge.transform.resize;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntSupplier;

/**
 * The resize helper as a node lends it: bands of a resize go to the helper threads only while this
 * is the one render running ({@code renders} at most 1), so that a render alone uses the idle cores
 * and renders in flight together do not take cores from each other's decodes and encodes. When
 * refused, {@link ConvolutionResizer} does every band on the calling thread.
 */
public final class IdleHelper implements Executor {
  private final Executor threads;
  private final IntSupplier renders;

  /**
   * @param threads the helper threads
   * @param renders how many renders run now (this one included)
   */
  public IdleHelper(Executor threads, IntSupplier renders) {
    this.threads = Objects.requireNonNull(threads);
    this.renders = Objects.requireNonNull(renders);
  }

  @Override
  public void execute(Runnable task) {
    if (renders.getAsInt() > 1) {
      throw new RejectedExecutionException("other renders run: the cores are busy");
    }
    threads.execute(task);
  }
}
