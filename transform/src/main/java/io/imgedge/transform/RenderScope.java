package io.imgedge.transform;

import java.util.function.Supplier;

/**
 * The {@link Deadline} of the render running on the current thread, for the long loops of the image
 * operations to check without every operation taking it as a parameter ({@link ScopedValue}: bound
 * for the duration of one render, on its thread, and gone after).
 */
public final class RenderScope {
  private static final ScopedValue<Deadline> CURRENT = ScopedValue.newInstance();

  private RenderScope() {}

  /** Runs {@code work} with {@code deadline} as the current render's. */
  public static <T> T call(Deadline deadline, Supplier<T> work) {
    return ScopedValue.where(CURRENT, deadline).call(work::get);
  }

  /**
   * Stops the current render if its time is up or it was abandoned; does nothing outside a render.
   * Cheap: call it once per row or frame.
   *
   * @throws RenderAbandonedException if nobody waits for the render any more
   * @throws TransformTimeoutException if its time is up
   */
  public static void checkpoint() {
    if (CURRENT.isBound()) {
      CURRENT.get().check("the current step");
    }
  }
}
