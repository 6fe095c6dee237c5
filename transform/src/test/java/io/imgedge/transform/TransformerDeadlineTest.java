package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A render stops within a row's time of being abandoned (or of its deadline), inside a long step
 * (here an upscale, an unsharp mask and a blur of millions of pixels), not when the step ends.
 */
class TransformerDeadlineTest {
  private static final String EXPENSIVE =
      "width=1600&height=1600&enable=upscale&sharpen=a5,r100&blur=150";

  /** The issue asks for ~100 ms; the margin is for a shared, noisy machine. */
  private static final long STOPS_WITHIN_MILLIS = 400;

  private final TestTransformer t = TestTransformer.withFastlyDefaults();
  private final byte[] source =
      TestImages.png(TestImages.checkerboard(600, 600, 0xFF204080, 0xFFE0C020));

  private Throwable render(Deadline deadline) {
    TransformSpec spec = t.parser().parse(EXPENSIVE);
    return catchThrowable(
        () ->
            t.transformer()
                .render(source, null, spec, FormatNegotiation.negotiate(spec, null), deadline));
  }

  @Test
  void abandoned_stopsWithinAFractionOfASecond() {
    long full = timed(() -> render(Deadline.after(Duration.ofMinutes(1), System::nanoTime)));
    Deadline deadline = Deadline.after(Duration.ofMinutes(1), System::nanoTime);
    AtomicLong abandonedAt = new AtomicLong();
    try (ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor()) {
      scheduler.schedule(
          () -> {
            abandonedAt.set(System.nanoTime());
            deadline.abandon();
          },
          full / 4,
          TimeUnit.NANOSECONDS);
      Throwable stopped = render(deadline);
      long after = System.nanoTime() - abandonedAt.get();
      assertThat(stopped).isInstanceOf(RenderAbandonedException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(after))
          .as("a full render takes %d ms", full / 1_000_000)
          .isLessThan(STOPS_WITHIN_MILLIS);
    }
  }

  @Test
  void pastItsDeadline_stopsInsideTheStep() {
    long full = timed(() -> render(Deadline.after(Duration.ofMinutes(1), System::nanoTime)));
    long start = System.nanoTime();
    Throwable stopped = render(Deadline.after(Duration.ofNanos(full / 4), System::nanoTime));
    long overshoot = System.nanoTime() - start - full / 4;
    assertThat(stopped).isInstanceOf(TransformTimeoutException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(overshoot))
        .as("a full render takes %d ms", full / 1_000_000)
        .isLessThan(STOPS_WITHIN_MILLIS);
  }

  private static long timed(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return System.nanoTime() - start;
  }
}
